/**
 * A phase of the partner's fold (partner-state.ts): what the partner still waits for before
 * it can resolve, and the hold that keeps trust one point below the resolve level until it
 * has all of it, so that good words alone never end the conversation early.
 */
import type { Scenario } from '../scenarios/scenario-schema.js';
import type { ArcWait } from './arc-stages.js';
import { arcRules } from './emotional-arc.js';
import { hiddenConcernRequired } from './hidden-concern.js';
import type { PartnerState, PushbackRecord } from './partner-state-shape.js';

/** How many pushbacks must be held before this partner can resolve. */
export function requiredTests(scenario: Scenario): number {
  const rules = arcRules(scenario);
  return rules.pushbackRequired && scenario.pushback ? rules.pushbackTests : 0;
}

/**
 * What the partner still waits for after `turns` turns: time, tests held (and none open),
 * the hidden concern brought out when this scenario needs it, and answered once it is out.
 * A reveal in this very turn is unanswered, so the reply that reveals it never resolves.
 */
export function waitsOf(
  scenario: Scenario,
  turns: number,
  pushbacks: readonly PushbackRecord[],
  hiddenConcernTurn: number | null,
  answeredTurn: number | null,
): ArcWait[] {
  const waits: ArcWait[] = [];
  if (turns < arcRules(scenario).minTurns) waits.push('time');
  const held = pushbacks.filter((p) => p.outcome === 'held').length;
  if (held < requiredTests(scenario) || pushbacks.some((p) => p.outcome === 'open')) waits.push('test');
  if (hiddenConcernTurn === null && hiddenConcernRequired(scenario)) waits.push('hidden-concern');
  if (hiddenConcernTurn !== null && answeredTurn === null) waits.push('answer');
  return waits;
}

/** Trust after the hold, and whether the conversation has resolved: once it has, it stays resolved and is never held. */
export function holdBelowResolve(
  scenario: Scenario,
  state: PartnerState,
  trust: number,
  waitingFor: readonly ArcWait[],
): { trust: number; heldBack: boolean; resolved: boolean } {
  const { resolveAt } = scenario.trust;
  if (!state.resolved && waitingFor.length > 0 && trust >= resolveAt) return { trust: resolveAt - 1, heldBack: true, resolved: false };
  return { trust, heldBack: false, resolved: state.resolved || (waitingFor.length === 0 && trust >= resolveAt) };
}
