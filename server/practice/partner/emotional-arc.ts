/**
 * The partner's emotional arc, per difficulty: how far each move carries, how slowly trust
 * may be rebuilt, how often a good turn is tested before it is believed, and the fewest turns
 * before the conversation can resolve. These are the numbers that make a partner hard to win
 * back; partner-state.ts folds turns with them, and the LLM prompt tells the model the same
 * limits.
 *
 * Why these numbers:
 * - Minimum turns 3 / 5 / 7. A hurt person needs to hear the harm named, owned and answered
 *   before a repair means anything, and to see it hold when tested: that is three exchanges at
 *   the least (gentle). Moderate adds one pushback and the answer to what is underneath (+2);
 *   hard adds a second pushback and its answer (+2). Every shipped turn budget (6–10) leaves
 *   room above these for a person who takes a wrong turn and recovers.
 * - Per-turn rise cap 22 / 14 / 12 points. With the shipped trust ranges (start 10–25, resolve
 *   82–88, so 57–78 points to climb) the cap alone makes a flawless run need about 3 / 5 / 7
 *   turns, so the minimum is felt as slowness of trust, not as a wall; before this a single
 *   strong turn moved 30–40 points (issue 12).
 * - Pushback tests 1 / 1 / 2, required only from moderate up: a gentle partner may test once but
 *   does not wait for it; a hard partner tests twice ("You said that last time.").
 * - Losses are never capped, and a setback after progress costs ×(1 + 1.5·progress): trust that
 *   was rebuilt is lost faster than it was gained, so an excuse at the brink of resolution costs
 *   up to 2.5 times what it would at the start. A red flag in answer to a pushback also loses
 *   what the tested turn gained: the doubt was confirmed. (An extra multiplier on top was tried
 *   and dropped: one excuse from halfway took a moderate partner to zero, past recovery.)
 */
import type { Scenario } from '../scenarios/scenario-schema.js';

export type Difficulty = Scenario['difficulty'];

export interface ArcRules {
  /** The fewest of the person's turns before the conversation can resolve. */
  minTurns: number;
  /** The most trust one turn can add, all good moves and bonuses together. */
  riseCap: number;
  /** How many times the partner tests a good turn before believing it. */
  pushbackTests: number;
  /** Whether resolution waits for those tests to be held. */
  pushbackRequired: boolean;
}

export const ARC_RULES: Record<Difficulty, ArcRules> = {
  1: { minTurns: 3, riseCap: 22, pushbackTests: 1, pushbackRequired: false },
  2: { minTurns: 5, riseCap: 14, pushbackTests: 1, pushbackRequired: true },
  3: { minTurns: 7, riseCap: 12, pushbackTests: 2, pushbackRequired: true },
};

/** How far a difficulty carries good moves (`positive`) and red flags (`negative`). */
export interface MoveScale {
  positive: number;
  negative: number;
}

/** Difficulty changes how far moves carry the partner, never their direction. */
export const DIFFICULTY_SCALE: Record<Difficulty, MoveScale> = {
  1: { positive: 1.25, negative: 0.75 },
  2: { positive: 1, negative: 1 },
  3: { positive: 0.8, negative: 1.25 },
};

/** A setback after progress: ×(1 + SETBACK_GROWTH · progress). */
export const SETBACK_GROWTH = 1.5;
/** The partner tests a good turn only once it has started to believe (progress at least this). */
export const PUSHBACK_FROM_PROGRESS = 0.3;

/** The arc a scenario plays: its difficulty's rules, with the scenario's own minimum if it sets a stricter one. */
export function arcRules(scenario: Pick<Scenario, 'difficulty' | 'trust'>): ArcRules {
  const rules = ARC_RULES[scenario.difficulty];
  return { ...rules, minTurns: Math.max(rules.minTurns, scenario.trust.minTurns ?? 0) };
}

/** How far trust has come from its start toward resolution, 0 to 1. */
export function trustProgress(scenario: Pick<Scenario, 'trust'>, trust: number): number {
  const { start, resolveAt } = scenario.trust;
  return Math.min(1, Math.max(0, (trust - start) / (resolveAt - start)));
}

/** How much more a red flag costs after this much progress. */
export function setbackScale(progress: number): number {
  return 1 + SETBACK_GROWTH * progress;
}
