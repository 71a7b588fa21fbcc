/**
 * The model's server answering with an error status: rate limits (429 with Retry-After),
 * server errors (500). A real local fake upstream, so retry waits happen on real sockets.
 */
import { describe, expect, it } from 'vitest';
import { readUiStream, sendTurn, startSession } from '../support/test-app.js';
import { jsonError, streamWords, wordsOf } from './fake-upstream.js';
import { storedMessages, withFakeUpstream } from './rehearse-on-fake.js';

const TURN = 'I left you alone at arrivals after the funeral. That was my fault.';
const REPLY = wordsOf(12, 'answer');
const fake = withFakeUpstream();

describe('an upstream that rate-limits', () => {
  it('waits as long as Retry-After asks, retries, and then streams the reply', async () => {
    fake.upstream.script(jsonError(429, 'slow down', { 'retry-after': '1' }), streamWords(REPLY));
    const test = await fake.open();
    const session = await startSession(test.app);

    const response = await sendTurn(test.app, session.id, TURN, 'turn-1');
    expect(response.status).toBe(200);
    const { text } = await readUiStream(response);
    expect(text).toBe(REPLY.join(''));

    expect(fake.upstream.requests).toHaveLength(2);
    const [first, second] = fake.upstream.requests;
    // The one timing check: Retry-After: 1 means the retry came no sooner than ~1 s later.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
    const messages = await storedMessages(test.app, session.id);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', status: 'complete', text: REPLY.join('') });
  });

  it('gives up after a bounded number of tries with a clear JSON error, keeping the turn', async () => {
    fake.upstream.script(jsonError(429, 'slow down', { 'retry-after-ms': '20' }));
    const test = await fake.open();
    const session = await startSession(test.app);

    const response = await sendTurn(test.app, session.id, TURN, 'turn-1');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('model_failed');
    expect(body.error.message).toMatch(/rate-limited/);
    expect(body.error.message).toMatch(/saved/);
    expect(body.error.message).not.toMatch(/slow down/);
    // One try and the SDK's two retries: never an unbounded loop.
    expect(fake.upstream.requests).toHaveLength(3);

    const messages = await storedMessages(test.app, session.id);
    expect(messages.find((m) => m.id === 'turn-1')).toMatchObject({ role: 'user', text: TURN, status: 'complete' });
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', status: 'failed', text: '' });
  });

  it('answers the same message id later, once the limit lifts, with one stored turn', async () => {
    fake.upstream.script(jsonError(429, 'slow down', { 'retry-after-ms': '20' }));
    const test = await fake.open();
    const session = await startSession(test.app);
    expect((await sendTurn(test.app, session.id, TURN, 'turn-1')).status).toBe(502);

    fake.upstream.script(streamWords(REPLY));
    const retried = await sendTurn(test.app, session.id, TURN, 'turn-1');
    expect(retried.status).toBe(200);
    expect((await readUiStream(retried)).text).toBe(REPLY.join(''));

    const messages = await storedMessages(test.app, session.id);
    expect(messages.filter((m) => m.role === 'user')).toHaveLength(1);
    expect(messages.filter((m) => !m.superseded).map((m) => [m.role, m.status])).toEqual([
      ['assistant', 'complete'],
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(messages.filter((m) => m.superseded)).toMatchObject([{ role: 'assistant', status: 'failed' }]);
  });
});

describe('an upstream with a server error', () => {
  it('answers a JSON 502 after its retries, and the server stays healthy', async () => {
    // A plain 500 with no Retry-After: the SDK backs off 2 s then 4 s before giving up.
    fake.upstream.script(jsonError(500, `internal failure while reading: ${TURN}`));
    const test = await fake.open({ modelTimeoutMs: 15_000 });
    const session = await startSession(test.app);

    const response = await sendTurn(test.app, session.id, TURN, 'turn-1');
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('model_failed');
    expect(body.error.message).not.toContain('arrivals');
    expect(fake.upstream.requests).toHaveLength(3);

    const messages = await storedMessages(test.app, session.id);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', status: 'failed' });
    expect((await test.app.request('/api/health')).status).toBe(200);
    expect(test.logs.join('\n')).not.toContain('arrivals');
  });
});
