/**
 * With a model configured, the judge reads the written summary too: its read wins where it is
 * usable (needs of this scenario, claims quoted from the summary itself), and any failure keeps
 * the offline read. msw stands in for the model's server; the rest is the real app on libSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createJudgeModel } from '../../server/practice/scoring/judge/judge-model.js';
import { FAKE_MODEL, startFakeOpenAI } from '../support/fake-openai.js';
import { createTestApp, json, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

const fake = startFakeOpenAI();
let test: TestApp;
afterEach(() => test?.database.close());

const SUMMARY = "So what I took from tonight is that you're running on empty and nobody sees it. Your brother offered to move in.";

async function summariseWithModel() {
  test = await createTestApp({ judgeModel: createJudgeModel(FAKE_MODEL) });
  const session = await startSession(test.app, 'caring-for-dad');
  await readUiStream(await sendTurn(test.app, session.id, 'He called you nurse, in your own house. How are you holding up?'));
  const response = await test.app.request(`/api/sessions/${session.id}/summary`, json({ text: SUMMARY }));
  expect(response.status).toBe(200);
  return { review: await response.json(), card: await (await test.app.request(`/api/sessions/${session.id}/scorecard`)).json() };
}

describe('the written summary with a model', () => {
  it("takes the model's read of needs and made-up claims, keeping only this scenario's needs and quotes from the summary", async () => {
    fake.answers(
      JSON.stringify({
        covered: ['exhaustion-is-real', 'a-need-it-invented'],
        notSaid: ['Your brother offered to move in.', 'She said she would sell the house.'],
      }),
    );
    const { review, card } = await summariseWithModel();
    expect(review).toMatchObject({
      covered: ['exhaustion-is-real'],
      missed: ['say-back-tonight', 'ask-how-she-is'],
      notSaid: ['Your brother offered to move in.'],
      by: 'model',
    });
    // One of three needs, less 20 for the claim she never made.
    expect(review.score).toBe(13);
    expect(card.summary).toMatchObject({ text: SUMMARY, covered: ['exhaustion-is-real'], by: 'model' });
    // The model was shown the needs by id, the partner's own lines and the summary.
    const sent = JSON.stringify(fake.seen.at(-1)?.body);
    expect(sent).toContain('exhaustion-is-real');
    expect(sent).toContain('running on empty');
    expect(sent).toContain('json_schema');
  });

  it('keeps the offline read when the model fails or answers something unusable', async () => {
    for (const fail of [() => fake.fails(500, { error: { message: 'down' } }), () => fake.answers('not json at all')]) {
      fail();
      const { review } = await summariseWithModel();
      expect(review.by).toBe('offline');
      expect(review.covered.length + review.missed.length).toBe(3);
      test.database.close();
    }
  });
});
