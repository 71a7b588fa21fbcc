/**
 * Keeps what the person promised once a conversation is over: shared by ending a session and
 * by reading the scorecard of one that ended or resolved (a resolved session's scorecard can be
 * opened without ending it). Idempotent, so either may run any number of times.
 */
import type { AppContext } from '../app-context.js';
import { saveCommitments } from '../db/queries/commitments.js';
import type { SessionRow } from '../db/schema.js';
import type { ScoredTurn } from '../practice/coach/scorecard.js';
import { draftCommitments } from '../practice/follow-through/commitments.js';

export async function recordCommitments(ctx: AppContext, session: SessionRow, turns: readonly ScoredTurn[]): Promise<void> {
  const scenario = ctx.scenarios.get(session.scenarioId);
  if (!scenario || session.status === 'active') return;
  const drafts = draftCommitments(turns, session.createdAt);
  await saveCommitments(ctx.db, { sessionId: session.id, scenarioId: session.scenarioId, partner: scenario.partner.name, drafts });
}
