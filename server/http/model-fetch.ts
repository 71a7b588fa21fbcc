/**
 * The `fetch` the model provider is given: a request over `node:http`/`node:https` with a
 * keep-alive agent, its body handed to the provider as a web stream.
 *
 * Why not the global fetch: undici's response body costs tens of microseconds of CPU per
 * network read on this kind of machine before the provider's own stages run, and a partner's
 * reply is a network read per token. Reading a 64-token stream through the provider, one at a
 * time with tokens 1 ms apart, took ~10.6 ms of CPU with the global fetch and ~7.4–9 ms with
 * this one. Only what the provider uses is implemented: a method, string headers, a string
 * body, an abort signal; the answer's status, headers and streamed body.
 *
 * Errors keep the global fetch's shapes, because the provider reads them: a connection that
 * fails rejects with `TypeError('fetch failed', { cause })` (the provider turns that into a
 * retryable `APICallError`), an aborted call rejects with the signal's reason, and a body
 * cut mid-way errors the stream.
 */
import http from 'node:http';
import https from 'node:https';
import { createTextEventMerger, type TextEventMerger } from './merge-text-events.js';

/**
 * Network reads that arrive within this window of the last one passed on go to the provider
 * as one chunk. A streamed reply is a read per token, and each chunk passes the provider's
 * web-stream stages (decode, split events, parse, map) before Rehearse sees it; batching a few
 * reads, and merging their text events (merge-text-events.ts), makes those stages run once for
 * several tokens. The first word never waits:
 * every read passes at once until one carries text (a model often sends its role alone just
 * before the first token), and so does a read after a quiet spell as long as the window.
 *
 * 40 ms is the window the reply is sent on to the browser in (reply-stream's coalescing), so a
 * wider batch here shows the reader nothing new, and the provider's stages run about a third less often over a
 * fast stream. At 50 sessions against the paced fake (the bench's latency schedule,
 * five alternating pairs of eight rounds each, on one quiet machine) it took the added first-token time p50 from
 * a median of ~31 to ~10 ms and CPU per turn from 10.3 to 9.2 ms against 25 ms.
 */
const BATCH_MS = 40;
/** Text in a Chat Completions (`"content":"…`) or Responses (`"delta":"…`) event. */
const CARRIES_TEXT = /"(?:content|delta)":"[^"]/;

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

export const modelFetch: typeof fetch = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const protocol = url.protocol === 'https:' ? 'https:' : url.protocol === 'http:' ? 'http:' : undefined;
  if (!protocol) return Promise.reject(new TypeError('fetch failed', { cause: new Error(`unsupported protocol ${url.protocol}`) }));
  const body = bodyText(init.body);
  if (body instanceof Error) return Promise.reject(body);

  return new Promise<Response>((resolve, reject) => {
    const request = (protocol === 'https:' ? https : http).request(url, {
      method: init.method ?? 'GET',
      headers: { ...headerRecord(init.headers), ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      agent: agents[protocol],
    });
    let answer: http.IncomingMessage | undefined;
    // Once the answer has begun, its body errors with the signal's reason, as the global fetch's does.
    const onAbort = () => {
      const reason = signal!.reason instanceof Error ? signal!.reason : new Error(String(signal!.reason));
      answer?.destroy(reason);
      request.destroy(reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    request.once('error', (error) => {
      done();
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    });
    request.once('response', (incoming) => {
      answer = incoming;
      incoming.once('close', done);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else if (value !== undefined) headers.set(name, value);
      }
      const status = incoming.statusCode ?? 502;
      // A response that must have no body (204, 304) cannot be built with one.
      const noBody = status === 204 || status === 304 || init.method === 'HEAD';
      if (noBody) incoming.resume();
      resolve(
        new Response(noBody ? null : batchedBody(incoming, BATCH_MS, url.pathname.endsWith('/chat/completions') ? createTextEventMerger() : undefined), {
          status,
          statusText: incoming.statusMessage,
          headers,
        }),
      );
    });
    request.end(body);
  });
};

function bodyText(body: RequestInit['body']): string | undefined | Error {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  return new TypeError('modelFetch sends string bodies only (the provider sends JSON)');
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return headers as Record<string, string>;
}

/**
 * The answer's body as a web stream whose chunks batch the network reads of `windowMs` (see
 * BATCH_MS for when a read passes at once). No backpressure: a model's reply is small and the provider reads it
 * as fast as it comes. Cancelling the stream closes the connection's answer.
 */
function batchedBody(incoming: http.IncomingMessage, windowMs: number, merger?: TextEventMerger): ReadableStream<Uint8Array> {
  let pending: Buffer[] = [];
  let timer: NodeJS.Timeout | undefined;
  let textSeen = false;
  let lastPassed = 0;
  let settled = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const flush = () => {
    timer = undefined;
    if (pending.length === 0 || settled) return;
    lastPassed = performance.now();
    const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    const out = merger ? merger.push(bytes) : bytes;
    if (out.length > 0) controller.enqueue(out);
  };
  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      incoming.on('data', (chunk: Buffer) => {
        pending.push(chunk);
        if (timer) return;
        const early = !textSeen;
        if (early) textSeen = CARRIES_TEXT.test(chunk.toString('latin1'));
        const wait = early ? 0 : lastPassed + windowMs - performance.now();
        if (wait <= 0) flush();
        else timer = setTimeout(flush, wait);
      });
      incoming.once('end', () => {
        clearTimeout(timer);
        flush();
        const rest = merger?.end();
        if (!settled && rest && rest.length > 0) controller.enqueue(rest);
        if (!settled) controller.close();
        settled = true;
      });
      const fail = (error: Error) => {
        clearTimeout(timer);
        if (!settled) controller.error(error);
        settled = true;
      };
      incoming.once('error', fail);
      // A connection that closes before its end with no error event still cuts the reply.
      incoming.once('close', () => {
        if (!incoming.complete) fail(incoming.errored ?? new Error("the model's answer was cut off"));
      });
    },
    cancel(reason) {
      clearTimeout(timer);
      settled = true;
      incoming.destroy(reason instanceof Error ? reason : undefined);
    },
  });
}
