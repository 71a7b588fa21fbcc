/**
 * Streams the partner's reply to the browser as an AI SDK UI message stream and stores it,
 * whatever happens: the client leaving, the model failing, stalling or cutting the stream.
 *
 * The model's stream is read by our own loop, not by the HTTP response, so a client that
 * goes away never stops the reply from being completed and stored. The text is written to
 * the database as it arrives (throttled), so even a killed process leaves what arrived.
 * A model that fails before its first word gets a JSON error instead of a stream.
 */
import { createUIMessageStream, createUIMessageStreamResponse, streamText, type ModelMessage, type TextStreamPart, type ToolSet } from 'ai';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { SharedV3ProviderOptions } from '@ai-sdk/provider';
import type { Db } from '../db/client.js';
import { updateReply } from '../db/queries/messages.js';
import type { MessageRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { describeError, type Logger } from '../logger.js';
import type { ReplyMetadata } from '../api/schemas.js';

export interface ReplyStreamDeps {
  db: Db;
  logger: Logger;
  modelTimeoutMs: number;
  /** How often the text so far is written while streaming. */
  flushEveryMs?: number;
  /** Deltas arriving within this window are sent as one (about a frame). */
  coalesceMs?: number;
}

export interface ReplyRequest {
  replyId: string;
  sessionId: string;
  model: LanguageModelV3;
  system?: string;
  messages: ModelMessage[];
  providerOptions?: SharedV3ProviderOptions;
  metadata: ReplyMetadata;
}

class ModelTimeout extends Error {
  override name = 'ModelTimeout';
}

type Part = TextStreamPart<ToolSet>;
type Outcome = { status: MessageRow['status']; error?: unknown };

export async function streamReply(deps: ReplyStreamDeps, request: ReplyRequest): Promise<Response> {
  const { db, logger, modelTimeoutMs, flushEveryMs = 250, coalesceMs = 16 } = deps;
  const abort = new AbortController();
  // One deadline bounds both the wait for the first word and the whole reply.
  const deadline = setTimeout(() => abort.abort(new ModelTimeout(`no complete reply within ${modelTimeoutMs} ms`)), modelTimeoutMs);
  const started = Date.now();

  const result = streamText({
    model: request.model,
    system: request.system,
    messages: request.messages,
    abortSignal: abort.signal,
    maxRetries: 2,
    providerOptions: request.providerOptions,
    // The default prints the error, whose message can echo the transcript; the outcome is
    // handled (and logged without text) below.
    onError: ({ error }) => logger.debug('reply.model_error', { replyId: request.replyId, ...describeError(error) }),
  });
  const parts = result.fullStream[Symbol.asyncIterator]();

  let text = '';
  let lastFlush = Date.now();
  let flushing: Promise<void> | undefined;
  const flush = () => {
    if (flushing || Date.now() - lastFlush < flushEveryMs) return;
    lastFlush = Date.now();
    flushing = updateReply(db, request.replyId, { text, status: 'streaming' })
      .catch((cause) => logger.warn('reply.flush_failed', { replyId: request.replyId, ...describeError(cause) }))
      .finally(() => (flushing = undefined));
  };

  /** Reads parts until text arrives or the stream ends; returns the first text, or the outcome. */
  const next = async (): Promise<{ delta?: string; outcome?: Outcome }> => {
    try {
      for (;;) {
        const { value, done } = await parts.next();
        if (done) return { outcome: { status: text ? 'partial' : 'failed', error: new Error('stream ended without a finish') } };
        const part = value as Part;
        if (part.type === 'text-delta') return { delta: part.text };
        if (part.type === 'error') return { outcome: { status: text ? 'partial' : 'failed', error: part.error } };
        if (part.type === 'abort') return { outcome: { status: text ? 'partial' : 'failed', error: abort.signal.reason ?? new Error('aborted') } };
        if (part.type === 'finish') {
          // A stream that stops with no finish reason is a cut reply, not a finished one.
          const cut = part.finishReason === 'other' || part.finishReason === 'error';
          return { outcome: cut ? { status: text ? 'partial' : 'failed', error: new Error('the stream was cut') } : { status: text ? 'complete' : 'failed', error: text ? undefined : new Error('empty reply') } };
        }
      }
    } catch (error) {
      return { outcome: { status: text ? 'partial' : 'failed', error: abort.signal.aborted ? abort.signal.reason : error } };
    }
  };

  const settle = async (outcome: Outcome) => {
    clearTimeout(deadline);
    // A reply that ended early (an error part, a cut) can leave the upstream response open,
    // holding a socket until the upstream closes it: let the model call go.
    if (outcome.status !== 'complete') abort.abort(new Error('the reply was settled'));
    await flushing;
    await updateReply(db, request.replyId, { text, status: outcome.status });
    const fields = { sessionId: request.sessionId, replyId: request.replyId, status: outcome.status, chars: text.length, ms: Date.now() - started };
    if (outcome.error) logger.warn('reply.failed', { ...fields, ...describeError(outcome.error) });
    else logger.info('reply.stored', fields);
  };

  const first = await next();
  if (first.outcome) {
    await settle(first.outcome);
    throw clientError(first.outcome.error, modelTimeoutMs);
  }
  text += first.delta!;
  flush();

  const stream = createUIMessageStream({
    execute: async ({ writer }) => {
      writer.write({ type: 'start', messageId: request.replyId, messageMetadata: request.metadata });
      writer.write({ type: 'text-start', id: request.replyId });
      writer.write({ type: 'text-delta', id: request.replyId, delta: first.delta! });
      // Tokens that arrive within one frame go out as one delta: the page cannot show them
      // apart, and every chunk costs a pass through the stream pipeline and a socket write.
      let pending = '';
      let timer: NodeJS.Timeout | undefined;
      const emit = () => {
        timer = undefined;
        if (!pending) return;
        writer.write({ type: 'text-delta', id: request.replyId, delta: pending });
        pending = '';
      };
      let outcome: Outcome | undefined;
      while (!outcome) {
        const step = await next();
        if (step.outcome) outcome = step.outcome;
        else {
          text += step.delta!;
          pending += step.delta!;
          timer ??= setTimeout(emit, coalesceMs);
          flush();
        }
      }
      clearTimeout(timer);
      emit();
      await settle(outcome);
      writer.write({ type: 'text-end', id: request.replyId });
      if (outcome.error) writer.write({ type: 'error', errorText: clientError(outcome.error, modelTimeoutMs).message });
      writer.write({ type: 'finish', messageMetadata: { status: outcome.status } });
    },
  });
  return createUIMessageStreamResponse({ stream });
}

/** Streams a reply that is already stored (the same turn sent twice): nothing is written. */
export function replayReply(reply: Pick<MessageRow, 'id' | 'text' | 'status'>, metadata: ReplyMetadata): Response {
  const stream = createUIMessageStream({
    execute: ({ writer }) => {
      writer.write({ type: 'start', messageId: reply.id, messageMetadata: metadata });
      writer.write({ type: 'text-start', id: reply.id });
      writer.write({ type: 'text-delta', id: reply.id, delta: reply.text });
      writer.write({ type: 'text-end', id: reply.id });
      writer.write({ type: 'finish', messageMetadata: { status: reply.status } });
    },
  });
  return createUIMessageStreamResponse({ stream });
}

/** What the person is told: plain words, no upstream details (they can echo the transcript). */
function clientError(error: unknown, timeoutMs: number): AppError {
  const retry = 'Your turn is saved; send it again to retry.';
  if (error instanceof ModelTimeout) {
    return new AppError('model_timeout', `The partner's model did not answer within ${Math.round(timeoutMs / 1000)} s. ${retry}`, { cause: error });
  }
  const status = upstreamStatus(error);
  if (status === 429) return new AppError('model_failed', `The model is rate-limited right now. ${retry}`, { cause: error });
  return new AppError('model_failed', `The partner's model failed to answer. ${retry}`, { cause: error });
}

function upstreamStatus(error: unknown): number | undefined {
  const seen = new Set<unknown>();
  let current = error as { statusCode?: unknown; lastError?: unknown; cause?: unknown } | undefined;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (typeof current.statusCode === 'number') return current.statusCode;
    current = (current.lastError ?? current.cause) as typeof current;
  }
  return undefined;
}
