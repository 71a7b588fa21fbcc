import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, json, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp;
beforeEach(async () => {
  test = await createTestApp();
});
afterEach(() => test.database.close());

const patch = (id: string, body: unknown) => test.app.request(`/api/commitments/${id}`, { ...json(body), method: 'PATCH' });

/** A session started on a Wednesday (so "Friday" and "Saturday" land in the same week) in which two promises were made. */
async function sessionWithPromises() {
  const session = await startSession(test.app);
  await test.database.client.execute({ sql: 'update sessions set created_at = ? where id = ?', args: [Date.parse('2026-12-02T12:00:00Z'), session.id] });
  const turns = [
    "I left you alone at arrivals after your dad's funeral. That's on me, and I'm sorry.",
    "I'll pay you back for the taxi by Friday.",
    "I'll set two alarms from now on, and I'll call you on Saturday to hear how you are.",
  ];
  for (const text of turns) await readUiStream(await sendTurn(test.app, session.id, text));
  expect((await test.app.request(`/api/sessions/${session.id}/end`, { method: 'POST' })).status).toBe(200);
  return session;
}

/** A session the partner resolved, which the person never ended: the turns that resolve it in the chat test. */
async function resolvedSession() {
  const session = await startSession(test.app);
  const turns = [
    "I left you alone at arrivals the night you buried your dad. That was my promise and I broke it. You have every right to be angry. I'll pay you back for the taxi, and I'll never leave a pickup to one alarm again.",
    'What has it been like for you, these last months with your dad?',
    "It makes sense you feel you've been carrying everything alone. I'm sorry I wasn't there, that's on me.",
    'From now on I will set two alarms and be at arrivals early. What else would help?',
    "Of course you're angry. You've been carrying everything on your own since your dad got sick, and I added to it.",
  ];
  for (const text of turns) await readUiStream(await sendTurn(test.app, session.id, text));
  expect((await (await test.app.request(`/api/sessions/${session.id}`)).json()).status).toBe('resolved');
  return session;
}

async function listCommitments() {
  const response = await test.app.request('/api/commitments');
  expect(response.status).toBe(200);
  return (await response.json()) as {
    id: string;
    sessionId: string;
    text: string;
    due: string | null;
    done: boolean;
    partner: string;
    scenarioId: string;
    createdAt: string;
  }[];
}

describe('commitments that last', () => {
  it('keeps the promises of an ended session with the day their words name, open ones first and by due date', async () => {
    const session = await sessionWithPromises();
    const list = await listCommitments();
    expect(list.map((c) => [c.text, c.due])).toEqual([
      ["I'll pay you back for the taxi by Friday.", '2026-12-04'],
      ["I'll set two alarms from now on, and I'll call you on Saturday to hear how you are.", '2026-12-05'],
    ]);
    expect(list[0]).toMatchObject({ sessionId: session.id, scenarioId: 'airport-at-midnight', partner: 'Jonah', done: false, createdAt: expect.any(String) });
  });

  it('records them once however often the session ends or its scorecard is read', async () => {
    const session = await sessionWithPromises();
    await test.app.request(`/api/sessions/${session.id}/end`, { method: 'POST' });
    await test.app.request(`/api/sessions/${session.id}/scorecard`);
    await test.app.request(`/api/sessions/${session.id}/scorecard`);
    expect(await listCommitments()).toHaveLength(2);
  });

  it('keeps a commitment marked done, reworded and moved however often the scorecard is opened again', async () => {
    const session = await sessionWithPromises();
    const [taxi] = await listCommitments();
    await patch(taxi!.id, { done: true, due: '2026-12-11', text: 'Pay Jonah back for the taxi.' });
    for (let i = 0; i < 2; i++) expect((await test.app.request(`/api/sessions/${session.id}/scorecard`)).status).toBe(200);
    const list = await listCommitments();
    expect(list).toHaveLength(2);
    expect(list.find((c) => c.id === taxi!.id)).toMatchObject({ done: true, due: '2026-12-11', text: 'Pay Jonah back for the taxi.' });
  });

  it('opens the scorecard of a session whose promises are kept without writing to the database', async () => {
    const session = await sessionWithPromises();
    // Any write now fails the request: a read must not write what is already stored.
    await test.database.client.execute('PRAGMA query_only = ON');
    const card = await test.app.request(`/api/sessions/${session.id}/scorecard`);
    expect(card.status).toBe(200);
    expect((await card.json()).commitments).toHaveLength(2);
  });

  it('keeps a promise made after the scorecard was read, when only the scorecard of the resolved session is opened again', async () => {
    const session = await resolvedSession();
    await test.app.request(`/api/sessions/${session.id}/scorecard`);
    const before = (await listCommitments()).map((c) => c.text);
    expect(before.length).toBeGreaterThan(0);
    const later = "I'll call you on Saturday to hear how you are.";
    await readUiStream(await sendTurn(test.app, session.id, later));
    expect(await (await test.app.request(`/api/sessions/${session.id}/scorecard`)).json()).toMatchObject({ status: 'resolved' });
    expect((await listCommitments()).map((c) => c.text).sort()).toEqual([...before, later].sort());
  });

  it('keeps nothing while the session is still going, even when its scorecard is read', async () => {
    const session = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, session.id, "I'll pay you back for the taxi by Friday."));
    const card = await test.app.request(`/api/sessions/${session.id}/scorecard`);
    expect(await card.json()).toMatchObject({ status: 'active', commitments: ["I'll pay you back for the taxi by Friday."] });
    expect(await listCommitments()).toEqual([]);
  });

  it('marks one done, moves its date and rewords it; done ones go last', async () => {
    await sessionWithPromises();
    const [first, second] = await listCommitments();
    const response = await patch(first!.id, { done: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: first!.id, done: true, due: '2026-12-04' });
    expect((await listCommitments()).map((c) => c.id)).toEqual([second!.id, first!.id]);

    const edited = await (await patch(second!.id, { due: '2026-12-12', text: '  Call Jonah on Saturday the 12th. ' })).json();
    expect(edited).toMatchObject({ due: '2026-12-12', text: 'Call Jonah on Saturday the 12th.', done: false });
    expect(await (await patch(second!.id, { due: null })).json()).toMatchObject({ due: null });
  });

  it('answers 400 naming the bad field and 404 for an unknown id', async () => {
    await sessionWithPromises();
    const [one] = await listCommitments();
    const cases: [unknown, RegExp][] = [
      [{ done: 'yes' }, /^done:/],
      [{ due: 'Friday' }, /^due:/],
      [{ due: '2026-02-30' }, /^due:/],
      [{ text: '   ' }, /^text:/],
      [{ text: 'x'.repeat(501) }, /^text:/],
      [{ colour: 'red' }, /colour/],
      [{}, /done, due, text/],
    ];
    for (const [body, message] of cases) {
      const response = await patch(one!.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.message).toMatch(message);
    }
    expect((await patch('no-such-id', { done: true })).status).toBe(404);
    expect((await test.app.request('/api/commitments/no-such-id', { method: 'DELETE' })).status).toBe(404);
  });

  it('deletes one for good: it does not come back when the session is recorded again', async () => {
    const session = await sessionWithPromises();
    const [one] = await listCommitments();
    expect((await test.app.request(`/api/commitments/${one!.id}`, { method: 'DELETE' })).status).toBe(204);
    await test.app.request(`/api/sessions/${session.id}/scorecard`);
    expect((await listCommitments()).map((c) => c.id)).not.toContain(one!.id);
    expect(await listCommitments()).toHaveLength(1);
    expect((await patch(one!.id, { done: true })).status).toBe(404);
    const stored = await test.database.client.execute({ sql: 'select text from commitments where id = ?', args: [one!.id] });
    expect(stored.rows[0]!.text).toBe('');
  });

  it('removes them with their session, and with everything', async () => {
    const gone = await sessionWithPromises();
    const kept = await sessionWithPromises();
    expect((await test.app.request(`/api/sessions/${gone.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(new Set((await listCommitments()).map((c) => c.sessionId))).toEqual(new Set([kept.id]));
    expect((await test.app.request('/api/sessions?confirm=all', { method: 'DELETE' })).status).toBe(204);
    expect(await listCommitments()).toEqual([]);
    const rows = await test.database.client.execute('select count(*) as n from commitments');
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it('writes a calendar with one all-day event per open commitment that has a date', async () => {
    await sessionWithPromises();
    const [first] = await listCommitments();
    let response = await test.app.request('/api/commitments.ics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    let body = await response.text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(body).toContain('DTSTART;VALUE=DATE:20261204');
    expect(body).toContain('DTSTART;VALUE=DATE:20261205');

    await patch(first!.id, { done: true });
    response = await test.app.request('/api/commitments.ics');
    body = await response.text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(body).not.toContain('20261204');
  });
});

describe('checking in (POST /api/sessions with followUpOf)', () => {
  it('opens a check-in that quotes the first open commitment, and carries followUpOf', async () => {
    const first = await sessionWithPromises();
    const response = await test.app.request('/api/sessions', json({ scenarioId: 'airport-at-midnight', followUpOf: first.id }));
    expect(response.status).toBe(201);
    const checkIn = await response.json();
    expect(checkIn.followUpOf).toBe(first.id);
    expect(checkIn.messages).toHaveLength(1);
    expect(checkIn.messages[0].text).toContain(`"I'll pay you back for the taxi by Friday."`);
    expect((await (await test.app.request(`/api/sessions/${checkIn.id}`)).json()).followUpOf).toBe(first.id);
    const listed = await (await test.app.request('/api/sessions')).json();
    expect(listed.find((s: { id: string }) => s.id === checkIn.id).followUpOf).toBe(first.id);
    expect(listed.find((s: { id: string }) => s.id === first.id).followUpOf).toBeNull();
  });

  it('quotes the words as the person edited them, and skips the ones already done', async () => {
    const first = await sessionWithPromises();
    const [taxi, call] = await listCommitments();
    await patch(taxi!.id, { done: true });
    await patch(call!.id, { text: "I'll ring you on Saturday evening." });
    const checkIn = await (await test.app.request('/api/sessions', json({ scenarioId: 'airport-at-midnight', followUpOf: first.id }))).json();
    expect(checkIn.messages[0].text).toContain(`"I'll ring you on Saturday evening."`);
  });

  it('refuses a session still going, another scenario, and an unknown session, naming followUpOf', async () => {
    const going = await startSession(test.app);
    const ended = await sessionWithPromises();
    const cases: [unknown, number][] = [
      [{ scenarioId: 'airport-at-midnight', followUpOf: going.id }, 400],
      [{ scenarioId: 'caring-for-dad', followUpOf: ended.id }, 400],
      [{ scenarioId: 'airport-at-midnight', followUpOf: 'no-such-session' }, 404],
      [{ scenarioId: 'airport-at-midnight', followUpOf: 'bad id!' }, 400],
    ];
    for (const [body, status] of cases) {
      const response = await test.app.request('/api/sessions', json(body));
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await response.json()).error.message).toMatch(/^followUpOf/);
    }
  });

  it('keeps a check-in when the session it followed is deleted, unlinked', async () => {
    const first = await sessionWithPromises();
    const checkIn = await (await test.app.request('/api/sessions', json({ scenarioId: 'airport-at-midnight', followUpOf: first.id }))).json();
    expect((await test.app.request(`/api/sessions/${first.id}`, { method: 'DELETE' })).status).toBe(204);
    const kept = await (await test.app.request(`/api/sessions/${checkIn.id}`)).json();
    expect(kept.followUpOf).toBeNull();
  });
});
