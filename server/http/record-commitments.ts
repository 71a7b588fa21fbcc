/**
 * Keeps what the person promised once a conversation is over: shared by ending a session and
 * by reading the scorecard of one that ended or resolved (a resolved session's scorecard can be
 * opened without ending it). Idempotent, so either may run any number of times.
 *
 * It writes only promises not recorded before, so opening a scorecard again is a read and
 * nothing the person did with a commitment (done, reworded, moved, deleted) is touched. Not
 * "only when none are recorded yet": a resolved session can go on (and an ended one can be
 * rewound), and a promise made then is kept by the next scorecard read as well.
 */
import type { AppContext } from '../app-context.js';
import { sessionScenario } from '../chat/session-scenario.js';
import { listCommitmentKeys, saveCommitments } from '../db/queries/commitments.js';
import type { SessionRow } from '../db/schema.js';
import type { ScoredTurn } from '../practice/coach/scorecard.js';
import { draftCommitments } from '../practice/follow-through/commitments.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';

/** `scenario`: what the session plays, when the caller has it; otherwise it is read only if there is a promise to save. */
export async function recordCommitments(ctx: AppContext, session: SessionRow, turns: readonly ScoredTurn[], scenario?: Scenario): Promise<void> {
  if (session.status === 'active') return;
  const said = draftCommitments(turns, session.createdAt);
  if (said.length === 0) return;
  const recorded = await listCommitmentKeys(ctx.db, session.id);
  const drafts = said.filter((draft) => !recorded.has(draft.key));
  if (drafts.length === 0) return;
  // Practice from an imported conversation keeps its promises too, to the real person by name.
  const played = scenario ?? (await sessionScenario(ctx, session, []));
  if (!played) return;
  // Two requests recording at once both insert; saveCommitments keeps the first of each key.
  await saveCommitments(ctx.db, { sessionId: session.id, scenarioId: session.scenarioId, partner: played.partner.name, drafts });
}
