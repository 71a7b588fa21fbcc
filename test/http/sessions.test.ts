import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createBuiltinEngine } from '../../server/practice/partner/partner-engine.js';
import { createTestApp, json, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp;
beforeEach(async () => {
  test = await createTestApp();
});
afterEach(() => test.database.close());

describe('scenarios', () => {
  it('lists scenarios and shows one without its hidden parts', async () => {
    const list = await (await test.app.request('/api/scenarios')).json();
    expect(list).toContainEqual(expect.objectContaining({ id: 'airport-at-midnight', kind: 'apology', difficulty: 2, summary: expect.any(String) }));
    const one = await (await test.app.request('/api/scenarios/airport-at-midnight')).json();
    expect(one.partner).toMatchObject({ name: 'Jonah', relationship: expect.any(String) });
    expect(JSON.stringify(one)).not.toMatch(/hiddenConcern|reactions|carrying everything alone/);
  });
});

describe('sessions', () => {
  it("creates a session with the partner's opening message and lists it newest first", async () => {
    const first = await startSession(test.app);
    expect(first.messages).toHaveLength(1);
    expect(first.messages[0]).toMatchObject({ role: 'assistant', text: expect.stringContaining('arrivals') });
    expect(first.trust).toBe(25);
    const second = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, second.id, "I'm sorry. That was my fault."));
    const list = await (await test.app.request('/api/sessions')).json();
    expect(list.map((s: { id: string }) => s.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({ scenarioId: 'airport-at-midnight', status: 'active', turns: 1, createdAt: expect.any(String) });
    expect(list[0].trust).toBeGreaterThan(25);
    expect(list[1]).toMatchObject({ turns: 0, trust: 25 });
  });

  it('deletes a session and everything stored for it', async () => {
    const session = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, session.id, "I'm sorry I wasn't there."));
    const keep = await startSession(test.app);
    const response = await test.app.request(`/api/sessions/${session.id}`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect((await test.app.request(`/api/sessions/${session.id}`)).status).toBe(404);
    const count = async (table: string) => Number((await test.database.client.execute(`select count(*) as n from ${table}`)).rows[0]!.n);
    expect(await count('coach_reads')).toBe(0);
    expect(await count('messages')).toBe(1);
    expect((await test.app.request(`/api/sessions/${keep.id}`)).status).toBe(200);
    expect((await test.app.request(`/api/sessions/${session.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('deletes everything only when confirmed', async () => {
    await startSession(test.app);
    expect((await test.app.request('/api/sessions', { method: 'DELETE' })).status).toBe(400);
    expect((await test.app.request('/api/sessions?confirm=all', { method: 'DELETE' })).status).toBe(204);
    expect(await (await test.app.request('/api/sessions')).json()).toEqual([]);
  });

  it('rewinds to a turn: the later turns leave the conversation but stay in the history', async () => {
    const session = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, session.id, "I'm sorry, that was my fault.", 't1'));
    await readUiStream(await sendTurn(test.app, session.id, "Honestly, if you'd called me it wouldn't have happened.", 't2'));
    const blamed = await (await test.app.request(`/api/sessions/${session.id}`)).json();

    const rewound = await (await test.app.request(`/api/sessions/${session.id}/rewind`, json({ messageId: 't2' }))).json();
    expect(rewound.messages.map((m: { id: string }) => m.id)).not.toContain('t2');
    expect(rewound.messages).toHaveLength(3);
    expect(rewound.trust).toBeGreaterThan(blamed.trust);

    await readUiStream(await sendTurn(test.app, session.id, 'You waited alone at arrivals after the funeral. I broke my promise.', 't2b'));
    const history = await (await test.app.request(`/api/sessions/${session.id}?history=1`)).json();
    expect(history.messages.find((m: { id: string }) => m.id === 't2')).toMatchObject({ superseded: true });
    expect(history.messages.find((m: { id: string }) => m.id === 't2b')).toMatchObject({ superseded: false });
    const rows = await test.database.db.run(sql`select count(*) as n from messages where superseded_at is null`);
    expect(Number(rows.rows[0]!.n)).toBe(5);
  });

  it('refuses to rewind to a message that is not one of your turns in this session', async () => {
    const session = await startSession(test.app);
    const other = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, session.id, "I'm sorry, that was my fault.", 'mine'));
    await readUiStream(await sendTurn(test.app, other.id, "I'm sorry, that was my fault.", 'theirs'));
    const rewind = (id: string, messageId: string) => test.app.request(`/api/sessions/${id}/rewind`, json({ messageId }));
    expect((await rewind(session.id, 'theirs')).status).toBe(404);
    expect((await rewind(session.id, session.messages[0]!.id)).status).toBe(400);
    expect((await rewind(session.id, 'mine')).status).toBe(200);
    const again = await rewind(session.id, 'mine');
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already rewound/);
    // Not while a reply is still streaming: the turn it answers could vanish under it.
    test.ctx.engine = createBuiltinEngine({ paceMs: 20 });
    const streaming = await sendTurn(test.app, session.id, 'I left you at the airport.', 'later');
    expect((await rewind(session.id, 'later')).status).toBe(409);
    await readUiStream(streaming);
    // The other session is untouched.
    expect((await (await test.app.request(`/api/sessions/${other.id}`)).json()).messages).toHaveLength(3);
  });

  it('ends a session, after which no turn is accepted', async () => {
    const session = await startSession(test.app);
    const ended = await (await test.app.request(`/api/sessions/${session.id}/end`, { method: 'POST' })).json();
    expect(ended.status).toBe('ended');
    const response = await sendTurn(test.app, session.id, 'one more thing');
    expect(response.status).toBe(409);
  });
});

describe('progress', () => {
  it('gives, per session with turns, the share of turns showing each criterion, oldest first', async () => {
    const first = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, first.id, "I'm sorry. That was my fault."));
    await readUiStream(await sendTurn(test.app, first.id, 'Honestly it was not that big a deal.'));
    const second = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, second.id, 'That was my fault, and I will pay for the taxi.'));
    await startSession(test.app);
    const points = await (await test.app.request('/api/progress')).json();
    expect(points.map((p: { sessionId: string }) => p.sessionId)).toEqual([first.id, second.id]);
    expect(points[0]).toMatchObject({ kind: 'apology', turns: 2, status: 'active' });
    expect(points[0].criteria.takes_responsibility).toBe(0.5);
    expect(points[0].criteria.minimizes).toBe(0.5);
    expect(points[1].criteria.takes_responsibility).toBe(1);
  });
});

describe('health', () => {
  it('is ready', async () => {
    const health = await (await test.app.request('/api/health')).json();
    expect(health).toMatchObject({ ok: true, engine: 'builtin' });
  });
});
