/**
 * What the partner's fold needs in a check-in session (a session with `followUpOf`): the
 * commitments of the session followed up, with their done status as the person last set it,
 * and the trust where that first conversation ended. Read per request, so a commitment marked
 * done mid-check-in is seen on the next turn; a session whose first was deleted is ordinary.
 */
import type { AppContext } from '../app-context.js';
import { listCommitments } from '../db/queries/commitments.js';
import { labelledTurns } from '../db/queries/labelled-turns.js';
import { listMessages } from '../db/queries/messages.js';
import type { CheckInContext } from '../practice/partner/check-in-arc.js';
import { foldPartnerState } from '../practice/partner/partner-state.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';

export async function checkInContextFor(ctx: AppContext, scenario: Scenario, session: { followUpOf: string | null }): Promise<CheckInContext | undefined> {
  if (!session.followUpOf) return undefined;
  const [messages, promised] = await Promise.all([listMessages(ctx.db, session.followUpOf), listCommitments(ctx.db, { sessionId: session.followUpOf })]);
  return {
    commitments: promised.map((c) => ({ text: c.text, done: c.done })),
    // A check-in of a check-in starts from its own first conversation's end, read plainly: one level is enough to remember.
    firstTrust: foldPartnerState(scenario, labelledTurns(messages)).trust,
  };
}
