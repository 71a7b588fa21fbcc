import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CRITERIA } from '../../server/practice/criteria.js';
import { createBuiltinEngine } from '../../server/practice/partner/partner-engine.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';
import { createTestApp, json, readUiStream, sendTurn, startSession, userMessage, type TestApp } from '../support/test-app.js';

const opened: TestApp[] = [];
async function open(options: Parameters<typeof createTestApp>[0] = {}) {
  const test = await createTestApp(options);
  opened.push(test);
  return test;
}
afterEach(() => {
  for (const test of opened.splice(0)) test.database.close();
});

const FULL_APOLOGY =
  "I left you alone at arrivals the night you buried your dad. That was my promise and I broke it. You have every right to be angry. I'll pay you back for the taxi, and I'll never leave a pickup to one alarm again.";
const BLAME = "If you'd called a cab earlier instead of waiting for me, this wouldn't have happened.";

describe('POST /api/sessions/:id/chat', () => {
  it('streams the reply as text deltas with the coach read and trust as metadata', async () => {
    const { app, ctx } = await open();
    // At the default typing pace, words arrive a frame or more apart and travel as separate deltas.
    ctx.engine = createBuiltinEngine({ paceMs: 20 });
    const session = await startSession(app);
    const response = await sendTurn(app, session.id, FULL_APOLOGY);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');

    const { parts, text } = await readUiStream(response);
    expect(parts.filter((p) => p.type === 'text-delta').length).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
    const start = parts.find((p) => p.type === 'start') as {
      messageMetadata: { coach: { labels: string[]; trustBefore: number; trustAfter: number }; trust: number };
    };
    expect(start.messageMetadata.coach.labels).toEqual(expect.arrayContaining(['acknowledges_harm', 'takes_responsibility']));
    expect(start.messageMetadata.coach.trustAfter).toBeGreaterThan(start.messageMetadata.coach.trustBefore);
    expect(start.messageMetadata.trust).toBe(start.messageMetadata.coach.trustAfter);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', messageMetadata: { status: 'complete' } });
  });

  it('stores the turn with its coach labels, trust before and after, and the reply', async () => {
    const { app } = await open();
    const session = await startSession(app);
    const { text } = await readUiStream(await sendTurn(app, session.id, FULL_APOLOGY, 'turn-1'));
    const stored = await (await app.request(`/api/sessions/${session.id}`)).json();
    expect(stored.messages.map((m: { role: string }) => m.role)).toEqual(['assistant', 'user', 'assistant']);
    const [, turn, reply] = stored.messages;
    expect(turn).toMatchObject({ id: 'turn-1', text: FULL_APOLOGY, status: 'complete' });
    expect(turn.coach.trustBefore).toBe(session.trust);
    expect(turn.coach.trustAfter).toBeGreaterThan(turn.coach.trustBefore);
    expect(turn.coach.evidence.takes_responsibility).toBeTruthy();
    expect(FULL_APOLOGY).toContain(turn.coach.evidence.takes_responsibility);
    expect(turn.coach.tip).toEqual(expect.any(String));
    expect(reply).toMatchObject({ role: 'assistant', text, status: 'complete', source: 'builtin' });
    expect(stored.trust).toBe(turn.coach.trustAfter);
  });

  it("carries the scorer's probability for all twelve criteria in the coach read, streamed and stored", async () => {
    const { app } = await open();
    const session = await startSession(app);
    const { parts } = await readUiStream(await sendTurn(app, session.id, FULL_APOLOGY, 'scored'));
    const start = parts.find((p) => p.type === 'start') as { messageMetadata: { coach: { labels: string[]; scores: Record<string, number> } } };
    const { scores, labels } = start.messageMetadata.coach;
    expect(Object.keys(scores).sort()).toEqual([...CRITERIA].sort());
    for (const score of Object.values(scores)) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(scores).toEqual(scoreReply({ kind: 'apology', context: session.messages[0]!.text, reply: FULL_APOLOGY }).scores);
    expect(labels.length).toBeGreaterThan(0);
    const stored = await (await app.request(`/api/sessions/${session.id}`)).json();
    expect(stored.messages[1].coach.scores).toEqual(scores);
  });

  it('raises trust after a full apology and lowers it after blame', async () => {
    const { app } = await open();
    const good = await startSession(app);
    await readUiStream(await sendTurn(app, good.id, FULL_APOLOGY));
    const bad = await startSession(app);
    await readUiStream(await sendTurn(app, bad.id, BLAME));
    const trustOf = async (id: string) => (await (await app.request(`/api/sessions/${id}`)).json()).trust as number;
    expect(await trustOf(good.id)).toBeGreaterThan(good.trust);
    expect(await trustOf(bad.id)).toBeLessThan(bad.trust);
  });

  it('keeps the conversation across a restart of the server', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-'));
    try {
      const url = `file:${path.join(dir, 'rehearse.db')}`;
      const first = await createTestApp({ url });
      const session = await startSession(first.app);
      await readUiStream(await sendTurn(first.app, session.id, FULL_APOLOGY));
      const before = await (await first.app.request(`/api/sessions/${session.id}`)).json();
      first.database.close();

      const second = await createTestApp({ url });
      const after = await (await second.app.request(`/api/sessions/${session.id}`)).json();
      second.database.close();
      expect(after).toEqual(before);
      expect(after.messages).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts the useChat body shape: the last of `messages` is the new turn', async () => {
    const { app } = await open();
    const session = await startSession(app);
    const body = {
      id: session.id,
      trigger: 'submit-message',
      messages: [
        { id: session.messages[0]!.id, role: 'assistant', parts: [{ type: 'text', text: 'ignored' }] },
        userMessage('I am sorry I was not there.', 'u-1'),
      ],
    };
    const { text } = await readUiStream(await app.request(`/api/sessions/${session.id}/chat`, json(body)));
    expect(text.length).toBeGreaterThan(0);
    const stored = await (await app.request(`/api/sessions/${session.id}`)).json();
    expect(stored.messages[1]).toMatchObject({ id: 'u-1', text: 'I am sorry I was not there.' });
  });

  it('is idempotent: the same message id twice replays the stored reply and stores nothing new', async () => {
    const { app } = await open();
    const session = await startSession(app);
    const first = await readUiStream(await sendTurn(app, session.id, FULL_APOLOGY, 'same-id'));
    const second = await readUiStream(await sendTurn(app, session.id, FULL_APOLOGY, 'same-id'));
    expect(second.text).toBe(first.text);
    const stored = await (await app.request(`/api/sessions/${session.id}`)).json();
    expect(stored.messages).toHaveLength(3);
  });

  it('answers 409 to a second turn while a reply is streaming', async () => {
    const { app, ctx } = await open();
    ctx.engine = createBuiltinEngine({ paceMs: 20 });
    const session = await startSession(app);
    const streaming = await sendTurn(app, session.id, FULL_APOLOGY);
    const second = await sendTurn(app, session.id, 'Are you still there?');
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('conflict');
    await readUiStream(streaming);
    const third = await sendTurn(app, session.id, 'Are you still there?');
    expect(third.status).toBe(200);
    await readUiStream(third);
  });

  it("closes the conversation in the partner's words and marks the session resolved", async () => {
    const { app } = await open();
    const session = await startSession(app);
    const turns = [
      FULL_APOLOGY,
      'What has it been like for you, these last months with your dad?',
      "It makes sense you feel you've been carrying everything alone. I'm sorry I wasn't there, that's on me.",
      'From now on I will set two alarms and be at arrivals early. What else would help?',
      "Of course you're angry. You've been carrying everything on your own since your dad got sick, and I added to it.",
    ];
    const statuses: string[] = [];
    let last: Record<string, unknown>[] = [];
    for (const text of turns) {
      last = (await readUiStream(await sendTurn(app, session.id, text))).parts;
      statuses.push((last.find((p) => p.type === 'start') as { messageMetadata: { sessionStatus: string } }).messageMetadata.sessionStatus);
    }
    // A moderate partner is not won back before the fifth turn, however good the first four.
    expect(statuses).toEqual(['active', 'active', 'active', 'active', 'resolved']);
    const stored = await (await app.request(`/api/sessions/${session.id}`)).json();
    expect(stored.status).toBe('resolved');
    expect(stored.arc).toMatchObject({ resolvedTurn: 5, waitingFor: [] });
    const start = last.find((p) => p.type === 'start') as { messageMetadata: { arc: { resolvedTurn: number; stages: { stage: string }[] } } };
    expect(start.messageMetadata.arc.resolvedTurn).toBe(5);
    expect(start.messageMetadata.arc.stages.map((s) => s.stage)).toContain('resolved');
    const card = await (await app.request(`/api/sessions/${session.id}/scorecard`)).json();
    expect(card).toMatchObject({ resolvedTurn: 5, arc: { resolvedTurn: 5 } });
    expect(card.hiddenConcernTurn).toBe(4);
    expect(card.resolvedTurn).toBeGreaterThan(card.hiddenConcernTurn);
  });
});
