/** The end-of-session scorecard, built from the stored, labelled turns still in the conversation. */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import type { ApiScorecard } from '../api/schemas.js';
import { listMessages } from '../db/queries/messages.js';
import { findWrittenSummary } from '../db/queries/written-summaries.js';
import type { SessionRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { labelledTurns } from '../db/queries/labelled-turns.js';
import { buildScorecard } from '../practice/coach/scorecard.js';
import { checkInContextFor } from '../http/check-in-context.js';
import { recordCommitments } from '../http/record-commitments.js';
import { readAttempts } from '../http/progress-attempts.js';
import { requireSession } from '../http/require-session.js';
import { sessionScenario } from '../chat/session-scenario.js';
import { compareAttempts, previousAttempt } from '../practice/follow-through/progress.js';
import { rewriteInVoice } from '../practice/coach/voice-rewrite.js';

export function scorecardRoutes(ctx: AppContext) {
  return new Hono().get('/:id/scorecard', async (c) => {
    const session = await requireSession(ctx, c.req.param('id'));
    const messages = await listMessages(ctx.db, session.id);
    const scenario = await sessionScenario(ctx, session, messages);
    if (!scenario) throw new AppError('not_found', `the scenario "${session.scenarioId}" of this session is no longer installed`);
    const turns = labelledTurns(messages);
    const card = buildScorecard(scenario, turns, await checkInContextFor(ctx, scenario, session));
    await recordCommitments(ctx, session, turns, scenario);
    if (card.weakest && ctx.judgeModel) {
      const weakest = turns.find((t) => t.messageId === card.weakest!.messageId)!;
      const rewrite = await rewriteInVoice(ctx.judgeModel, scenario, weakest, card.weakest.rewrite, Math.min(ctx.modelTimeoutMs, 20_000));
      card.weakest = { ...card.weakest, rewrite: rewrite.text, rewriteBy: rewrite.by };
    }
    const written = scenario.kind === 'listening' ? await findWrittenSummary(ctx.db, session.id) : undefined;
    const summary = written ? { text: written.text, ...written.review, createdAt: written.createdAt.toISOString() } : null;
    const improved = await improvedSinceLast(ctx, session);
    const answer: ApiScorecard = { sessionId: session.id, status: session.status, safetyFlagged: session.safetyFlaggedAt !== null, ...card, summary, improved };
    return c.json(answer);
  });
}

/** What improved since the previous attempt at the same scenario, or nothing for a first attempt. */
async function improvedSinceLast(ctx: AppContext, session: SessionRow): Promise<string[]> {
  // Only attempts at the same scenario can be the previous one.
  const attempts = await readAttempts(ctx, { scenarioId: session.scenarioId });
  const latest = attempts.find((a) => a.sessionId === session.id);
  const previous = latest && previousAttempt(attempts, latest);
  return latest && previous ? compareAttempts(previous, latest) : [];
}
