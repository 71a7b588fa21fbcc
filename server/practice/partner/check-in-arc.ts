/**
 * What a check-in does to the partner's trust: the numbers the fold (partner-state.ts) uses
 * when a session follows up an earlier one, and why.
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
import type { CheckInReport, FollowedCommitment } from '../follow-through/check-in-report.js';
import type { Scenario } from '../scenarios/scenario-schema.js';

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

export const CHECK_IN_KEPT_BONUS = 10;
export const BROKEN_EXCUSE_SCALE = 1.5;
export const NOT_YET_HOLD = 2;
export const BROKEN_PLAIN_LOSS = 5;

export function checkInStartTrust(scenario: Pick<Scenario, 'trust'>, firstTrust: number): number {
  const { start, resolveAt } = scenario.trust;
  return Math.round(Math.min(resolveAt - 1, Math.max(0, start + (firstTrust - start) / 2)));
}
