/**
 * Keeps what the person promised once a conversation is over: shared by ending a session and
 * by reading the scorecard of one that ended or resolved (a resolved session's scorecard can be
 * opened without ending it). Idempotent, so either may run any number of times.
 */
import type { AppContext } from '../app-context.js';
import { sessionScenario } from '../chat/session-scenario.js';
import { saveCommitments } from '../db/queries/commitments.js';
import type { SessionRow } from '../db/schema.js';
import type { ScoredTurn } from '../practice/coach/scorecard.js';
import { draftCommitments } from '../practice/follow-through/commitments.js';

export async function recordCommitments(ctx: AppContext, session: SessionRow, turns: readonly ScoredTurn[]): Promise<void> {
  if (session.status === 'active') return;
  // Practice from an imported conversation keeps its promises too, to the real person by name.
  const scenario = await sessionScenario(ctx, session, []);
  if (!scenario) return;
  const drafts = draftCommitments(turns, session.createdAt);
  await saveCommitments(ctx.db, { sessionId: session.id, scenarioId: session.scenarioId, partner: scenario.partner.name, drafts });
}
