/**
 * With a model configured, the better read wins: once the LLM judge's read of a turn is
 * stored, the partner's state for the next turn folds from the judge's labels, the stored
 * read shows both, and the trust the next turn starts from is the judge's. msw stands in for
 * the model's server: recorded streams for the partner, a verdict for the judge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CRITERIA } from '../../server/practice/criteria.js';
import { createLlmEngine } from '../../server/practice/partner/partner-engine.js';
import { createJudgeModel, createLlmJudge } from '../../server/practice/scoring/judge/index.js';
import { createJudgeCache } from '../../server/db/queries/judge-cache.js';
import { FAKE_MODEL, fixtureChunks, startFakeOpenAI } from '../support/fake-openai.js';
import { createTestApp, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

// The offline scorer reads this as an apology; the judge (here) reads it as blame.
const FIRST = "I left you alone at arrivals, and that was my fault. I'm so sorry.";
const SECOND = 'What was it like, waiting there?';
const verdict = Object.fromEntries(CRITERIA.map((c) => [c, { met: false, evidence: null }])) as Record<string, { met: boolean; evidence: string | null }>;
verdict.shifts_blame = { met: true, evidence: 'I left you alone at arrivals' };

const fake = startFakeOpenAI();
/** The system prompts the partner model was sent, in order: the streamed requests. */
const partnerPrompts = () => fake.seen.filter((request) => request.body.stream).map((request) => request.body.messages[0]!.content);
let test: TestApp;
afterEach(() => test?.database.close());

async function judgedApp() {
  fake.streamsAndAnswers(fixtureChunks('chat-openai-text.chunks.txt'), JSON.stringify(verdict));
  test = await createTestApp({ engine: createLlmEngine(FAKE_MODEL) });
  // Not hybrid: the judge's own verdict, so the test does not lean on the offline scorer's numbers.
  test.ctx.judge = createLlmJudge({
    model: createJudgeModel(FAKE_MODEL),
    modelName: FAKE_MODEL.model,
    cache: createJudgeCache(test.ctx.db),
  });
  return test;
}

async function turnOnceJudged(app: TestApp['app'], sessionId: string, id: string) {
  for (let i = 0; i < 100; i++) {
    const turn = ((await (await app.request(`/api/sessions/${sessionId}`)).json()).messages as { id: string; judge?: unknown }[]).find((m) => m.id === id);
    if (turn?.judge)
      return turn as unknown as {
        coach: { trustAfter: number; labels: string[]; scores: Record<string, number> };
        judge: { trustBefore: number; trustAfter: number; labels: string[]; scores: Record<string, number> };
      };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the judge read never arrived');
}

describe('the better read wins', () => {
  it("folds the next turn's partner state from the judge's read once it has arrived", async () => {
    const { app } = await judgedApp();
    const session = await startSession(app);
    const first = await readUiStream(await sendTurn(app, session.id, FIRST, 'first'));
    const start1 = first.parts.find((p) => p.type === 'start') as { messageMetadata: { judgePending?: boolean; coach: { labels: string[] } } };
    expect(start1.messageMetadata.judgePending).toBe(true);
    expect(start1.messageMetadata.coach.labels).not.toContain('shifts_blame');

    const judged = await turnOnceJudged(app, session.id, 'first');
    // The stored read shows both: the offline read and the judge's, each with its own trust.
    expect(judged.judge.labels).toEqual(['shifts_blame']);
    expect(judged.judge.scores.shifts_blame).toBe(1);
    expect(judged.coach.labels).not.toContain('shifts_blame');
    expect(judged.judge.trustAfter).toBeLessThan(session.trust);
    expect(judged.coach.trustAfter).not.toBe(judged.judge.trustAfter);
    expect((await (await app.request(`/api/sessions/${session.id}`)).json()).trust).toBe(judged.judge.trustAfter);

    const second = await readUiStream(await sendTurn(app, session.id, SECOND, 'second'));
    const start2 = second.parts.find((p) => p.type === 'start') as { messageMetadata: { coach: { trustBefore: number; trustAfter: number } } };
    expect(start2.messageMetadata.coach.trustBefore).toBe(judged.judge.trustAfter);
    // The partner model is told where things stand from that same fold.
    expect(partnerPrompts().at(-1)).toContain(`Your trust in the user is ${start2.messageMetadata.coach.trustAfter} out of 100`);
  });
});
