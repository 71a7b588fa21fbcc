/**
 * A full check-in over HTTP on a real libSQL database (issue 13): practise and promise, end,
 * check in, report — the partner's trust starts halfway back from where the first
 * conversation ended, and moves by what the person reports, with the scenario's own reaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import { checkInStartTrust } from '../../server/practice/partner/check-in-arc.js';
import { FIXTURE_SCENARIOS, createTestApp, json, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp;
beforeEach(async () => {
  test = await createTestApp();
});
afterEach(() => test.database.close());

const session = async (id: string) => (await (await test.app.request(`/api/sessions/${id}`)).json()) as { trust: number; followUpOf: string | null };

async function firstConversation() {
  const first = await startSession(test.app);
  for (const text of [
    "I left you alone at arrivals after your dad's funeral. That's on me, and I'm sorry.",
    "You have every right to be angry. I'll pay you back for the taxi by Friday.",
  ])
    await readUiStream(await sendTurn(test.app, first.id, text));
  expect((await test.app.request(`/api/sessions/${first.id}/end`, { method: 'POST' })).status).toBe(200);
  return { id: first.id, endTrust: (await session(first.id)).trust };
}

async function checkIn(firstId: string) {
  const response = await test.app.request('/api/sessions', json({ scenarioId: 'airport-at-midnight', followUpOf: firstId }));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; trust: number };
}

async function report(sessionId: string, text: string) {
  const { text: reply } = await readUiStream(await sendTurn(test.app, sessionId, text));
  return { reply, trust: (await session(sessionId)).trust };
}

describe('a check-in over HTTP', () => {
  it('starts halfway back from where the first conversation ended and rises for a promise kept', async () => {
    const jonah = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
    const first = await firstConversation();
    const started = await checkIn(first.id);
    expect(started.trust).toBe(checkInStartTrust(jonah, first.endTrust));
    const kept = await report(started.id, 'I paid you back for the taxi on Thursday, like I said.');
    expect(kept.trust).toBeGreaterThan(started.trust);
    expect(jonah.checkIn!.reactions.kept).toContain(kept.reply);
  });

  it('costs more for an excuse than the same excuse did at the start of the first conversation', async () => {
    const excuse = "I didn't get round to the taxi money. Work was insane this week, I had no time.";
    const fresh = await startSession(test.app);
    const firstTime = await report(fresh.id, excuse);
    const started = await checkIn((await firstConversation()).id);
    const later = await report(started.id, excuse);
    expect(started.trust - later.trust).toBeGreaterThan(fresh.trust - firstTime.trust);
  });

  it('holds trust for an honest "not yet" with a new day', async () => {
    const started = await checkIn((await firstConversation()).id);
    const honest = await report(started.id, "I haven't paid you back yet, and that's on me. I'll transfer it tonight.");
    expect(Math.abs(honest.trust - started.trust)).toBeLessThanOrEqual(2);
  });
});
