import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { modelFetch } from '../../server/http/model-fetch.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('modelFetch (the transport of the model calls)', () => {
  it('sends the method, headers and body, and answers status, headers and the streamed body', async () => {
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'text/event-stream', 'x-seen': `${req.method} ${req.headers.authorization} ${body}` });
        res.write('data: one\n\n');
        setTimeout(() => res.end('data: two\n\n'), 20);
      });
    });
    const response = await modelFetch(`${url}/v1/chat`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: '{"a":1}' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-seen')).toBe('POST Bearer k {"a":1}');
    expect(await response.text()).toBe('data: one\n\ndata: two\n\n');
  });

  it('passes reads at once until the first text, then batches reads that come close together', async () => {
    const event = (delta: object) => `data: ${JSON.stringify({ choices: [{ index: 0, delta }] })}\n\n`;
    const role = event({ role: 'assistant', content: '' });
    const tokens = Array.from({ length: 12 }, (_, i) => event({ content: ` w${i + 1}` }));
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(role);
      let sent = 0;
      // The first token comes alone, then the rest close together.
      setTimeout(() => res.write(tokens[sent++]), 10);
      const timer = setInterval(() => {
        if (sent === 0) return;
        res.write(tokens[sent++]);
        if (sent === tokens.length) {
          clearInterval(timer);
          res.end();
        }
      }, 3);
    });
    const response = await modelFetch(url);
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(decoder.decode(read.value));
    // The first token was passed on as it came, not held for the tokens after it.
    const firstText = chunks.findIndex((chunk) => chunk.includes(tokens[0]!));
    expect(chunks[firstText]!.endsWith(tokens[0]!)).toBe(true);
    expect(chunks.join('')).toBe(role + tokens.join(''));
    expect(chunks.length).toBeLessThan(1 + tokens.length);
  });

  it('rejects a refused connection as the global fetch does, so the provider retries it', async () => {
    const url = await serve(() => {});
    const closed = servers.pop()!;
    closed.close();
    await once(closed, 'close');
    const error = await modelFetch(`${url}/v1/chat`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    expect(((error as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('rejects with the abort reason before an answer, and errors the body when aborted mid-stream', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/slow') return; // never answers
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n'); // and then nothing more
    });
    const early = new AbortController();
    const waiting = modelFetch(`${url}/slow`, { signal: early.signal });
    const reason = new Error('gave up');
    early.abort(reason);
    await expect(waiting).rejects.toBe(reason);

    const late = new AbortController();
    const response = await modelFetch(`${url}/stream`, { signal: late.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: first\n\n');
    late.abort(new Error('cut'));
    await expect(reader.read()).rejects.toThrow('cut');
  });

  it('errors the body when the server cuts the connection mid-stream', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const response = await modelFetch(url);
    await expect(response.text()).rejects.toThrow();
  });
});
