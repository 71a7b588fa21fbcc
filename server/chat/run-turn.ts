/**
 * One turn, end to end: read the person's turn, label it, store it with the coach's read
 * before any model is called, then stream the partner's reply (or, on a safety concern, an
 * answer outside the role-play). Resending a stored turn is idempotent: a finished reply is
 * replayed, a failed or cut one is retried.
 */
import { randomUUID } from 'node:crypto';
import type { ModelMessage } from 'ai';
import type { AppContext } from '../app-context.js';
import type { ChatBody, ReplyMetadata } from '../api/schemas.js';
import { presentCoachRead } from '../api/present.js';
import { listConversation, startRetry, startTurn, type ConversationMessage } from '../db/queries/messages.js';
import { flagSessionSafety, updateSessionStatus } from '../db/queries/sessions.js';
import type { SessionRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { ScoredTurn } from '../practice/coach/scorecard.js';
import { coachTurn } from '../practice/coach/turn-coach.js';
import { labelledTurnsOption } from '../practice/partner/builtin-partner.js';
import type { PartnerCall } from '../practice/partner/partner-engine.js';
import { foldPartnerState, type LabelledTurn } from '../practice/partner/partner-state.js';
import { createScriptedModel } from '../practice/partner/scripted-stream.js';
import { detectSafetyConcern, safetyReply } from '../practice/safety/safety-check.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';
import type { EvidenceSpan } from '../practice/scoring/scorer.js';
import { replayReply, streamReply } from './reply-stream.js';
import { judgeTurnLater } from './judge-turn.js';
import { readTurnInput } from './turn-input.js';

export async function runTurn(ctx: AppContext, session: SessionRow, scenario: Scenario, body: ChatBody): Promise<Response> {
  if (session.status === 'ended') throw new AppError('conflict', 'this session has ended; start a new one to practise again');
  const input = readTurnInput(body);
  // One read serves both the resend check and the history the fold needs.
  const all = await listConversation(ctx.db, session.id);
  const existing = all.find((m) => m.id === input.id);
  if (existing) return resendTurn(ctx, session, scenario, existing, all, input.regenerate);

  const active = all.filter((m) => m.supersededAt === null);
  const history = labelledTurns(active);
  const context = active.filter((m) => m.role === 'assistant' && m.text).at(-1)?.text ?? '';
  const turn: LabelledTurn = { text: input.text, ...ctx.label({ kind: scenario.kind, context, reply: input.text }) };
  const read = coachTurn(scenario, history, turn);
  const concern = detectSafetyConcern(input.text);
  const replyId = randomUUID();

  const started = await startTurn(ctx.db, {
    sessionId: session.id,
    userMessageId: input.id,
    text: input.text,
    coach: { scorer: 'offline', labels: read.labels, evidence: read.evidence, tip: read.tip, trustBefore: read.trustBefore, trustAfter: read.trustAfter, reason: read.reason },
    replyId,
    source: concern ? 'safety' : ctx.engine.name,
    staleAfterMs: staleAfterMs(ctx),
  });
  if (started === 'busy') throw new AppError('conflict', 'a reply is still streaming for this session; wait for it to finish');
  if (started === 'taken') throw new AppError('conflict', 'message.id is already used by another message');

  if (!concern) void judgeTurnLater(ctx, input.id, { kind: scenario.kind, context, reply: input.text }, read);
  let status = session.status;
  if (concern) await flagSessionSafety(ctx.db, session.id);
  if (read.state.resolved && status === 'active') {
    status = 'resolved';
    await updateSessionStatus(ctx.db, session.id, status);
  }
  ctx.logger.info('turn.stored', { sessionId: session.id, messageId: input.id, labels: read.labels.length, trustAfter: read.trustAfter, safety: !!concern });

  const metadata: ReplyMetadata = {
    userMessageId: input.id,
    coach: presentCoachRead({ ...read, evidence: read.evidence }),
    trust: read.trustAfter,
    sessionStatus: status,
    ...(concern ? { safety: true } : {}),
  };
  const turns = [...history, turn];
  if (concern) {
    const model = createScriptedModel({ modelId: 'safety', reply: () => safetyReply(concern) });
    return streamReply(ctx, { replyId, sessionId: session.id, model, messages: [{ role: 'user', content: '' }], metadata });
  }
  return streamPartnerReply(ctx, ctx.engine.callFor(scenario, read.state), { replyId, sessionId: session.id, before: active, text: input.text, turns, metadata });
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
  if (reply?.status === 'streaming') throw new AppError('conflict', 'a reply is still streaming for this session; wait for it to finish');

  const active = all.filter((m) => m.supersededAt === null);
  const upTo = active.filter((m) => m.seq < message.seq);
  const turns = [...labelledTurns(upTo), ...labelledTurns(active.filter((m) => m.id === message.id))];
  const coach = active.find((m) => m.id === message.id)?.coach;
  const state = foldPartnerState(scenario, turns);
  const metadata: ReplyMetadata = {
    userMessageId: message.id,
    ...(coach ? { coach: presentCoachRead(coach) } : {}),
    trust: state.trust,
    sessionStatus: session.status,
  };
  if (reply?.status === 'complete' && !regenerate) return replayReply(reply, metadata);

  const replyId = randomUUID();
  const call = ctx.engine.callFor(scenario, state);
  const started = await startRetry(ctx.db, { sessionId: session.id, previousReplyId: reply?.id, replyId, source: call.source, staleAfterMs: staleAfterMs(ctx) });
  if (started === 'busy') throw new AppError('conflict', 'a reply is still streaming for this session; wait for it to finish');
  ctx.logger.info('turn.retry', { sessionId: session.id, messageId: message.id, previousStatus: reply?.status ?? 'none' });
  return streamPartnerReply(ctx, call, { replyId, sessionId: session.id, before: upTo, text: message.text, turns, metadata });
}

/**
 * The partner's reply to `text`, given the conversation `before` it. The labelled turns go to
 * the built-in partner through provider options, so it reacts to exactly what the coach showed.
 */
function streamPartnerReply(
  ctx: AppContext,
  call: PartnerCall,
  reply: { replyId: string; sessionId: string; before: readonly ConversationMessage[]; text: string; turns: LabelledTurn[]; metadata: ReplyMetadata },
): Promise<Response> {
  return streamReply(ctx, {
    replyId: reply.replyId,
    sessionId: reply.sessionId,
    model: call.model,
    system: call.system,
    messages: [...conversationForModel(reply.before), { role: 'user', content: reply.text }],
    providerOptions: labelledTurnsOption(reply.turns),
    metadata: reply.metadata,
  });
}

/** The person's stored turns with their offline labels, in order. */
export function labelledTurns(messages: readonly Pick<ConversationMessage, 'id' | 'role' | 'text' | 'coach'>[]): ScoredTurn[] {
  return messages
    .filter((m) => m.role === 'user' && m.coach)
    .map((m) => ({ messageId: m.id, text: m.text, labels: m.coach!.labels as LabelledTurn['labels'], evidence: m.coach!.evidence as EvidenceSpan[] }));
}

/**
 * The conversation as the model sees it: replies that failed are left out, and so is any
 * exchange answered outside the role-play (it is not part of the scene).
 */
function conversationForModel(messages: readonly ConversationMessage[]): ModelMessage[] {
  const out: ModelMessage[] = [];
  messages.forEach((message, index) => {
    const next = messages[index + 1];
    if (message.role === 'user') {
      if (next?.source === 'safety') return;
      out.push({ role: 'user', content: message.text });
    } else if (message.text && message.source !== 'safety') {
      out.push({ role: 'assistant', content: message.text });
    }
  });
  return out;
}

/** A streaming reply untouched for this long lost its writer (a crash): it no longer blocks. */
function staleAfterMs(ctx: AppContext): number {
  return ctx.modelTimeoutMs + 30_000;
}
