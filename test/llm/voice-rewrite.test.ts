import { afterEach, describe, expect, it } from 'vitest';
import { createJudgeModel } from '../../server/practice/scoring/judge/judge-model.js';
import { FAKE_MODEL, startFakeOpenAI } from '../support/fake-openai.js';
import { createTestApp, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

const fake = startFakeOpenAI();
const lastPrompt = () => JSON.stringify(fake.seen.at(-1)?.body);
let test: TestApp;
afterEach(() => test?.database.close());

async function scorecardAfter(turns: string[]) {
  test = await createTestApp({ judgeModel: createJudgeModel(FAKE_MODEL) });
  const session = await startSession(test.app);
  for (const text of turns) await readUiStream(await sendTurn(test.app, session.id, text));
  return (await test.app.request(`/api/sessions/${session.id}/scorecard`)).json();
}

describe('the scorecard rewrite with a model', () => {
  it("rewrites the weakest turn in the person's voice, telling the model what was missing", async () => {
    fake.answers('"I fell asleep and left you alone at arrivals. That was on me."');
    const card = await scorecardAfter([
      "I was exhausted after a double shift, my phone died, it's not like I planned it.",
      "I'm sorry I left you waiting at arrivals. That was my fault.",
    ]);
    expect(card.weakest).toMatchObject({ rewrite: 'I fell asleep and left you alone at arrivals. That was on me.', rewriteBy: 'model' });
    expect(lastPrompt()).toContain('double shift');
    expect(lastPrompt()).toMatch(/In it they made an excuse.*: leave that out/);
  });

  it('falls back to the offline rewrite when the model fails', async () => {
    fake.fails(400, { error: { message: 'down' } });
    const card = await scorecardAfter([
      "I was exhausted after a double shift, my phone died, it's not like I planned it.",
      "I'm sorry I left you waiting at arrivals. That was my fault.",
    ]);
    expect(card.weakest.rewriteBy).toBe('offline');
    expect(card.weakest.rewrite.length).toBeGreaterThan(10);
  });
});
