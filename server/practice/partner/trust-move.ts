/**
 * A phase of the partner's fold (partner-state.ts): the trust arithmetic of one turn. What
 * the words gained rises only as far as the difficulty's per-turn cap; what they lost falls
 * in full (emotional-arc.ts says why). A check-in report then adds what a promise kept or
 * broken is worth (check-in-arc.ts), a test broken takes back what the tested turn gained,
 * and the result is a whole number from 0 to 100.
 */
import type { CheckInReport } from '../follow-through/check-in-report.js';
import { checkInTrust } from './check-in-arc.js';
import type { MoveScale } from './emotional-arc.js';
import type { TurnEffect } from './partner-state-shape.js';

/** What a turn's moves add and take before the cap: `gain` is never negative, `loss` never positive. */
export interface TrustMove {
  gain: number;
  loss: number;
}

/** The good moves and first-met needs on one side, the red flags on the other. */
export function wordsMove(contributions: TurnEffect['contributions'], needBonus: number): TrustMove {
  return {
    gain: contributions.reduce((sum, c) => sum + Math.max(0, c.delta), 0) + needBonus,
    loss: contributions.reduce((sum, c) => sum + Math.min(0, c.delta), 0),
  };
}

/** Rising is capped; falling is not. */
export function risenTrust(before: number, move: TrustMove, riseCap: number): number {
  return before + Math.min(move.gain, riseCap) + move.loss;
}

export interface TrustInput {
  before: number;
  move: TrustMove;
  riseCap: number;
  scale: MoveScale;
  report: CheckInReport | undefined;
  /** What the tested turn gained, when this turn broke the partner's test. */
  stakeLost: number | undefined;
}

export function moveTrust({ before, move, riseCap, scale, report, stakeLost }: TrustInput): { trust: number; capped: boolean } {
  let trust = checkInTrust(report, before, risenTrust(before, move, riseCap), scale);
  if (stakeLost !== undefined) trust -= stakeLost;
  return { trust: Math.round(Math.min(100, Math.max(0, trust))), capped: move.gain > riseCap };
}
