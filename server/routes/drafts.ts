/** Draft feedback: a written message checked before it is sent. */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { draftFeedbackBody } from '../api/schemas.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../http/read-body.js';
import { draftFeedback } from '../practice/coach/draft-feedback.js';

export function draftRoutes(ctx: AppContext) {
  return new Hono().post('/feedback', async (c) => {
    const { text, scenarioId } = await readJsonBody(c, draftFeedbackBody);
    if (text.trim().length === 0) throw new AppError('bad_request', 'text: the draft is empty');
    const scenario = scenarioId ? ctx.scenarios.get(scenarioId) : undefined;
    if (scenarioId && !scenario) throw new AppError('not_found', `scenarioId: no scenario with id "${scenarioId}"`);
    return c.json(draftFeedback({ text, scenario, label: ctx.label }));
  });
}
