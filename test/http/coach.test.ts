import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, json, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp;
beforeEach(async () => {
  test = await createTestApp();
});
afterEach(() => test.database.close());

describe('POST /api/drafts/feedback', () => {
  it('returns labels, spans that point into the text, a score, what is missing and a reaction', async () => {
    const text = "I'm sorry if you were upset. I was slammed at work that week, you know how it's been.";
    const response = await test.app.request('/api/drafts/feedback', json({ text }));
    expect(response.status).toBe(200);
    const feedback = await response.json();
    expect(feedback.labels).toEqual(expect.arrayContaining(['non_apology', 'makes_excuses']));
    expect(feedback.spans.length).toBeGreaterThan(0);
    for (const span of feedback.spans) expect(text.slice(span.start, span.end).length).toBeGreaterThan(0);
    expect(feedback.missing.map((m: { criterion: string }) => m.criterion)).toContain('takes_responsibility');
    expect(feedback.score).toBeLessThan(50);
    expect(feedback.reaction.text).toEqual(expect.any(String));
    expect(feedback.sentences).toHaveLength(2);
  });

  it('scores a strong draft higher and uses the scenario partner for the reaction', async () => {
    const weak = await (await test.app.request('/api/drafts/feedback', json({ text: "Sorry you feel that way. It wasn't a big deal." }))).json();
    const strong = await (
      await test.app.request(
        '/api/drafts/feedback',
        json({
          scenarioId: 'airport-at-midnight',
          text: "I left you waiting alone at arrivals the night of your dad's funeral. That was my promise and I broke it. You have every right to be angry. I'll pay you back for the taxi and set two alarms from now on.",
        }),
      )
    ).json();
    expect(strong.score).toBeGreaterThan(weak.score);
    expect(strong.reaction.by).toBe('Jonah');
    expect(strong.reaction.trustAfter).toBeGreaterThan(25);
  });

  it('rejects an empty draft and an unknown scenario', async () => {
    expect((await test.app.request('/api/drafts/feedback', json({ text: ' ' }))).status).toBe(400);
    expect((await test.app.request('/api/drafts/feedback', json({ text: 'hi', scenarioId: 'nope' }))).status).toBe(404);
  });
});

describe('GET /api/sessions/:id/scorecard', () => {
  it('shows criteria with evidence, red flags, the trust path, strongest and weakest turns and commitments', async () => {
    const session = await startSession(test.app);
    const turns = [
      "I was exhausted after a double shift, my phone died, it's not like I planned it.",
      "I left you alone at arrivals after your dad's funeral. That's on me.",
      "I'll pay you back for the taxi this week.",
    ];
    for (const text of turns) await readUiStream(await sendTurn(test.app, session.id, text));
    const card = await (await test.app.request(`/api/sessions/${session.id}/scorecard`)).json();
    expect(card.criteria.takes_responsibility).toMatchObject({ met: true, count: 1 });
    expect(card.criteria.takes_responsibility.evidence[0]).toEqual(expect.any(String));
    expect(card.redFlags.makes_excuses.met).toBe(true);
    expect(card.trustPath).toHaveLength(4);
    expect(card.trustPath[0]).toBe(25);
    expect(card.weakest.text).toBe(turns[0]);
    expect(card.weakest.rewrite).not.toContain('double shift');
    expect(card.strongest.text).not.toBe(turns[0]);
    expect(card.commitments.join(' ')).toMatch(/pay you back/);
    expect(card.tips.length).toBeGreaterThan(0);
  });
});

describe('safety', () => {
  it('answers a turn about self-harm outside the role-play with where to get help, and records it', async () => {
    const session = await startSession(test.app);
    const response = await sendTurn(test.app, session.id, "Honestly I don't even care anymore, I want to kill myself.");
    const { text, parts } = await readUiStream(response);
    expect(text).toMatch(/stepping out of the practice/);
    expect(text).toMatch(/988|116 123|findahelpline/);
    const start = parts.find((p) => p.type === 'start') as { messageMetadata: { safety?: boolean } };
    expect(start.messageMetadata.safety).toBe(true);
    const stored = await (await test.app.request(`/api/sessions/${session.id}`)).json();
    expect(stored.safetyFlagged).toBe(true);
    expect(stored.messages.at(-1)).toMatchObject({ source: 'safety' });
  });
});
