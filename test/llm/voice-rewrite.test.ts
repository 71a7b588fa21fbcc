import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJudgeModel } from '../../server/practice/scoring/judge/judge-model.js';
import { FAKE_BASE_URL } from '../support/fake-openai.js';
import { createTestApp, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let answer: { status: number; content: string } = { status: 200, content: '' };
const prompts: string[] = [];
const server = setupServer(
  http.post(`${FAKE_BASE_URL}/chat/completions`, async ({ request }) => {
    prompts.push(JSON.stringify(await request.json()));
    if (answer.status !== 200) return HttpResponse.json({ error: { message: 'down' } }, { status: answer.status });
    return HttpResponse.json({
      id: 'x',
      object: 'chat.completion',
      created: 0,
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: answer.content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }),
);
let test: TestApp;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => test?.database.close());

async function scorecardAfter(turns: string[]) {
  test = await createTestApp({ judgeModel: createJudgeModel({ apiKey: 'k', baseURL: FAKE_BASE_URL, model: 'm' }) });
  const session = await startSession(test.app);
  for (const text of turns) await readUiStream(await sendTurn(test.app, session.id, text));
  return (await test.app.request(`/api/sessions/${session.id}/scorecard`)).json();
}

describe('the scorecard rewrite with a model', () => {
  it("rewrites the weakest turn in the person's voice, telling the model what was missing", async () => {
    answer = { status: 200, content: '"I fell asleep and left you alone at arrivals. That was on me."' };
    const card = await scorecardAfter([
      "I was exhausted after a double shift, my phone died, it's not like I planned it.",
      "I'm sorry I left you waiting at arrivals. That was my fault.",
    ]);
    expect(card.weakest).toMatchObject({ rewrite: 'I fell asleep and left you alone at arrivals. That was on me.', rewriteBy: 'model' });
    expect(prompts.at(-1)).toContain('double shift');
    expect(prompts.at(-1)).toMatch(/In it they made an excuse.*: leave that out/);
  });

  it('falls back to the offline rewrite when the model fails', async () => {
    answer = { status: 400, content: '' };
    const card = await scorecardAfter([
      "I was exhausted after a double shift, my phone died, it's not like I planned it.",
      "I'm sorry I left you waiting at arrivals. That was my fault.",
    ]);
    expect(card.weakest.rewriteBy).toBe('offline');
    expect(card.weakest.rewrite.length).toBeGreaterThan(10);
  });
});
