/**
 * A phase of the partner's fold (partner-state.ts): the partner's pushback tests. A good turn
 * is tested before it is believed (emotional-arc.ts says how often): the next turn holds the
 * test, or breaks it with a move that costs trust and loses what the tested turn gained.
 */
import type { Scenario } from '../scenarios/scenario-schema.js';
import { PUSHBACK_FROM_PROGRESS, arcRules, trustProgress } from './emotional-arc.js';
import type { PartnerState, PushbackRecord, TurnEffect } from './partner-state-shape.js';

/** The test the partner's last reply opened, while no turn has answered it yet. */
export function openTestOf(state: PartnerState): PushbackRecord | undefined {
  const last = state.arc.pushbacks.at(-1);
  return last?.outcome === 'open' ? last : undefined;
}

/** Any move that cost trust breaks the open test; anything else holds it. */
export function testOutcomeOf(openTest: PushbackRecord | undefined, redFlagged: boolean): TurnEffect['testOutcome'] {
  return openTest ? (redFlagged ? 'broke' : 'held') : undefined;
}

export interface TestedTurn {
  /** The person's turn, from 1. */
  turnNo: number;
  /** Trust after the turn's arithmetic (trust-move.ts), before any hold below resolve. */
  trust: number;
  openTest: PushbackRecord | undefined;
  testOutcome: TurnEffect['testOutcome'];
  redFlagged: boolean;
  revealedHiddenConcern: boolean;
  /** The turn reported on a check-in's promise. */
  reported: boolean;
}

/** The pushbacks with the open one settled, and the line of a new test if the partner tests this turn. */
export function testPushbacks(scenario: Scenario, state: PartnerState, turn: TestedTurn): { pushbacks: PushbackRecord[]; line: string | undefined } {
  const { openTest, testOutcome } = turn;
  const pushbacks: PushbackRecord[] = state.arc.pushbacks.map((p) => (p === openTest ? { ...p, outcome: testOutcome! } : p));
  const held = pushbacks.filter((p) => p.outcome === 'held').length;
  // The partner tests a good turn once it has started to believe, never in the reply that
  // reveals the hidden concern or straight after a test was answered.
  const testNow =
    !!scenario.pushback &&
    !state.resolved &&
    held < arcRules(scenario).pushbackTests &&
    !openTest &&
    !turn.redFlagged &&
    !turn.revealedHiddenConcern &&
    !turn.reported &&
    turn.trust > state.trust &&
    trustProgress(scenario, turn.trust) >= PUSHBACK_FROM_PROGRESS;
  if (!testNow) return { pushbacks, line: undefined };
  const line = scenario.pushback![pushbacks.length % scenario.pushback!.length]!;
  pushbacks.push({ turn: turn.turnNo, line, outcome: 'open', atStake: turn.trust - state.trust });
  return { pushbacks, line };
}
