/**
 * What the partner's fold needs in a check-in session (a session with `followUpOf`): the
 * commitments of the session followed up, with their done status as the person last set it,
 * and the trust where that first conversation ended. Read per request, so a commitment marked
 * done mid-check-in is seen on the next turn; a session whose first was deleted is ordinary.
 *
 * That trust is folded from the first conversation's turns rather than read from the trust
 * stored with its last coach read, because the stored number is not always the fold's: it was
 * folded when the turn was taken. A judge's read of an earlier turn can arrive after later turns
 * were stored (the judge is never awaited), which changes the fold and not them; and a
 * check-in's stored trust counts from the check-in's own start, while a check-in of it reads it
 * plainly (below). test/http/check-in.test.ts pins both. Only the person's turns are read: the
 * fold needs nothing else.
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
  const [turns, promised] = await Promise.all([
    listMessages(ctx.db, session.followUpOf, { role: 'user' }),
    listCommitments(ctx.db, { sessionId: session.followUpOf }),
  ]);
  return {
    commitments: promised.map((c) => ({ text: c.text, done: c.done })),
    // A check-in of a check-in starts from its own first conversation's end, read plainly: one level is enough to remember.
    firstTrust: foldPartnerState(scenario, labelledTurns(turns)).trust,
  };
}
