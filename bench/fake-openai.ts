/**
 * A local OpenAI-compatible server (node:http) that streams a fixed reply as Chat
 * Completions SSE at a fixed pace: the "model" both the direct baseline and Rehearse talk to.
 * Token times are scheduled from the start of each response, so a busy event loop delays a
 * token without pushing every later token back. A request that does not ask to stream is
 * the LLM judge's read of a turn (Rehearse makes one per turn when a model is configured):
 * it gets a valid verdict, as JSON, after the time a stream would take.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CRITERIA } from '../server/practice/criteria.js';

export interface PacedUpstream {
  /** The base URL for the AI SDK (`.../v1`). */
  baseURL: string;
  /** The streaming endpoint, for the direct baseline. */
  endpoint: string;
  /** The text every stream carries. */
  text: string;
  /** Streamed replies answered so far. */
  requests(): number;
  /** Judge (non-streaming) requests answered so far. */
  judgeRequests(): number;
  close(): Promise<void>;
}

function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  const body = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(body)}\n\n`;
}

export async function startPacedUpstream({ tokens, paceMs }: { tokens: number; paceMs: number }): Promise<PacedUpstream> {
  const words = Array.from({ length: tokens }, (_, i) => `${i === 0 ? '' : ' '}w${i + 1}`);
  // Serialised once: the fake should cost as little as possible per token.
  const events = words.map((word) => chunk({ content: word }));
  const opening = chunk({ role: 'assistant', content: '' });
  const closing = `${chunk({}, 'stop')}data: [DONE]\n\n`;
  let answered = 0;
  let judged = 0;
  const verdict = JSON.stringify(Object.fromEntries(CRITERIA.map((criterion) => [criterion, { met: false, evidence: null }])));
  const completion = JSON.stringify({
    id: 'chatcmpl-bench-judge',
    object: 'chat.completion',
    created: 0,
    model: 'bench',
    choices: [{ index: 0, message: { role: 'assistant', content: verdict }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });

  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (!/"stream"\s*:\s*true/.test(body)) {
        judged += 1;
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(completion), tokens * paceMs);
        return;
      }
      answered += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(opening + events[0]);
      const start = performance.now();
      let next = 1;
      const tick = () => {
        if (res.destroyed) return;
        const due = Math.floor((performance.now() - start) / paceMs) + 1;
        let out = '';
        while (next < events.length && next < due) out += events[next++];
        if (out) res.write(out);
        if (next >= events.length) return void res.end(closing);
        setTimeout(tick, Math.max(0, start + next * paceMs - performance.now()));
      };
      setTimeout(tick, paceMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    endpoint: `http://127.0.0.1:${port}/v1/chat/completions`,
    text: words.join(''),
    requests: () => answered,
    judgeRequests: () => judged,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
