/**
 * The opening of a check-in session (`POST /api/sessions {scenarioId, followUpOf}`): the
 * session followed up must exist, be of the same scenario and be over; its commitments are
 * recorded if they were not yet, and the opening quotes the first open one (else the first
 * one; else the scenario's general check-in line).
 */
import type { AppContext } from '../app-context.js';
import { listCommitments } from '../db/queries/commitments.js';
import { labelledTurns } from '../db/queries/labelled-turns.js';
import { listMessages } from '../db/queries/messages.js';
import { findSession } from '../db/queries/sessions.js';
import type { SessionRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { checkInOpening } from '../practice/follow-through/check-in.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';
import { recordCommitments } from './record-commitments.js';

/** The session followed up, or 404 naming `followUpOf`: read once, for the partner and the opening alike. */
export async function requireFollowedSession(ctx: AppContext, followUpOf: string): Promise<SessionRow> {
  const first = await findSession(ctx.db, followUpOf);
  if (!first) throw new AppError('not_found', `followUpOf: no session with id "${followUpOf}"`);
  return first;
}

export async function checkInOpeningFor(ctx: AppContext, scenario: Scenario, first: SessionRow, newSessionId: string): Promise<string> {
  if (first.scenarioId !== scenario.id) {
    throw new AppError('bad_request', `followUpOf: that session practised "${first.scenarioId}"; check in with the same scenario`);
  }
  if (first.status === 'active') throw new AppError('bad_request', 'followUpOf: end that session before checking in on it');
  // The scenario names the partner, unless the first session practised an imported conversation (then their name is read).
  await recordCommitments(ctx, first, labelledTurns(await listMessages(ctx.db, first.id)), first.importId ? undefined : scenario);
  const promised = await listCommitments(ctx.db, { sessionId: first.id });
  const quoted = promised.find((c) => !c.done) ?? promised[0];
  return checkInOpening(scenario, quoted?.text ?? null, newSessionId);
}
