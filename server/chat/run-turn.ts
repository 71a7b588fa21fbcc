/**
 * One chat turn over HTTP: one read (the session and its conversation), the domain's turn
 * function (`takeTurn`: label, fold, coach, safety, what to ask the partner), then the turn's
 * one batched write and the model call started together, and the reply streamed. Resending a
 * stored turn is idempotent: a finished reply is replayed, a failed or cut one is retried.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import type { ChatBody, ReplyMetadata } from '../api/schemas.js';
import { presentCoachRead } from '../api/present.js';
import { readTurnContext, startRetry, startTurn, type ConversationMessage, type StartTurnResult } from '../db/queries/messages.js';
import type { SessionRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { summariseArc } from '../practice/partner/arc-stages.js';
import type { PartnerCall } from '../practice/partner/partner-engine.js';
import { createScriptedModel } from '../practice/partner/scripted-stream.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';
import { continueTurn, takeTurn, type PartnerAsk } from '../practice/turn/take-turn.js';
import { modelPrompt, replayReply, streamReply } from './reply-stream.js';
import { judgeTurnLater } from './judge-turn.js';
import { labelledTurns } from '../db/queries/labelled-turns.js';
import { checkInContextFor } from '../http/check-in-context.js';
import { readTurnInput } from './turn-input.js';
import { sessionScenario } from './session-scenario.js';

export async function runTurn(ctx: AppContext, sessionId: string, body: ChatBody): Promise<Response> {
  const input = readTurnInput(body);
  // The one read before the model call: the session and its whole conversation.
  const { session, conversation: all, streamingAt } = await readTurnContext(ctx.db, sessionId);
  if (!session) throw new AppError('not_found', `no session with id "${sessionId}"`);
  // A session practised from an import reads who its partner is (one small read, those sessions only).
  const scenario = session.importId ? await sessionScenario(ctx, session, all) : ctx.scenarios.get(session.scenarioId);
  if (!scenario) throw new AppError('not_found', `the scenario "${session.scenarioId}" of this session is no longer installed`);
  if (session.status === 'ended') throw new AppError('conflict', 'this session has ended; start a new one to practise again');
  const existing = all.find((m) => m.id === input.id);
  if (existing) return resendTurn(ctx, session, scenario, existing, all, input.regenerate);
  // Seen in the one read, so the model is not called for a turn the write would refuse. The
  // write's claim still decides a race between two turns that both get past this.
  if (streamingAt !== null && streamingAt > Date.now() - staleAfterMs(ctx)) throw busy();

  const active = all.filter((m) => m.supersededAt === null);
  const context = active.filter((m) => m.role === 'assistant' && m.text).at(-1)?.text ?? '';
  const checkIn = await checkInContextFor(ctx, scenario, session);
  const taken = takeTurn({ scenario, history: labelledTurns(active), context, text: input.text, label: ctx.label, checkIn });
  const { read, state, concern } = taken;
  const replyId = randomUUID();
  const call = partnerCall(ctx, taken.ask);
  const resolves = state.resolved && session.status === 'active';

  // The turn's one batched write, run by streamReply once the model call is on its way.
  const store = () =>
    startTurn(ctx.db, {
      sessionId: session.id,
      userMessageId: input.id,
      text: input.text,
      coach: { scorer: 'offline', ...read },
      replyId,
      source: call.source,
      staleAfterMs: staleAfterMs(ctx),
      resolves,
      safetyFlag: !!concern,
    }).then((result) => {
      rejectUnlessStarted(result);
      ctx.logger.info('turn.stored', {
        sessionId: session.id,
        messageId: input.id,
        labels: read.labels.length,
        trustAfter: read.trustAfter,
        safety: !!concern,
      });
      if (!concern)
        void judgeTurnLater(ctx, { sessionId: session.id, messageId: input.id, scenario, input: { kind: scenario.kind, context, reply: input.text }, checkIn });
    });

  const metadata: ReplyMetadata = {
    userMessageId: input.id,
    coach: presentCoachRead(read),
    trust: read.trustAfter,
    sessionStatus: resolves ? 'resolved' : session.status,
    arc: summariseArc(state),
    ...(concern ? { safety: true } : {}),
    ...(ctx.judge && !concern ? { judgePending: true } : {}),
  };
  const prompt = taken.ask.to === 'safety' ? [] : modelPrompt(call.system, [...conversationForModel(active), { role: 'user', text: input.text }]);
  return streamReply(ctx, { replyId, sessionId: session.id, model: call.model, prompt, metadata, store });
}

/** The same message id again: replay a finished reply, retry a failed or cut one. */
async function resendTurn(
  ctx: AppContext,
  session: SessionRow,
  scenario: Scenario,
  message: ConversationMessage,
  all: readonly ConversationMessage[],
  regenerate: boolean,
): Promise<Response> {
  if (message.role !== 'user') throw new AppError('conflict', 'message.id is already used by another message');
  if (message.supersededAt) throw new AppError('conflict', 'that turn was rewound; send it as a new message');
  // The reply to this turn is the first message after it still in the conversation.
  const reply = all.find((m) => m.seq > message.seq && m.supersededAt === null && m.role === 'assistant');
  if (reply?.status === 'streaming') throw busy();

  const active = all.filter((m) => m.supersededAt === null);
  const upTo = active.filter((m) => m.seq <= message.seq);
  const taken = continueTurn(scenario, labelledTurns(upTo), { checkIn: await checkInContextFor(ctx, scenario, session) });
  const metadata: ReplyMetadata = {
    userMessageId: message.id,
    ...(message.coach ? { coach: presentCoachRead(message.coach) } : {}),
    trust: taken.state.trust,
    sessionStatus: session.status,
    arc: summariseArc(taken.state),
  };
  if (reply?.status === 'complete' && !regenerate) return replayReply(reply, metadata);

  const replyId = randomUUID();
  const call = partnerCall(ctx, taken.ask);
  const store = () =>
    startRetry(ctx.db, { sessionId: session.id, previousReplyId: reply?.id, replyId, source: call.source, staleAfterMs: staleAfterMs(ctx) }).then((result) => {
      rejectUnlessStarted(result);
      ctx.logger.info('turn.retry', { sessionId: session.id, messageId: message.id, previousStatus: reply?.status ?? 'none' });
    });
  const before = upTo.filter((m) => m.seq < message.seq);
  const prompt = taken.ask.to === 'safety' ? [] : modelPrompt(call.system, [...conversationForModel(before), { role: 'user', text: message.text }]);
  return streamReply(ctx, { replyId, sessionId: session.id, model: call.model, prompt, metadata, store });
}

/** The model for the reply: the partner engine in the role-play, or the safety answer outside it. */
function partnerCall(ctx: AppContext, ask: PartnerAsk): PartnerCall {
  if (ask.to === 'safety') return { model: createScriptedModel({ modelId: 'safety', reply: () => ask.reply }), source: 'safety' };
  return ctx.engine.callFor(ask.cue);
}

function rejectUnlessStarted(result: StartTurnResult): void {
  if (result === 'busy') throw busy();
  if (result === 'taken') throw new AppError('conflict', 'message.id is already used by another message');
}

function busy(): AppError {
  return new AppError('conflict', 'a reply is still streaming for this session; wait for it to finish');
}

/**
 * The conversation as the model sees it: replies that failed are left out, and so is any
 * exchange answered outside the role-play (it is not part of the scene).
 */
function conversationForModel(messages: readonly ConversationMessage[]): { role: 'user' | 'assistant'; text: string }[] {
  const out: { role: 'user' | 'assistant'; text: string }[] = [];
  messages.forEach((message, index) => {
    const next = messages[index + 1];
    if (message.role === 'user') {
      if (next?.source === 'safety') return;
      out.push({ role: 'user', text: message.text });
    } else if (message.text && message.source !== 'safety') {
      out.push({ role: 'assistant', text: message.text });
    }
  });
  return out;
}

/** A streaming reply untouched for this long lost its writer (a crash): it no longer blocks. */
function staleAfterMs(ctx: AppContext): number {
  return ctx.modelTimeoutMs + 30_000;
}
