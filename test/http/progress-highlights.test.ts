/**
 * Progress worth celebrating over HTTP on libSQL: a second attempt at a scenario gets a
 * scorecard naming what improved, and GET /api/progress/highlights answers its schema with
 * personal bests, promises kept and the comparison per scenario.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiScorecardSchema, progressHighlightsSchema } from '../../server/api/schemas.js';
import { listTurnLabelsBySession } from '../../server/db/queries/sessions.js';
import { readAttempts } from '../../server/http/progress-attempts.js';
import { createTestApp, json, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp;
beforeEach(async () => {
  test = await createTestApp();
});
afterEach(() => test.database.close());

async function play(turns: string[], createdAt: string, scenarioId = 'airport-at-midnight') {
  const session = await startSession(test.app, scenarioId);
  await test.database.client.execute({ sql: 'update sessions set created_at = ? where id = ?', args: [Date.parse(createdAt), session.id] });
  for (const text of turns) await readUiStream(await sendTurn(test.app, session.id, text));
  await test.app.request(`/api/sessions/${session.id}/end`, { method: 'POST' });
  return session.id;
}

describe('progress worth celebrating', () => {
  it('names what improved on the scorecard of a repeated scenario, and lists bests, kept promises and comparisons', async () => {
    const first = await play(
      [
        'I was exhausted after a double shift, I just fell asleep.',
        'Honestly the alarm was on a dead phone, it could have happened to anyone.',
        "That's on me. I'm sorry I wasn't there.",
      ],
      '2026-12-01T18:00:00Z',
    );
    const second = await play(
      ["That's on me. I left you alone at arrivals after your dad's funeral, and I'm sorry.", "I'll pay you back for the taxi by Friday."],
      '2026-12-03T18:00:00Z',
    );

    const firstCard = apiScorecardSchema.parse(await (await test.app.request(`/api/sessions/${first}/scorecard`)).json());
    expect(firstCard.improved).toEqual([]);
    const card = apiScorecardSchema.parse(await (await test.app.request(`/api/sessions/${second}/scorecard`)).json());
    expect(card.improved).toContain('you owned it in your first turn this time; last time it took three');

    const [promise] = await (await test.app.request('/api/commitments')).json();
    await test.app.request(`/api/commitments/${promise.id}`, { ...json({ done: true }), method: 'PATCH' });
    const response = await test.app.request('/api/progress/highlights');
    expect(response.status).toBe(200);
    const highlights = progressHighlightsSchema.parse(await response.json());
    expect(highlights.commitments).toEqual({ kept: 1, total: 1 });
    expect(highlights.bests.find((b) => b.criterion === 'takes_responsibility')?.sessionId).toBe(second);
    expect(highlights.scenarios).toEqual([{ scenarioId: 'airport-at-midnight', sessionId: second, previousSessionId: first, improved: card.improved }]);
  });

  it("reads only the attempts at the scorecard's scenario, and still every attempt for progress", async () => {
    const first = await play(["That's on me. I'm sorry I wasn't there."], '2026-12-01T18:00:00Z');
    const other = await play(['It sounds like you have been carrying a lot on your own.'], '2026-12-02T18:00:00Z', 'caring-for-dad');
    const second = await play(["I left you alone at arrivals, and I'm sorry."], '2026-12-03T18:00:00Z');

    const labels = await listTurnLabelsBySession(test.ctx.db, { scenarioId: 'airport-at-midnight' });
    expect([...labels.keys()].sort()).toEqual([first, second].sort());
    const narrowed = await readAttempts(test.ctx, { scenarioId: 'airport-at-midnight' });
    const all = await readAttempts(test.ctx);
    expect(all.map((a) => a.sessionId).sort()).toEqual([first, other, second].sort());
    expect(narrowed).toEqual(all.filter((a) => a.scenarioId === 'airport-at-midnight'));
    expect(narrowed.every((a) => a.turns.length === 1)).toBe(true);
  });
});
