/**
 * What a check-in does to the partner's trust: the numbers the fold (partner-state.ts) uses
 * when a session follows up an earlier one, why, and the arithmetic that applies them.
 *
 * - Start: halfway from the scenario's start back toward where the first conversation ended.
 *   Days have passed; what the first conversation won in words was provisional, and what it
 *   lost was softened by time. Halfway keeps both facts: a good first conversation starts the
 *   check-in warmer than a stranger, but not at the brink of resolving, so the check-in still
 *   has to be earned in deeds. It never starts at or above the resolve level.
 * - Kept: +10 (difficulty-scaled) on top of what the words earn, outside the per-turn cap. The
 *   cap limits how far words can carry trust in one turn; a kept promise is not words but
 *   something done over days, which is what trust is rebuilt from.
 * - Excuse for a broken promise: the excuse's usual cost ×1.5, and the broken promise itself
 *   (−5 ×1.5, difficulty-scaled) on top. The partner has heard the promise already; an excuse
 *   now confirms the doubt the first conversation only raised. The second part makes it cost
 *   more than a plain "no" even where excuses are not scored (a listening partner's rubric has
 *   no makes_excuses). It replaces the first conversation's early-deflection ×1.5 (ownership
 *   was shown then); the setback multiplier applies as ever, so the warmer the check-in
 *   started, the more the excuse costs. Compounding all three took a partner from 60 to 0 on
 *   one excuse, past recovery, as issue 12 found for a multiplier on top of the setback.
 * - Honest "not yet, here is when": the turn's net move is held within ±2. Owning the slip is
 *   not rewarded as if the thing were done, nor punished like an excuse.
 * - Broken, said plainly, with no new time: −5 (difficulty-scaled). Honest, but nothing to hold
 *   on to.
 */
import { readCheckInReport, type CheckInReport, type FollowedCommitment, type ReportTurn } from '../follow-through/check-in-report.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import type { MoveScale } from './emotional-arc.js';

/** What the fold needs to know about a check-in: what was promised, and how the first conversation ended. */
export interface CheckInContext {
  /** The commitments of the session followed up, in the person's words, with done status. */
  commitments: FollowedCommitment[];
  /** Trust where the first conversation ended. */
  firstTrust: number;
}

export interface CheckInState extends CheckInContext {
  startTrust: number;
  /** What the person reported, once they have; null while the partner still waits for it. */
  report: CheckInReport | null;
  /** The person's turn (from 1) that reported it. */
  reportTurn: number | null;
}

const CHECK_IN_KEPT_BONUS = 10;
export const BROKEN_EXCUSE_SCALE = 1.5;
export const NOT_YET_HOLD = 2;
const BROKEN_PLAIN_LOSS = 5;

export function checkInStartTrust(scenario: Pick<Scenario, 'trust'>, firstTrust: number): number {
  const { start, resolveAt } = scenario.trust;
  return Math.round(Math.min(resolveAt - 1, Math.max(0, start + (firstTrust - start) / 2)));
}

/** The first turn that answers the check-in's question is read once; later turns are ordinary. */
export function newCheckInReport(checkIn: CheckInState | undefined, turn: ReportTurn): CheckInReport | undefined {
  return checkIn && checkIn.report === null ? (readCheckInReport(turn, checkIn.commitments) ?? undefined) : undefined;
}

/**
 * Trust after a turn that reported on the promise: `trust` is where the turn's words moved it
 * from `before`. An excuse's own cost was already scaled in its contribution (×1.5); this
 * adds the cost of the broken promise.
 */
export function checkInTrust(report: CheckInReport | undefined, before: number, trust: number, scale: MoveScale): number {
  if (report === 'kept') return trust + CHECK_IN_KEPT_BONUS * scale.positive;
  if (report === 'broken') return trust - BROKEN_PLAIN_LOSS * scale.negative;
  if (report === 'excuse') return trust - BROKEN_PLAIN_LOSS * scale.negative * BROKEN_EXCUSE_SCALE;
  if (report === 'not-yet') return before + Math.min(NOT_YET_HOLD, Math.max(-NOT_YET_HOLD, trust - before));
  return trust;
}
