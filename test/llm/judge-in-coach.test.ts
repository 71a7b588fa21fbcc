import { afterEach, describe, expect, it } from 'vitest';
import { CRITERIA } from '../../server/practice/criteria.js';
import { createLlmEngine } from '../../server/practice/partner/partner-engine.js';
import { foldPartnerState } from '../../server/practice/partner/partner-state.js';
import { createJudgeModel, createLlmJudge } from '../../server/practice/scoring/judge/index.js';
import { createJudgeCache } from '../../server/db/queries/judge-cache.js';
import { FAKE_MODEL, fixtureChunks, startFakeOpenAI } from '../support/fake-openai.js';
import { createTestApp, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

const TURN = "I left you alone at arrivals. I'm sorry if you were upset.";
const verdict = Object.fromEntries(CRITERIA.map((c) => [c, { met: false, evidence: null }])) as Record<string, { met: boolean; evidence: string | null }>;
verdict.acknowledges_harm = { met: true, evidence: 'I left you alone at arrivals.' };
verdict.non_apology = { met: true, evidence: "I'm sorry if you were upset." };

const fake = startFakeOpenAI();
const judgeCalls = () => fake.seen.filter((request) => !request.body.stream).length;
let test: TestApp;
afterEach(() => test?.database.close());

describe('the LLM judge in the coach', () => {
  it('adds its read to the turn once ready, without holding up the partner reply', async () => {
    // The judge is slow on purpose: the partner's reply must not wait for it.
    let releaseJudge!: () => void;
    const judgeReleased = new Promise<void>((resolve) => (releaseJudge = resolve));
    fake.streamsAndAnswers(fixtureChunks('chat-openai-text.chunks.txt'), JSON.stringify(verdict), { after: () => judgeReleased });
    test = await createTestApp({ engine: createLlmEngine(FAKE_MODEL) });
    test.ctx.judge = createLlmJudge({
      model: createJudgeModel(FAKE_MODEL),
      modelName: FAKE_MODEL.model,
      cache: createJudgeCache(test.ctx.db),
      hybrid: true,
    });
    const session = await startSession(test.app);
    const { text } = await readUiStream(await sendTurn(test.app, session.id, TURN, 'judged'));
    expect(text.length).toBeGreaterThan(0);

    const read = async () => (await (await test.app.request(`/api/sessions/${session.id}`)).json()).messages[1];
    expect((await read()).judge).toBeUndefined();
    releaseJudge();
    let turn = await read();
    for (let i = 0; i < 50 && !turn.judge; i++) {
      await new Promise((r) => setTimeout(r, 20));
      turn = await read();
    }
    expect(turn.judge).toMatchObject({ scorer: 'hybrid:gpt-test', labels: ['acknowledges_harm', 'non_apology'] });
    expect(turn.judge.evidence.non_apology).toBe("I'm sorry if you were upset.");
    // The better read wins: the judge's read carries the trust folded from its own (sure) labels,
    // and the session's trust now follows it.
    const scenario = test.ctx.scenarios.get('airport-at-midnight')!;
    const judged = foldPartnerState(scenario, [{ text: TURN, labels: turn.judge.labels, evidence: [], scores: turn.judge.scores }]);
    expect(turn.judge.trustBefore).toBe(turn.coach.trustBefore);
    expect(turn.judge.trustAfter).toBe(judged.trust);
    expect((await (await test.app.request(`/api/sessions/${session.id}`)).json()).trust).toBe(judged.trust);
    expect(judgeCalls()).toBe(1);
  });
});
