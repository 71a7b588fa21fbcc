/**
 * The client side of a turn going wrong: the person closes the tab mid-reply (a real
 * listening server, a real aborted fetch), or the same turn arrives twice at once (a
 * double click, a retry racing the original).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, readUiStream, startSession, userMessage, type TestApp } from '../support/test-app.js';
import { startFakeUpstream, streamWords, wordsOf, type FakeUpstream } from './fake-upstream.js';
import { eventually, openLlmApp, storedMessages } from './rehearse-on-fake.js';

const TURN = 'I should have been at arrivals. I let you down.';
let upstream: FakeUpstream;
let test: TestApp | undefined;
let server: ServerType | undefined;

beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());
afterEach(async () => {
  if (server) {
    const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
    (server as import('node:http').Server).closeAllConnections();
    await closing;
  }
  server = undefined;
  upstream.requests.length = 0;
  upstream.judgeRequests.length = 0;
  test?.database.close();
  test = undefined;
});

async function listen(app: TestApp['app']): Promise<string> {
  server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  if (!server.listening) await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('a client that goes away mid-stream', () => {
  it('still completes the reply and stores it complete with the full text', async () => {
    const words = wordsOf(20, 'full');
    upstream.script(streamWords(words, { paceMs: 25 }));
    test = await openLlmApp(upstream);
    const base = await listen(test.app);
    const session = await startSession(test.app);

    const leave = new AbortController();
    const response = await fetch(`${base}/api/sessions/${session.id}/chat`, { ...json({ message: userMessage(TURN, 'turn-1') }), signal: leave.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const seen = new TextDecoder().decode((await reader.read()).value);
    expect(seen).toContain('text-delta');
    leave.abort();
    await reader.read().catch(() => undefined);

    const messages = await eventually(
      () => storedMessages(test!.app, session.id),
      (stored) => stored.at(-1)?.status !== 'streaming',
    );
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', status: 'complete', text: words.join('') });
    expect(upstream.requests).toHaveLength(1);
  });

  it('keeps serving other requests after the client left', async () => {
    upstream.script(streamWords(wordsOf(10), { paceMs: 20 }), streamWords(wordsOf(3, 'after')));
    test = await openLlmApp(upstream);
    const base = await listen(test.app);
    const session = await startSession(test.app);
    const leave = new AbortController();
    const response = await fetch(`${base}/api/sessions/${session.id}/chat`, { ...json({ message: userMessage(TURN) }), signal: leave.signal });
    await response.body!.getReader().read();
    leave.abort();

    await eventually(
      () => storedMessages(test!.app, session.id),
      (stored) => stored.at(-1)?.status === 'complete',
    );
    const next = await fetch(`${base}/api/sessions/${session.id}/chat`, json({ message: userMessage('Can we talk about it?') }));
    expect(next.status).toBe(200);
    expect((await readUiStream(next)).text).toBe(wordsOf(3, 'after').join(''));
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

describe('a new turn while a reply is streaming', () => {
  it('is refused with 409 before the model is called, and the streaming reply is unharmed', async () => {
    const words = wordsOf(10, 'slow');
    upstream.script(streamWords(words, { paceMs: 30 }));
    test = await openLlmApp(upstream);
    const session = await startSession(test.app);
    const first = await test.app.request(`/api/sessions/${session.id}/chat`, json({ message: userMessage(TURN) }));
    expect(first.status).toBe(200);

    const second = await test.app.request(`/api/sessions/${session.id}/chat`, json({ message: userMessage('And another thing.') }));
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await readUiStream(first)).text).toBe(words.join(''));
    // One call to the model: the refused turn never started one.
    expect(upstream.requests).toHaveLength(1);
    const messages = await storedMessages(test.app, session.id);
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ['assistant', 'complete'],
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
  });
});

describe('the same message id sent twice', () => {
  it('stores one turn when the second arrives while the first is streaming', async () => {
    const words = wordsOf(8, 'once');
    upstream.script(streamWords(words, { paceMs: 20 }));
    test = await openLlmApp(upstream);
    const session = await startSession(test.app);
    const send = () => test!.app.request(`/api/sessions/${session.id}/chat`, json({ message: userMessage(TURN, 'twice') }));

    const [first, second] = await Promise.all([send(), send()]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const streamed = first.status === 200 ? first : second;
    const refused = first.status === 200 ? second : first;
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await readUiStream(streamed)).text).toBe(words.join(''));

    // Sent again once settled, it replays the stored reply rather than storing anything.
    const replay = await readUiStream(await send());
    expect(replay.text).toBe(words.join(''));
    const messages = await storedMessages(test.app, session.id);
    expect(messages.filter((m) => m.id === 'twice')).toHaveLength(1);
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ['assistant', 'complete'],
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(upstream.requests).toHaveLength(1);
  });

  it('stores one turn and answers every copy when many arrive at once', async () => {
    // The built-in partner answers at once, so copies can arrive after the first has finished.
    test = await createTestApp();
    const session = await startSession(test.app);
    const send = () => test!.app.request(`/api/sessions/${session.id}/chat`, json({ message: userMessage(TURN, 'burst') }));

    const responses = await Promise.all(Array.from({ length: 12 }, send));
    for (const response of responses) expect([200, 409]).toContain(response.status);
    await Promise.all(responses.map((response) => response.text()));

    const messages = await storedMessages(test.app, session.id);
    expect(messages.filter((m) => m.id === 'burst')).toHaveLength(1);
    expect(messages.filter((m) => m.role === 'assistant' && !m.superseded).map((m) => m.status)).toEqual(['complete', 'complete']);
  });
});
