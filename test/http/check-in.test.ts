/**
 * A full check-in over HTTP on a real libSQL database (issue 13): practise and promise, end,
 * check in, report — the partner's trust starts halfway back from where the first
 * conversation ended, and moves by what the person reports, with the scenario's own reaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import { checkInStartTrust } from '../../server/practice/partner/check-in-arc.js';
import { labelledTurns } from '../../server/db/queries/labelled-turns.js';
import { listMessages } from '../../server/db/queries/messages.js';
import { foldPartnerState } from '../../server/practice/partner/partner-state.js';
import { FIXTURE_SCENARIOS, createTestApp, json, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp;
beforeEach(async () => {
  test = await createTestApp();
});
afterEach(() => test.database.close());

const session = async (id: string) =>
  (await (await test.app.request(`/api/sessions/${id}`)).json()) as {
    trust: number;
    followUpOf: string | null;
    messages: { id: string; role: string; coach?: { trustAfter: number } }[];
  };
const airport = async () => (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
const end = async (id: string) => expect((await test.app.request(`/api/sessions/${id}/end`, { method: 'POST' })).status).toBe(200);

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

  it('starts from where the first conversation ends as its turns fold now, after a late judge read changed an earlier turn', async () => {
    const jonah = await airport();
    const first = await firstConversation();
    const [opening, last] = (await session(first.id)).messages.filter((m) => m.role === 'user').map((m) => [m.id, m.coach!.trustAfter] as const);
    // The judge's read of the first turn arrives after the second turn was folded and stored.
    await test.database.client.execute({
      sql: `insert into coach_reads (message_id, scorer, labels, evidence, trust_before, trust_after) values (?, 'llm:late', '["makes_excuses"]', '[]', ?, ?)`,
      args: [opening![0], jonah.trust.start, jonah.trust.start],
    });
    const folded = (await session(first.id)).trust;
    expect(folded).not.toBe(last![1]);
    expect((await checkIn(first.id)).trust).toBe(checkInStartTrust(jonah, folded));
  });

  it('starts from the turns still in the first conversation when its last turn was rewound', async () => {
    const jonah = await airport();
    const first = await firstConversation();
    const [, second] = (await session(first.id)).messages.filter((m) => m.role === 'user');
    expect((await test.app.request(`/api/sessions/${first.id}/rewind`, json({ messageId: second!.id }))).status).toBe(200);
    await end(first.id);
    const remaining = (await session(first.id)).trust;
    expect(remaining).not.toBe(first.endTrust);
    expect((await checkIn(first.id)).trust).toBe(checkInStartTrust(jonah, remaining));
  });

  it("starts at the scenario's start when the first conversation had no turns", async () => {
    const jonah = await airport();
    const empty = await startSession(test.app);
    await end(empty.id);
    expect((await checkIn(empty.id)).trust).toBe(checkInStartTrust(jonah, jonah.trust.start));
  });

  it('starts a check-in of a check-in from the check-in it follows, folded plainly rather than from its own start', async () => {
    const jonah = await airport();
    const second = await checkIn((await firstConversation()).id);
    await report(second.id, 'I paid you back for the taxi on Thursday, like I said.');
    await end(second.id);
    const plain = foldPartnerState(jonah, labelledTurns(await listMessages(test.ctx.db, second.id))).trust;
    expect(plain).not.toBe((await session(second.id)).trust);
    expect((await checkIn(second.id)).trust).toBe(checkInStartTrust(jonah, plain));
  });
});
