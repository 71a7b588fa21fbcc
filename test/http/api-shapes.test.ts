/** The answers the page reads are exactly the shapes it imports: each parsed by its one schema. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiScorecardSchema, progressPointSchema, scenarioDetailSchema, sessionSchema } from '../../server/api/schemas.js';
import { createTestApp, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.database.close());

describe('the API answers the page reads', () => {
  it('match their schemas: scenario detail, session, scorecard and progress', async () => {
    const { app } = test;
    scenarioDetailSchema.parse(await (await app.request('/api/scenarios/airport-at-midnight')).json());
    const session = await startSession(app);
    await readUiStream(await sendTurn(app, session.id, "I left you alone at arrivals. That was my fault, and I'm sorry."));
    const view = sessionSchema.parse(await (await app.request(`/api/sessions/${session.id}`)).json());
    expect(view.messages[1]!.coach!.scores).toBeDefined();
    const card = apiScorecardSchema.parse(await (await app.request(`/api/sessions/${session.id}/scorecard`)).json());
    expect(card.sessionId).toBe(session.id);
    const progress = progressPointSchema.array().parse(await (await app.request('/api/progress')).json());
    expect(progress.map((p) => p.sessionId)).toContain(session.id);
  });
});
