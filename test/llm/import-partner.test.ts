import { afterEach, describe, expect, it } from 'vitest';
import { createLlmEngine } from '../../server/practice/partner/partner-engine.js';
import { FAKE_MODEL, fixtureChunks, fixtureText, startFakeOpenAI } from '../support/fake-openai.js';
import { createTestApp, json, readUiStream, sendTurn, type TestApp } from '../support/test-app.js';
import { ANDROID_THREAD } from '../support/threads.js';

const fake = startFakeOpenAI();
const chunks = fixtureChunks('chat-openai-text.chunks.txt');
const RETRY = "You're right. I'm sorry I missed your recital; I promised and I broke it.";
let test: TestApp;

afterEach(() => test?.database.close());

describe('practice from an import with a model configured', () => {
  it('sends nothing to the model on import, then prompts the partner from the real thread when practice starts', async () => {
    fake.streams(chunks);
    test = await createTestApp({ engine: createLlmEngine(FAKE_MODEL) });
    const imported = await (await test.app.request('/api/imports', json({ text: ANDROID_THREAD, you: 'Sam' }))).json();
    const session = await (await test.app.request('/api/sessions', json({ importId: imported.id, fromTurn: 5, kind: 'apology' }))).json();
    expect(fake.seen).toHaveLength(0);

    const { text } = await readUiStream(await sendTurn(test.app, session.id, RETRY));
    expect(text).toBe(fixtureText(chunks));
    expect(fake.seen).toHaveLength(1);
    const { messages } = fake.seen[0]!.body;
    const system = messages[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toContain('You are Maya');
    expect(system.content).toContain('This is a real conversation');
    // Their own words, to write like; nothing said after the chosen turn.
    expect(system.content).toContain('> So work matters more.');
    expect(system.content).not.toContain('thank you for saying that');
    // The same arc and safety rules as any scenario.
    expect(system.content).toContain('never abusive');
    expect(system.content).toMatch(/Your trust in the user is \d+ out of 100/);
    // The thread before the chosen turn, as the conversation: yours as user, theirs as assistant.
    expect(messages.slice(1).map((m) => [m.role, m.content])).toEqual([
      ...imported.turns.slice(0, 5).map((t: { mine: boolean; text: string }) => [t.mine ? 'user' : 'assistant', t.text]),
      ['user', RETRY],
    ]);
  });
});
