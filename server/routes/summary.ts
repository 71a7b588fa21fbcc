/** A written summary of a listening session: reviewed against the partner's needs and words, and kept for the scorecard. */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { writtenSummaryBody, type ApiSummaryReview } from '../api/schemas.js';
import { listMessages } from '../db/queries/messages.js';
import { saveWrittenSummary } from '../db/queries/written-summaries.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../http/read-body.js';
import { requireSession } from '../http/require-session.js';
import { sessionScenario } from '../chat/session-scenario.js';
import { reviewSummary } from '../practice/coach/written-summary.js';
import { judgeSummary } from '../practice/coach/summary-judge.js';

export function summaryRoutes(ctx: AppContext) {
  return new Hono().post('/:id/summary', async (c) => {
    const session = await requireSession(ctx, c.req.param('id'));
    const messages = await listMessages(ctx.db, session.id);
    const scenario = await sessionScenario(ctx, session, messages);
    if (!scenario) throw new AppError('not_found', `the scenario "${session.scenarioId}" of this session is no longer installed`);
    if (scenario.kind !== 'listening') throw new AppError('bad_request', `a written summary is for listening sessions; "${scenario.id}" is ${scenario.kind}`);
    const { text } = await readJsonBody(c, writtenSummaryBody);
    // What the partner said: their lines still in the conversation, not a safety message out of role.
    const partnerLines = messages.filter((m) => m.role === 'assistant' && m.source !== 'safety' && m.text).map((m) => m.text);
    const offline = reviewSummary(scenario, partnerLines, text);
    const review: ApiSummaryReview = ctx.judgeModel
      ? await judgeSummary(ctx.judgeModel, { scenario, partnerLines, summary: text }, offline, Math.min(ctx.modelTimeoutMs, 20_000))
      : { ...offline, by: 'offline' };
    await saveWrittenSummary(ctx.db, { sessionId: session.id, text, review });
    return c.json(review);
  });
}
