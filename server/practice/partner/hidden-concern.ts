/**
 * A phase of the partner's fold (partner-state.ts): the hidden concern, what the partner
 * has not said yet. It comes out only to a turn that invites it once trust has come far
 * enough, and a later turn must answer it; each of those moments adds the concern's bonus
 * to what the turn gained, inside the per-turn cap.
 */
import type { Scenario } from '../scenarios/scenario-schema.js';
import { DIFFICULTY_SCALE } from './emotional-arc.js';
import type { LabelledTurn, PartnerState } from './partner-state-shape.js';
import { risenTrust, type TrustMove } from './trust-move.js';

export interface HiddenConcernMoment {
  revealed: boolean;
  /** This turn answered the concern an earlier reply revealed. */
  answered: boolean;
  /** The turn's gain with the concern's bonus for each. */
  gain: number;
}

/** Whether resolution waits for the concern to come out: the scenario says, or else only a hard partner waits. */
export function hiddenConcernRequired(scenario: Scenario): boolean {
  const concern = scenario.hiddenConcern;
  if (!concern) return false;
  return concern.requiredToResolve ?? scenario.difficulty === 3;
}

/** `words`: what the turn's moves and needs add and take (trust-move.ts); the concern's level is tested against it, capped. */
export function meetHiddenConcern(scenario: Scenario, state: PartnerState, turn: LabelledTurn, words: TrustMove, riseCap: number): HiddenConcernMoment {
  const concern = scenario.hiddenConcern;
  if (!concern) return { revealed: false, answered: false, gain: words.gain };
  const revealed =
    !state.hiddenConcernReached &&
    turn.labels.some((label) => concern.unlockedBy.includes(label)) &&
    risenTrust(state.trust, words, riseCap) >= concern.minTrust;
  // Only a later turn can answer what the partner revealed; being answered on the real thing counts like being asked.
  const answered = state.arc.hiddenConcernTurn !== null && state.arc.answeredTurn === null && turn.labels.some((l) => concern.answeredBy.includes(l));
  const bonus = concern.trustBonus * DIFFICULTY_SCALE[scenario.difficulty].positive;
  let gain = words.gain;
  if (revealed) gain += bonus;
  if (answered) gain += bonus;
  return { revealed, answered, gain };
}
