/**
 * The load generator's HTTP client: node:http with a keep-alive agent and no socket cap,
 * so the client is not the bottleneck. It times a streamed answer (time to the first text,
 * time to the end) and collects its text, for both wire formats: the model's Chat
 * Completions SSE (the direct baseline) and Rehearse's UI message stream.
 */
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });

export interface StreamTiming {
  status: number;
  /** Milliseconds from sending the request to the first text. */
  ttftMs: number;
  /** Milliseconds from sending the request to the end of the stream. */
  totalMs: number;
  text: string;
  /** The body of a non-200 answer, or the last `finish` metadata status of a UI stream. */
  detail?: string;
}

/** Picks the text out of one SSE `data:` payload; undefined when it carries none. */
export type TextOf = (event: Record<string, unknown>) => string | undefined;

export const chatCompletionText: TextOf = (event) => {
  const choices = event.choices as { delta?: { content?: string } }[] | undefined;
  return choices?.[0]?.delta?.content || undefined;
};

export const uiMessageText: TextOf = (event) => (event.type === 'text-delta' ? (event.delta as string) : undefined);

export function streamPost(url: string, body: unknown, textOf: TextOf): Promise<StreamTiming> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttftMs = -1;
    let text = '';
    let buffer = '';
    let finish: string | undefined;
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        res.setEncoding('utf8');
        const status = res.statusCode ?? 0;
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (status !== 200 || !event.startsWith('data: {')) continue;
            const parsed = JSON.parse(event.slice(6)) as Record<string, unknown>;
            const piece = textOf(parsed);
            if (piece !== undefined) {
              if (ttftMs < 0) ttftMs = performance.now() - started;
              text += piece;
            }
            if (parsed.type === 'finish') finish = (parsed.messageMetadata as { status?: string } | undefined)?.status;
          }
        });
        res.on('end', () => resolve({ status, ttftMs, totalMs: performance.now() - started, text, detail: status === 200 ? finish : buffer.slice(0, 300) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data || 'null') as T }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Drops the pooled sockets, so one phase's connections do not carry into the next. */
export function resetConnections(): void {
  agent.destroy();
}
