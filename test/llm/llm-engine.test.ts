import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLlmEngine } from '../../server/practice/partner/partner-engine.js';
import { OPENAI_FIXTURES } from '../support/fixtures.js';
import { FAKE_MODEL, fixtureChunks, fixtureText, startFakeOpenAI } from '../support/fake-openai.js';
import { createTestApp, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

const fake = startFakeOpenAI();
const chunks = fixtureChunks('chat-openai-text.chunks.txt');
const TURN = 'I left you alone at arrivals after the funeral. That was my fault.';
let test: TestApp;

afterEach(() => test?.database.close());

async function llmApp(timeoutMs = 5_000) {
  test = await createTestApp({ engine: createLlmEngine(FAKE_MODEL), modelTimeoutMs: timeoutMs });
  return test;
}

async function storedMessages(app: TestApp['app'], id: string) {
  return (await (await app.request(`/api/sessions/${id}?history=1`)).json()).messages as {
    id: string;
    role: string;
    text: string;
    status: string;
    superseded: boolean;
  }[];
}

describe('the LLM engine against an OpenAI-compatible server', () => {
  it('streams a recorded reply through, stores it complete, and sends the partner prompt', async () => {
    fake.streams(chunks);
    const { app } = await llmApp();
    const session = await startSession(app);
    const { text, parts } = await readUiStream(await sendTurn(app, session.id, TURN));
    expect(text).toBe(fixtureText(chunks));
    // Tokens arriving within one frame travel as one delta; the recorded stream arrives at once.
    expect(parts.filter((p) => p.type === 'text-delta').length).toBeGreaterThanOrEqual(2);

    const [request] = fake.seen;
    expect(request!.body.model).toBe('gpt-test');
    expect(request!.body.stream).toBe(true);
    expect(request!.body.messages[0]!.role).toBe('system');
    expect(request!.body.messages[0]!.content).toContain('You are Jonah');
    expect(request!.body.messages.at(-1)).toEqual({ role: 'user', content: TURN });
    expect(request!.body.messages[1]).toMatchObject({ role: 'assistant' });

    const messages = await storedMessages(app, session.id);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', text: fixtureText(chunks), status: 'complete' });
  });

  it('answers a JSON 502 when the model refuses the request, keeping the turn and a failed reply', async () => {
    fake.fails(400, JSON.parse(readFileSync(path.join(OPENAI_FIXTURES, 'chat-reasoning-model-legacy-parameter-error.json'), 'utf8')));
    const { app } = await llmApp();
    const session = await startSession(app);
    const response = await sendTurn(app, session.id, TURN, 'turn-1');
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body.error.code).toBe('model_failed');
    expect(body.error.message).toMatch(/saved/);
    expect(body.error.message).not.toMatch(/max_tokens/);
    const messages = await storedMessages(app, session.id);
    expect(messages.find((m) => m.id === 'turn-1')).toMatchObject({ text: TURN, status: 'complete' });
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', status: 'failed', text: '' });
  });

  it('retries a failed reply when the same turn is sent again, reusing the stored turn', async () => {
    fake.fails(400, { error: { message: 'bad request', type: 'invalid_request_error' } });
    const { app } = await llmApp();
    const session = await startSession(app);
    expect((await sendTurn(app, session.id, TURN, 'turn-1')).status).toBe(502);
    fake.server.resetHandlers();
    fake.streams(chunks);
    const { text } = await readUiStream(await sendTurn(app, session.id, TURN, 'turn-1'));
    expect(text).toBe(fixtureText(chunks));
    const messages = await storedMessages(app, session.id);
    expect(messages.filter((m) => m.id === 'turn-1')).toHaveLength(1);
    const active = messages.filter((m) => !m.superseded);
    expect(active.map((m) => m.status)).toEqual(['complete', 'complete', 'complete']);
    expect(messages.filter((m) => m.superseded)).toMatchObject([{ status: 'failed' }]);
  });

  it('stores a stream cut mid-way as partial with what arrived, and tells the client', async () => {
    const cut = chunks.slice(0, 60);
    fake.streams(cut, { done: false });
    const { app } = await llmApp();
    const session = await startSession(app);
    const { text, parts } = await readUiStream(await sendTurn(app, session.id, TURN));
    expect(text).toBe(fixtureText(cut));
    expect(parts.some((p) => p.type === 'error')).toBe(true);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'partial' } });
    const messages = await storedMessages(app, session.id);
    expect(messages.at(-1)).toMatchObject({ status: 'partial', text: fixtureText(cut) });
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('times out a model that never answers with a 504, and stays healthy', async () => {
    fake.hangs();
    const { app } = await llmApp(300);
    const session = await startSession(app);
    const response = await sendTurn(app, session.id, TURN);
    expect(response.status).toBe(504);
    expect((await response.json()).error.code).toBe('model_timeout');
    const messages = await storedMessages(app, session.id);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', status: 'failed' });
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('never writes the transcript into the logs', async () => {
    fake.fails(400, { error: { message: `echo: ${TURN}` } });
    const { app, logs } = await llmApp();
    const session = await startSession(app);
    await sendTurn(app, session.id, TURN);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain('arrivals');
  });

  it('answers a safety concern outside the role-play without sending it to the model', async () => {
    fake.streams(chunks);
    const { app } = await llmApp();
    const session = await startSession(app);
    const { text, parts } = await readUiStream(await sendTurn(app, session.id, 'I think about ending my life most nights.'));
    expect(text).toMatch(/stepping out of the practice/);
    expect(text).toMatch(/988|116 123/);
    expect(parts.find((p) => p.type === 'start')).toMatchObject({ messageMetadata: { safety: true } });
    expect(fake.seen).toHaveLength(0);
    const stored = await (await app.request(`/api/sessions/${session.id}`)).json();
    expect(stored.safetyFlagged).toBe(true);

    // The next turn goes to the model again, without the exchange that left the role-play.
    await readUiStream(await sendTurn(app, session.id, TURN));
    expect(fake.seen).toHaveLength(1);
    expect(JSON.stringify(fake.seen[0]!.body.messages)).not.toMatch(/ending my life|stepping out/);
  });
});
