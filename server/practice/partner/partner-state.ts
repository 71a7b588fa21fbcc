/**
 * The partner's state is a pure fold over the person's labelled turns, weighted by the
 * scenario: trust, which needs have been met, whether the hidden concern came out, and
 * whether the conversation resolved. Nothing is kept between requests; any server can
 * recompute it from the stored transcript, so it never drifts.
 *
 * The fold plays the scenario's emotional arc (emotional-arc.ts): one turn can add only so
 * much trust, a setback after progress costs more, a good turn is tested before it is
 * believed, the hidden concern must be answered once it is out, and the conversation cannot
 * resolve before the difficulty's minimum number of turns. Until all of that is done, trust
 * waits one point below the resolve level.
 *
 * One step of the fold runs in phases, each in its own file: what each scored move
 * contributes (turn-contributions.ts), the needs met (needs-met.ts), the hidden concern
 * (hidden-concern.ts), the trust arithmetic (trust-move.ts, with check-in-arc.ts for a
 * check-in's report), the pushback test (pushback-test.ts), and what the partner still waits
 * for (arc-waits.ts); stepPartnerState runs them in order and assembles the next state. This
 * module is the door: the rest of the app imports the fold and its shapes from here.
 */
import type { Scenario } from '../scenarios/scenario-schema.js';
import { waitsOf, holdBelowResolve } from './arc-waits.js';
import { checkInStartTrust, newCheckInReport, type CheckInContext } from './check-in-arc.js';
import { DIFFICULTY_SCALE, arcRules } from './emotional-arc.js';
import { meetHiddenConcern } from './hidden-concern.js';
import { meetNeeds } from './needs-met.js';
import type { LabelledTurn, PartnerState, TurnEffect } from './partner-state-shape.js';
import { openTestOf, testOutcomeOf, testPushbacks } from './pushback-test.js';
import { explainTrustChange } from './trust-reason.js';
import { moveTrust, wordsMove } from './trust-move.js';
import { ownershipShownBy, scoreContributions } from './turn-contributions.js';

export type { ArcState, LabelledTurn, PartnerState, PushbackRecord, TurnEffect } from './partner-state-shape.js';
export { requiredTests } from './arc-waits.js';
export { hiddenConcernRequired } from './hidden-concern.js';
export { meetsNeed, missingNeeds } from './needs-met.js';

export function initialPartnerState(scenario: Scenario, checkIn?: CheckInContext): PartnerState {
  const minTurns = arcRules(scenario).minTurns;
  const start = checkIn ? checkInStartTrust(scenario, checkIn.firstTrust) : scenario.trust.start;
  return {
    trust: start,
    turns: 0,
    counts: {},
    needsMet: [],
    ownershipShown: false,
    hiddenConcernReached: false,
    resolved: false,
    trustPath: [start],
    arc: {
      minTurns,
      firstGainTurn: null,
      pushbacks: [],
      hiddenConcernTurn: null,
      answeredTurn: null,
      resolvedTurn: null,
      repairWords: [],
      waitingFor: waitsOf(scenario, 0, [], null, null),
    },
    ...(checkIn ? { checkIn: { ...checkIn, startTrust: start, report: null, reportTurn: null } } : {}),
  };
}

/** `checkIn` when the session follows up an earlier one (check-in-arc.ts). */
export function foldPartnerState(scenario: Scenario, turns: readonly LabelledTurn[], checkIn?: CheckInContext): PartnerState {
  return foldPartnerPath(scenario, turns, checkIn).at(-1) ?? initialPartnerState(scenario, checkIn);
}

/** The state after each turn, in order: one fold that the coach and the built-in partner both read. */
export function foldPartnerPath(scenario: Scenario, turns: readonly LabelledTurn[], checkIn?: CheckInContext): PartnerState[] {
  const path: PartnerState[] = [];
  let state = initialPartnerState(scenario, checkIn);
  for (const turn of turns) path.push((state = stepPartnerState(scenario, state, turn)));
  return path;
}

/** One labelled turn in, the next state out: the phases in the order each needs the last. */
export function stepPartnerState(scenario: Scenario, state: PartnerState, turn: LabelledTurn): PartnerState {
  const rules = arcRules(scenario);
  const turnNo = state.turns + 1;
  const report = newCheckInReport(state.checkIn, turn);
  const scored = scoreContributions(scenario, state, turn, report);
  const needs = meetNeeds(scenario, state, turn);
  const words = wordsMove(scored.contributions, needs.bonus);
  const concern = meetHiddenConcern(scenario, state, turn, words, rules.riseCap);
  const openTest = openTestOf(state);
  const testOutcome = testOutcomeOf(openTest, scored.redFlagged);
  const moved = moveTrust({
    before: state.trust,
    move: { gain: concern.gain, loss: words.loss },
    riseCap: rules.riseCap,
    scale: DIFFICULTY_SCALE[scenario.difficulty],
    report,
    stakeLost: testOutcome === 'broke' ? openTest!.atStake : undefined,
  });
  const tests = testPushbacks(scenario, state, {
    turnNo,
    trust: moved.trust,
    openTest,
    testOutcome,
    redFlagged: scored.redFlagged,
    revealedHiddenConcern: concern.revealed,
    reported: !!report,
  });
  const hiddenConcernTurn = state.arc.hiddenConcernTurn ?? (concern.revealed ? turnNo : null);
  const answeredTurn = state.arc.answeredTurn ?? (concern.answered ? turnNo : null);
  const waitingFor = waitsOf(scenario, turnNo, tests.pushbacks, hiddenConcernTurn, answeredTurn);
  const { trust, heldBack, resolved } = holdBelowResolve(scenario, state, moved.trust, waitingFor);

  return {
    trust,
    turns: turnNo,
    counts: scored.counts,
    needsMet: [...state.needsMet, ...needs.newlyMet],
    ownershipShown: ownershipShownBy(state, turn),
    hiddenConcernReached: state.hiddenConcernReached || concern.revealed,
    resolved,
    trustPath: [...state.trustPath, trust],
    arc: {
      minTurns: rules.minTurns,
      firstGainTurn: state.arc.firstGainTurn ?? (trust > state.trust ? turnNo : null),
      pushbacks: tests.pushbacks,
      hiddenConcernTurn,
      answeredTurn,
      resolvedTurn: state.arc.resolvedTurn ?? (resolved ? turnNo : null),
      repairWords: scored.repair ? [...state.arc.repairWords, ...scored.repair.words] : state.arc.repairWords,
      waitingFor,
    },
    ...(state.checkIn ? { checkIn: report ? { ...state.checkIn, report, reportTurn: turnNo } : state.checkIn } : {}),
    last: withReason({
      trustBefore: state.trust,
      trustAfter: trust,
      contributions: scored.contributions,
      newlyMetNeeds: needs.newlyMet,
      revealedHiddenConcern: concern.revealed,
      answeredHiddenConcern: concern.answered,
      resolvedNow: resolved && !state.resolved,
      ...(tests.line !== undefined ? { pushback: tests.line } : {}),
      ...(testOutcome ? { testOutcome } : {}),
      ...(scored.repair ? { repair: scored.repair.kind } : {}),
      ...(report ? { checkInReport: report } : {}),
      capped: moved.capped,
      heldBack,
    }),
  };
}

/** What the turn did, with the one line under the trust meter that says why (trust-reason.ts). */
function withReason(effect: Omit<TurnEffect, 'reason'>): TurnEffect {
  return {
    ...effect,
    reason: explainTrustChange({
      before: effect.trustBefore,
      after: effect.trustAfter,
      contributions: effect.contributions,
      revealed: effect.revealedHiddenConcern,
      answered: effect.answeredHiddenConcern,
      testOutcome: effect.testOutcome,
      heldBack: effect.heldBack,
      capped: effect.capped,
      checkInReport: effect.checkInReport,
    }),
  };
}
