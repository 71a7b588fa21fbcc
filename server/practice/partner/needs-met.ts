/**
 * A phase of the partner's fold (partner-state.ts): which of the partner's needs a turn meets
 * for the first time, and what that adds to trust. Being heard on the exact thing the partner
 * needed to hear counts on top of the move that said it.
 */
import { labelWeight } from '../confidence.js';
import type { Need, Scenario } from '../scenarios/scenario-schema.js';
import { DIFFICULTY_SCALE } from './emotional-arc.js';
import type { LabelledTurn, PartnerState } from './partner-state-shape.js';

/** First time a specific need is met: being heard on the exact thing counts extra. */
const NEED_MET_BONUS = 3;

export interface NeedsMet {
  /** Ids of the needs this turn met for the first time. */
  newlyMet: string[];
  /** The trust they add, before the per-turn cap; a need met by a doubtful label adds less (confidence.ts). */
  bonus: number;
}

export function meetNeeds(scenario: Scenario, state: PartnerState, turn: LabelledTurn): NeedsMet {
  const newlyMet = scenario.needs.filter((need) => !state.needsMet.includes(need.id) && meetsNeed(need, turn)).map((need) => need.id);
  const weight = newlyMet.reduce((sum, id) => sum + labelWeight(turn.scores?.[scenario.needs.find((need) => need.id === id)!.criterion]), 0);
  return { newlyMet, bonus: weight * NEED_MET_BONUS * DIFFICULTY_SCALE[scenario.difficulty].positive };
}

/** A need is met by its criterion, tied to this situation by one of its cue words if it has any. */
export function meetsNeed(need: Need, turn: LabelledTurn): boolean {
  if (!turn.labels.includes(need.criterion)) return false;
  if (!need.cues || need.cues.length === 0) return true;
  const text = turn.text.toLowerCase();
  return need.cues.some((cue) => new RegExp(`\\b${escapeRegExp(cue.toLowerCase())}`).test(text));
}

export function missingNeeds(scenario: Scenario, state: PartnerState): Need[] {
  return scenario.needs.filter((need) => !state.needsMet.includes(need.id));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
