/**
 * A phase of the partner's fold (partner-state.ts): what each scored criterion of one turn
 * does to trust before the arc's limits apply. A move's weight in this scenario is carried
 * further or less far by how sure the scorer was, the difficulty, and what the conversation
 * so far makes of it: a good thing said again, a repair that commits to more or less, a
 * deflection before any ownership, a setback after progress, an excuse for a broken promise.
 */
import { KIND_RUBRIC, isRedFlag, type Criterion } from '../criteria.js';
import { labelWeight } from '../confidence.js';
import type { CheckInReport } from '../follow-through/check-in-report.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { BROKEN_EXCUSE_SCALE } from './check-in-arc.js';
import { DIFFICULTY_SCALE, setbackScale, trustProgress } from './emotional-arc.js';
import type { LabelledTurn, PartnerState, TurnEffect } from './partner-state-shape.js';
import { readRepair, type RepairRead } from './repair-worth.js';

/** An excuse or blame before any ownership is what a hurt person fears most. */
const EARLY_DEFLECTION_SCALE = 1.5;

export interface TurnContributions {
  /** How many turns have shown each criterion, this one included, scored by this rubric or not. */
  counts: Partial<Record<Criterion, number>>;
  contributions: TurnEffect['contributions'];
  /** Some move cost trust: a pushback the partner had open breaks on it, and such a turn is never tested. */
  redFlagged: boolean;
  /** How the repair this turn offered was read, if the rubric scores one and the turn offered it. */
  repair: RepairRead | undefined;
}

/** Whether ownership has been shown by this turn or an earlier one. */
export function ownershipShownBy(state: PartnerState, turn: LabelledTurn): boolean {
  return state.ownershipShown || turn.labels.includes('takes_responsibility');
}

/** `report`: what this turn reported about a check-in's promise, if it did (check-in-arc.ts). */
export function scoreContributions(scenario: Scenario, state: PartnerState, turn: LabelledTurn, report: CheckInReport | undefined): TurnContributions {
  const rubric = new Set<Criterion>([...KIND_RUBRIC[scenario.kind].positive, ...KIND_RUBRIC[scenario.kind].redFlags]);
  const scale = DIFFICULTY_SCALE[scenario.difficulty];
  const counts = { ...state.counts };
  const contributions: TurnEffect['contributions'] = [];
  // Trust that was rebuilt is lost faster than it was gained.
  const setback = setbackScale(trustProgress(scenario, state.trust));
  let repair: RepairRead | undefined;

  for (const criterion of new Set(turn.labels)) {
    counts[criterion] = (counts[criterion] ?? 0) + 1;
    if (!rubric.has(criterion)) continue;
    // A doubtful label moves trust less than a sure one (confidence.ts).
    const weight = (scenario.trust.weights[criterion] ?? 0) * labelWeight(turn.scores?.[criterion]);
    let delta: number;
    if (isRedFlag(criterion)) {
      // In a check-in the broken promise's multiplier takes the place of this one: ownership was shown last time.
      const early = !state.checkIn && !ownershipShownBy(state, turn) && (criterion === 'makes_excuses' || criterion === 'shifts_blame');
      delta = weight * scale.negative * (early && scenario.kind !== 'listening' ? EARLY_DEFLECTION_SCALE : 1) * setback;
      if (report === 'excuse') delta *= BROKEN_EXCUSE_SCALE;
    } else if (criterion === 'proposes_action') {
      // A repair is worth what it commits to (repair-worth.ts); its novelty is judged there, not by repetition.
      repair = readRepair(turn, state.arc.repairWords);
      delta = weight * scale.positive * repair.worth;
    } else {
      // Saying the same good thing again still helps, but less each time.
      const repeat = counts[criterion]! - 1;
      delta = (weight * scale.positive) / (1 + 0.5 * repeat);
    }
    if (delta !== 0) contributions.push({ criterion, delta });
  }
  return { counts, contributions, redFlagged: contributions.some((c) => c.delta < 0), repair };
}
