/**
 * Streams that start well and then go wrong: the upstream stalls after some words, or sends
 * an event that is not JSON. What arrived is kept as a `partial` reply, the client is told
 * with an `error` part, and the server carries on.
 */
import { describe, expect, it } from 'vitest';
import { readUiStream, sendTurn, startSession } from '../support/test-app.js';
import { streamWords, wordsOf } from './fake-upstream.js';
import { eventually, storedMessages, withFakeUpstream } from './rehearse-on-fake.js';

const TURN = "I'm sorry I wasn't there when your flight landed.";
const fake = withFakeUpstream();

describe('a stream that stalls after some text', () => {
  it('stores what arrived as partial, sends an error part, and stays healthy', async () => {
    const arrived = wordsOf(5, 'before');
    fake.upstream.script(streamWords(arrived, { ending: 'stall' }));
    const test = await fake.open({ modelTimeoutMs: 400 });
    const session = await startSession(test.app);

    const response = await sendTurn(test.app, session.id, TURN);
    expect(response.status).toBe(200);
    const { text, parts } = await readUiStream(response);
    expect(text).toBe(arrived.join(''));
    const error = parts.find((p) => p.type === 'error') as { errorText: string } | undefined;
    expect(error?.errorText).toMatch(/did not answer within/);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'partial' } });

    const messages = await storedMessages(test.app, session.id);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', status: 'partial', text: arrived.join('') });
    expect((await test.app.request('/api/health')).status).toBe(200);
    // The stalled upstream call was given up, not left holding a socket.
    expect(
      await eventually(
        async () => fake.upstream.openSockets(),
        (open) => open === 0,
        10_000,
      ),
    ).toBe(0);
  });

  it('takes the next turn normally after a stalled one', async () => {
    fake.upstream.script(streamWords(wordsOf(3), { ending: 'stall' }), streamWords(wordsOf(4, 'next')));
    const test = await fake.open({ modelTimeoutMs: 400 });
    const session = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, session.id, TURN));

    const { text, parts } = await readUiStream(await sendTurn(test.app, session.id, 'Are you still there?'));
    expect(text).toBe(wordsOf(4, 'next').join(''));
    expect(parts.some((p) => p.type === 'error')).toBe(false);
    const statuses = (await storedMessages(test.app, session.id)).map((m) => m.status);
    expect(statuses).toEqual(['complete', 'complete', 'partial', 'complete', 'complete']);
  });
});

describe('a stream with a malformed chunk mid-way', () => {
  it('stores the text before the bad chunk as partial and tells the client', async () => {
    const words = wordsOf(10, 'good');
    fake.upstream.script(streamWords(words, { malformedAfter: 4 }));
    const test = await fake.open();
    const session = await startSession(test.app);

    const response = await sendTurn(test.app, session.id, TURN);
    expect(response.status).toBe(200);
    const { text, parts } = await readUiStream(response);
    expect(text).toBe(words.slice(0, 4).join(''));
    const error = parts.find((p) => p.type === 'error') as { errorText: string } | undefined;
    expect(error?.errorText).toMatch(/failed to answer/);
    expect(error?.errorText).not.toMatch(/JSON|parse|Unexpected/i);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'partial' } });

    const messages = await storedMessages(test.app, session.id);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', status: 'partial', text: words.slice(0, 4).join('') });
    expect((await test.app.request('/api/health')).status).toBe(200);
  });

  it('lets go of the upstream stream once the reply is settled', async () => {
    // The upstream keeps the socket open after the bad chunk, as a proxy holding a dead stream would.
    fake.upstream.script(streamWords(wordsOf(6), { malformedAfter: 2, ending: 'stall' }));
    const test = await fake.open({ modelTimeoutMs: 30_000 });
    const session = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, session.id, TURN));

    expect((await storedMessages(test.app, session.id)).at(-1)).toMatchObject({ status: 'partial' });
    expect(
      await eventually(
        async () => fake.upstream.openSockets(),
        (open) => open === 0,
        10_000,
      ),
    ).toBe(0);
  });
});
