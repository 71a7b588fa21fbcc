import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createOpenAI } from '@ai-sdk/openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createTextEventMerger } from '../../server/http/merge-text-events.js';
import { modelFetch } from '../../server/http/model-fetch.js';

// A real recorded Chat Completions stream (302 chunks: role, text, finish, usage).
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/openai/chat-openai-text.chunks.txt');
const lines = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean);
const events = [...lines.map((line) => `data: ${line}\n\n`), 'data: [DONE]\n\n'];
const fullText = lines.map((line) => (JSON.parse(line) as { choices: { delta?: { content?: string } }[] }).choices[0]?.delta?.content ?? '').join('');

type Chunk = { id?: string; choices: { delta?: { content?: string; role?: string }; finish_reason?: string | null }[]; usage?: unknown };
const parse = (sse: string): (Chunk | '[DONE]')[] =>
  sse
    .split('\n\n')
    .filter(Boolean)
    .map((event) => (event === 'data: [DONE]' ? '[DONE]' : (JSON.parse(event.slice(6)) as Chunk)));
const textOf = (chunks: (Chunk | '[DONE]')[]) => chunks.map((c) => (c === '[DONE]' ? '' : (c.choices[0]?.delta?.content ?? ''))).join('');

/** Feeds `sse` through a merger in pieces of the given sizes (cycled), as network reads would cut it. */
function through(sse: string, sizes: number[]): string {
  const merger = createTextEventMerger();
  const bytes = Buffer.from(sse, 'utf8');
  let out = '';
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    out += merger.push(bytes.subarray(at, at + size)).toString('utf8');
    at += size;
  }
  return out + merger.end().toString('utf8');
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe('merging text events before the provider reads them', () => {
  it('keeps every character of a real stream, and every other event as it was, in order', () => {
    const sse = events.join('');
    // Reads cut anywhere: mid-event, mid-character (the stream has multi-byte text), whole bursts.
    for (const sizes of [[sse.length], [1, 7, 300], [37], [4096, 3]]) {
      const merged = parse(through(sse, sizes));
      expect(textOf(merged)).toBe(fullText);
      const notText = (c: Chunk | '[DONE]') => c === '[DONE]' || c.choices[0]?.delta?.content === undefined;
      const others = merged.filter(notText);
      const originals = parse(sse).filter(notText);
      expect(others).toEqual(originals);
      // The role, sent with empty text first, still comes first.
      expect((merged[0] as Chunk).choices[0]?.delta?.role).toBe('assistant');
      if (sizes[0] === sse.length) expect(merged.length).toBe(originals.length + 1); // all the text in one event
      // Reads of several events merge; reads smaller than an event have nothing to merge.
      if (sizes[0] === 4096) expect(merged.length).toBeLessThan(parse(sse).length / 4);
    }
  });

  it('does not merge across a different reply, a finish, logprobs, a tool call or a refusal', () => {
    const chunk = (id: string, choice: object) => `data: ${JSON.stringify({ id, model: 'm', choices: [{ index: 0, finish_reason: null, ...choice }] })}\n\n`;
    const sse = [
      chunk('a', { delta: { content: 'one ' } }),
      chunk('b', { delta: { content: 'two ' } }),
      chunk('b', { delta: { content: 'three ' }, logprobs: { content: [] } }),
      chunk('b', { delta: { content: 'four ', tool_calls: [] } }),
      chunk('b', { delta: { content: 'five ', refusal: 'no' } }),
      chunk('b', { delta: { content: 'six' }, finish_reason: 'stop' }),
    ].join('');
    expect(through(sse, [sse.length])).toBe(sse);
  });

  it('merges the text of a server that repeats the role on every event (as Ollama does)', () => {
    const chunk = (content: string) =>
      `data: ${JSON.stringify({ id: 'c', model: 'llama3', choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: null }] })}\n\n`;
    const sse = ['I ', 'hear ', 'you.'].map(chunk).join('');
    const merged = parse(through(sse, [sse.length]));
    expect(merged).toEqual([{ id: 'c', model: 'llama3', choices: [{ index: 0, delta: { role: 'assistant', content: 'I hear you.' }, finish_reason: null }] }]);
  });

  it('passes a stream split by CRLF untouched', () => {
    const sse = events.slice(0, 20).join('').replaceAll('\n', '\r\n');
    expect(through(sse, [100])).toBe(sse);
  });

  it('reads the same reply through the provider as the model sent, with its finish and usage', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // Bursts of a few events, a few milliseconds apart, as a model streams.
      let at = 0;
      const timer = setInterval(() => {
        res.write(events.slice(at, at + 5).join(''));
        at += 5;
        if (at >= events.length) {
          clearInterval(timer);
          res.end();
        }
      }, 2);
    });
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const model = createOpenAI({ baseURL, apiKey: 'test', fetch: modelFetch }).chat('gpt-4.1-nano');
    const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
    let text = '';
    let deltas = 0;
    let finish: { finishReason: { unified: string }; usage: { outputTokens: { total?: number } } } | undefined;
    const reader = stream.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (read.value.type === 'text-delta') {
        text += read.value.delta;
        deltas++;
      }
      if (read.value.type === 'finish') finish = read.value as unknown as typeof finish;
    }
    expect(text).toBe(fullText);
    expect(finish?.finishReason.unified).toBe('stop');
    expect(finish?.usage.outputTokens.total).toBe(300);
    // Fewer parts than the model's 300 text events: the provider ran its stages per batch.
    expect(deltas).toBeLessThan(150);
  });
});
