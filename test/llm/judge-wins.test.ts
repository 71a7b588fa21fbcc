/**
 * With a model configured, the better read wins: once the LLM judge's read of a turn is
 * stored, the partner's state for the next turn folds from the judge's labels, the stored
 * read shows both, and the trust the next turn starts from is the judge's. msw stands in for
 * the model's server: recorded streams for the partner, a verdict for the judge.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CRITERIA } from '../../server/practice/criteria.js';
import { createLlmEngine } from '../../server/practice/partner/partner-engine.js';
import { createJudgeModel, createLlmJudge } from '../../server/practice/scoring/judge/index.js';
import { createJudgeCache } from '../../server/db/queries/judge-cache.js';
import { FAKE_BASE_URL, fixtureChunks, sseBody } from '../support/fake-openai.js';
import { createTestApp, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

// The offline scorer reads this as an apology; the judge (here) reads it as blame.
const FIRST = "I left you alone at arrivals, and that was my fault. I'm so sorry.";
const SECOND = 'What was it like, waiting there?';
const verdict = Object.fromEntries(CRITERIA.map((c) => [c, { met: false, evidence: null }])) as Record<string, { met: boolean; evidence: string | null }>;
verdict.shifts_blame = { met: true, evidence: 'I left you alone at arrivals' };

const prompts: string[] = [];
const server = setupServer(
  http.post(`${FAKE_BASE_URL}/chat/completions`, async ({ request }) => {
    const body = (await request.json()) as { stream?: boolean; messages: { role: string; content: string }[] };
    if (body.stream) {
      prompts.push(body.messages[0]!.content);
      return new HttpResponse(sseBody(fixtureChunks('chat-openai-text.chunks.txt')), { headers: { 'content-type': 'text/event-stream' } });
    }
    return HttpResponse.json({
      id: 'x',
      object: 'chat.completion',
      created: 0,
      model: 'gpt-test',
      choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(verdict) }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }),
);
let test: TestApp;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => test?.database.close());

async function judgedApp() {
  test = await createTestApp({ engine: createLlmEngine({ apiKey: 'k', baseURL: FAKE_BASE_URL, model: 'gpt-test' }) });
  // Not hybrid: the judge's own verdict, so the test does not lean on the offline scorer's numbers.
  test.ctx.judge = createLlmJudge({
    model: createJudgeModel({ apiKey: 'k', baseURL: FAKE_BASE_URL, model: 'gpt-test' }),
    modelName: 'gpt-test',
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
    expect(prompts.at(-1)).toContain(`Your trust in the user is ${start2.messageMetadata.coach.trustAfter} out of 100`);
  });
});
