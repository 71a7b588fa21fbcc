/**
 * Streams the partner's reply to the browser as an AI SDK UI message stream and stores it,
 * whatever happens: the client leaving, the model failing, stalling or cutting the stream.
 *
 * The lean path: the model is called through the language model interface (`doStream`), with
 * the same retries `streamText` would make, and its parts are read by our own loop — not by
 * the HTTP response, so a client that goes away never stops the reply from being completed
 * and stored. The call starts first; no byte of it reaches the client until `store` (the
 * turn's write) has settled. The text is written to the database as it arrives (throttled),
 * so even a killed process leaves what arrived. A model that fails before its first word
 * gets a JSON error instead of a stream.
 */
import { APICallError } from 'ai';
import type { LanguageModelV3, LanguageModelV3Prompt, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import type { Db } from '../db/client.js';
import { updateReply } from '../db/queries/messages.js';
import type { MessageRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { describeError, type Logger } from '../logger.js';
import type { ReplyMetadata } from '../api/schemas.js';
import { uiMessageSse, type UIMessageSse } from './ui-message-sse.js';

export interface ReplyStreamDeps {
  db: Db;
  logger: Logger;
  modelTimeoutMs: number;
  /** How often the text so far is written while streaming. */
  flushEveryMs?: number;
  /** Deltas arriving within this window are sent as one (a few frames). */
  coalesceMs?: number;
}

export interface ReplyRequest {
  replyId: string;
  sessionId: string;
  model: LanguageModelV3;
  prompt: LanguageModelV3Prompt;
  metadata: ReplyMetadata;
  /**
   * The turn's write, started just after the model call is on its way (an embedded database
   * writes on this thread, so it goes second and the model is not kept waiting for it).
   * Nothing is sent before it settles; when it fails (e.g. a 409), the model call is let go
   * and the error thrown.
   */
  store?: () => Promise<unknown>;
}

class ModelTimeout extends Error {
  override name = 'ModelTimeout';
}

type Status = MessageRow['status'];
type Outcome = { status: Status; error?: unknown };
type Reader = ReadableStreamDefaultReader<LanguageModelV3StreamPart>;

/** Retries of the first request, as `streamText` makes them: 2 s then 4 s, or what Retry-After asks. */
const MAX_RETRIES = 2;
const FIRST_BACKOFF_MS = 2_000;

export async function streamReply(deps: ReplyStreamDeps, request: ReplyRequest): Promise<Response> {
  const { db, logger, modelTimeoutMs, flushEveryMs = 250, coalesceMs = 40 } = deps;
  const { replyId, sessionId } = request;
  const abort = new AbortController();
  // One deadline bounds both the wait for the first word and the whole reply.
  const deadline = setTimeout(() => abort.abort(new ModelTimeout(`no complete reply within ${modelTimeoutMs} ms`)), modelTimeoutMs);
  const started = Date.now();

  // The model call and the turn's write run together; the model never waits for the database.
  const opened = openStream(request.model, request.prompt, abort.signal);
  // Handled here so that a model failing while the write is in flight is not an unhandled rejection.
  opened.catch(() => {});
  if (request.store) {
    try {
      // One turn of the event loop lets the request to the model leave first.
      await new Promise((resolve) => setImmediate(resolve));
      await request.store();
    } catch (error) {
      clearTimeout(deadline);
      abort.abort(new Error('the turn was not stored'));
      opened.then(
        (reader) => reader.cancel().catch(() => {}),
        () => {},
      );
      throw error;
    }
  }

  let text = '';
  let lastFlush = Date.now();
  let flushing: Promise<void> | undefined;
  const flush = () => {
    if (flushing || Date.now() - lastFlush < flushEveryMs) return;
    lastFlush = Date.now();
    flushing = updateReply(db, replyId, { text, status: 'streaming' })
      .catch((cause) => logger.warn('reply.flush_failed', { replyId, ...describeError(cause) }))
      .finally(() => (flushing = undefined));
  };

  let reader: Reader | undefined;
  const ended = (error: unknown): Outcome => ({ status: text ? 'partial' : 'failed', error: abort.signal.aborted ? abort.signal.reason : error });

  /** Reads parts until text arrives or the stream ends; returns the text, or the outcome. */
  const next = async (): Promise<string | Outcome> => {
    try {
      reader ??= await opened;
      for (;;) {
        const { value: part, done } = await reader.read();
        if (done) return ended(new Error('stream ended without a finish'));
        switch (part.type) {
          case 'text-delta':
            if (part.delta) return part.delta;
            break;
          case 'error':
            return ended(part.error);
          case 'finish': {
            // A stream that stops with no finish reason is a cut reply, not a finished one.
            const cut = part.finishReason.unified === 'other' || part.finishReason.unified === 'error';
            if (cut) return ended(new Error('the stream was cut'));
            return text ? { status: 'complete' } : { status: 'failed', error: new Error('empty reply') };
          }
        }
      }
    } catch (error) {
      return ended(error);
    }
  };

  const settle = async (outcome: Outcome) => {
    clearTimeout(deadline);
    // A reply that ended early (an error part, a cut) can leave the upstream response open,
    // holding a socket until the upstream closes it: let the model call go.
    if (outcome.status !== 'complete') {
      abort.abort(new Error('the reply was settled'));
      reader?.cancel().catch(() => {});
    }
    await flushing;
    await updateReply(db, replyId, { text, status: outcome.status });
    const fields = { sessionId, replyId, status: outcome.status, chars: text.length, ms: Date.now() - started };
    if (outcome.error) logger.warn('reply.failed', { ...fields, ...describeError(outcome.error) });
    else logger.info('reply.stored', fields);
  };

  const first = await next();
  if (typeof first !== 'string') {
    await settle(first);
    throw clientError(first.error, modelTimeoutMs);
  }
  text += first;
  flush();

  const sse = uiMessageSse();
  sse.write({ type: 'start', messageId: replyId, messageMetadata: request.metadata });
  sse.write({ type: 'text-start', id: replyId });
  sse.write({ type: 'text-delta', id: replyId, delta: first });
  // The rest of the reply is read, sent and stored by its own loop: a client that leaves
  // stops only the sending.
  void (async () => {
    let outcome: Outcome;
    try {
      outcome = await relay(sse, replyId, coalesceMs, async () => {
        const step = await next();
        if (typeof step === 'string') {
          text += step;
          flush();
        }
        return step;
      });
      await settle(outcome);
    } catch (error) {
      // Only the store can throw here (settle's write): the reply was sent but not saved.
      logger.error('reply.store_failed', { sessionId, replyId, ...describeError(error) });
      sse.write({ type: 'error', errorText: 'The reply could not be saved. Send your turn again to retry.' });
      sse.close();
      return;
    }
    sse.write({ type: 'text-end', id: replyId });
    if (outcome.error) sse.write({ type: 'error', errorText: clientError(outcome.error, modelTimeoutMs).message });
    sse.write({ type: 'finish', messageMetadata: { status: outcome.status } });
    sse.close();
  })();
  return sse.response;
}

/**
 * Writes deltas until the model's stream ends. Tokens that arrive within a few frames go out
 * as one delta (25 a second still reads as smooth typing), since every chunk costs a
 * serialisation and a socket write. The first
 * token and the last batch go out at once, so neither the first word nor the end waits.
 */
async function relay(sse: UIMessageSse, id: string, coalesceMs: number, next: () => Promise<string | Outcome>): Promise<Outcome> {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  const emit = () => {
    timer = undefined;
    if (!pending) return;
    sse.write({ type: 'text-delta', id, delta: pending });
    pending = '';
  };
  for (;;) {
    const step = await next();
    if (typeof step !== 'string') {
      clearTimeout(timer);
      emit();
      return step;
    }
    pending += step;
    timer ??= setTimeout(emit, coalesceMs);
  }
}

/** Opens the model's stream, retrying the first request as `streamText` would. */
async function openStream(model: LanguageModelV3, prompt: LanguageModelV3Prompt, abortSignal: AbortSignal): Promise<Reader> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { stream } = await model.doStream({ prompt, abortSignal });
      return stream.getReader();
    } catch (error) {
      if (abortSignal.aborted) throw abortSignal.reason ?? error;
      if (attempt >= MAX_RETRIES || !APICallError.isInstance(error) || !error.isRetryable) throw error;
      await sleep(retryDelayMs(error, FIRST_BACKOFF_MS * 2 ** attempt), abortSignal);
    }
  }
}

/** Honours `retry-after-ms` and `retry-after` (seconds or a date) when they ask for under a minute. */
function retryDelayMs(error: APICallError, backoffMs: number): number {
  const headers = error.responseHeaders ?? {};
  let ms: number | undefined;
  const afterMs = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (!Number.isNaN(afterMs)) ms = afterMs;
  else if (headers['retry-after']) {
    const seconds = Number.parseFloat(headers['retry-after']);
    ms = Number.isNaN(seconds) ? Date.parse(headers['retry-after']) - Date.now() : seconds * 1000;
  }
  return ms !== undefined && ms >= 0 && (ms < 60_000 || ms < backoffMs) ? ms : backoffMs;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The conversation as a language model prompt: the system prompt, then the turns. */
export function modelPrompt(system: string | undefined, turns: readonly { role: 'user' | 'assistant'; text: string }[]): LanguageModelV3Prompt {
  const prompt: LanguageModelV3Prompt = system ? [{ role: 'system', content: system }] : [];
  for (const turn of turns) prompt.push({ role: turn.role, content: [{ type: 'text', text: turn.text }] });
  return prompt;
}

/** Streams a reply that is already stored (the same turn sent twice): nothing is written. */
export function replayReply(reply: Pick<MessageRow, 'id' | 'text' | 'status'>, metadata: ReplyMetadata): Response {
  const sse = uiMessageSse();
  sse.write({ type: 'start', messageId: reply.id, messageMetadata: metadata });
  sse.write({ type: 'text-start', id: reply.id });
  sse.write({ type: 'text-delta', id: reply.id, delta: reply.text });
  sse.write({ type: 'text-end', id: reply.id });
  sse.write({ type: 'finish', messageMetadata: { status: reply.status } });
  sse.close();
  return sse.response;
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
