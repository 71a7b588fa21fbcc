import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, json, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp;
beforeEach(async () => {
  test = await createTestApp();
});
afterEach(() => test.database.close());

const summarise = (id: string, body: unknown) => test.app.request(`/api/sessions/${id}/summary`, json(body));

async function listeningSession() {
  const session = await startSession(test.app, 'caring-for-dad');
  await readUiStream(await sendTurn(test.app, session.id, 'He called you nurse, in your own house, and asked for his daughter while you stood there.'));
  await test.app.request(`/api/sessions/${session.id}/end`, { method: 'POST' });
  return session;
}

describe('POST /api/sessions/:id/summary', () => {
  it('reviews a summary of a listening session and shows it on the scorecard', async () => {
    const session = await listeningSession();
    const text =
      "So what I took from tonight: your dad called you 'nurse' and asked when his daughter was coming. And your brother should move back from Dubai.";
    const response = await summarise(session.id, { text });
    expect(response.status).toBe(200);
    const review = await response.json();
    expect(review.covered).toContain('say-back-tonight');
    expect(review.missed).toContain('ask-how-she-is');
    expect(review.notSaid).toEqual(['And your brother should move back from Dubai.']);
    expect(review.score).toEqual(expect.any(Number));

    const card = await (await test.app.request(`/api/sessions/${session.id}/scorecard`)).json();
    expect(card.summary).toMatchObject({ text, ...review, createdAt: expect.any(String) });
  });

  it('keeps the latest summary when one is written again', async () => {
    const session = await listeningSession();
    await summarise(session.id, { text: 'He called you nurse.' });
    await summarise(session.id, { text: "He didn't know you tonight, and you're exhausted." });
    const card = await (await test.app.request(`/api/sessions/${session.id}/scorecard`)).json();
    expect(card.summary.text).toBe("He didn't know you tonight, and you're exhausted.");
    expect(card.summary.covered).toEqual(['say-back-tonight', 'exhaustion-is-real']);
  });

  it('answers 400 for a session that is not about listening, or a bad body, and 404 for an unknown session', async () => {
    const apology = await startSession(test.app, 'airport-at-midnight');
    const notListening = await summarise(apology.id, { text: 'You were hurt.' });
    expect(notListening.status).toBe(400);
    expect((await notListening.json()).error.message).toMatch(/listening/);

    const session = await listeningSession();
    for (const [body, field] of [
      [{}, /^text:/],
      [{ text: '  ' }, /^text:/],
      [{ text: 'x'.repeat(2001) }, /^text:/],
      [{ text: 'ok', extra: 1 }, /extra/],
    ] as const) {
      const response = await summarise(session.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.message).toMatch(field);
    }
    expect((await summarise('no-such-session', { text: 'hi' })).status).toBe(404);
  });

  it('is removed with its session', async () => {
    const session = await listeningSession();
    await summarise(session.id, { text: 'He called you nurse.' });
    await test.app.request(`/api/sessions/${session.id}`, { method: 'DELETE' });
    const rows = await test.database.client.execute('select count(*) as n from written_summaries');
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });
});
