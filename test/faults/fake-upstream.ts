/**
 * A real OpenAI-compatible Chat Completions server on a local port (node:http), scripted
 * per request, for fault tests that need real sockets and real timing: Retry-After waits,
 * streams that stall or break mid-way, clients and servers that go away. msw cannot stall a
 * socket or be reached from a child process; this can.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CRITERIA } from '../../server/practice/criteria.js';

export interface SeenUpstreamRequest {
  /** `performance.now()` when the request arrived. */
  at: number;
  body: { model?: string; stream?: boolean; messages?: { role: string; content: string }[] };
}

/** Answers one request; may keep the response open (a stall) until the socket closes. */
export type UpstreamReply = (res: ServerResponse, req: IncomingMessage) => void | Promise<void>;

export interface FakeUpstream {
  /** The `OPENAI_BASE_URL` to give Rehearse. */
  baseURL: string;
  /** Streaming requests: the partner's replies. */
  requests: SeenUpstreamRequest[];
  /** Non-streaming requests: the LLM judge's reads of turns, answered with a valid verdict. */
  judgeRequests: SeenUpstreamRequest[];
  /** Sockets currently open to the fake: a stream left dangling shows up here. */
  openSockets(): number;
  /** Queues replies for the next streaming requests, in order; the last one repeats. */
  script(...replies: UpstreamReply[]): void;
  close(): Promise<void>;
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const requests: SeenUpstreamRequest[] = [];
  const judgeRequests: SeenUpstreamRequest[] = [];
  let queue: UpstreamReply[] = [jsonError(500, 'no reply scripted')];
  let sockets = 0;

  const server = createServer(async (req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const seen: SeenUpstreamRequest = { at, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') };
    // With a model configured, the server also asks it (without streaming) to judge each turn.
    if (seen.body.stream !== true) {
      judgeRequests.push(seen);
      return judgeVerdict(res);
    }
    requests.push(seen);
    const reply = queue.length > 1 ? queue.shift()! : queue[0]!;
    await reply(res, req);
  });
  server.on('connection', (socket) => {
    sockets += 1;
    socket.on('close', () => (sockets -= 1));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    judgeRequests,
    openSockets: () => sockets,
    script(...replies) {
      if (replies.length === 0) throw new Error('script at least one reply');
      queue = replies;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One Chat Completions chunk as an SSE event. */
export function chunkEvent(delta: Record<string, unknown>, finishReason: string | null = null): string {
  const chunk = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'fake',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** `count` words, the text a stream of them carries. */
export function wordsOf(count: number, stem = 'word'): string[] {
  return Array.from({ length: count }, (_, i) => `${stem}${i + 1} `);
}

export interface StreamOptions {
  /** Milliseconds between words (0: all at once). */
  paceMs?: number;
  /** After the words: `finish` (stop chunk and [DONE]), `stall` (keep the socket open, send nothing), `end` (close with no finish). */
  ending?: 'finish' | 'stall' | 'end';
  /** Inserts an event that is not JSON after this many words. */
  malformedAfter?: number;
}

/** Streams `words` as Chat Completions SSE. */
export function streamWords(words: readonly string[], { paceMs = 0, ending = 'finish', malformedAfter }: StreamOptions = {}): UpstreamReply {
  return async (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(chunkEvent({ role: 'assistant', content: '' }));
    for (const [index, word] of words.entries()) {
      if (res.destroyed) return;
      if (index === malformedAfter) res.write('data: {"id":"chatcmpl-fake","choices":[{"delta":{"content":\n\n');
      if (paceMs > 0 && index > 0) await sleep(paceMs);
      res.write(chunkEvent({ content: word }));
    }
    if (ending === 'stall') return;
    if (ending === 'finish') res.write(`${chunkEvent({}, 'stop')}data: [DONE]\n\n`);
    res.end();
  };
}

/** A JSON error answer, as OpenAI sends it. */
export function jsonError(status: number, message: string, headers: Record<string, string> = {}): UpstreamReply {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null } }));
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A judge's answer that meets no criterion: valid, so the judge's read is stored quietly. */
function judgeVerdict(res: ServerResponse): void {
  const verdict = Object.fromEntries(CRITERIA.map((criterion) => [criterion, { met: false, evidence: null }]));
  const completion = {
    id: 'chatcmpl-judge',
    object: 'chat.completion',
    created: 0,
    model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(verdict) }, finish_reason: 'stop' }],
  };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(completion));
}
