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
 */
import type { Scenario } from '../scenarios/scenario-schema.js';
import type { ArcWait } from './arc-stages.js';
import { DIFFICULTY_SCALE, PUSHBACK_FROM_PROGRESS, arcRules, trustProgress } from './emotional-arc.js';
import { checkInStartTrust, newCheckInReport, type CheckInContext } from './check-in-arc.js';
import { hiddenConcernRequired, meetHiddenConcern } from './hidden-concern.js';
import { meetNeeds } from './needs-met.js';
import { moveTrust, wordsMove } from './trust-move.js';
import { ownershipShownBy, scoreContributions } from './turn-contributions.js';
import type { LabelledTurn, PartnerState, PushbackRecord, TurnEffect } from './partner-state-shape.js';
import { explainTrustChange } from './trust-reason.js';

export type { ArcState, LabelledTurn, PartnerState, PushbackRecord, TurnEffect } from './partner-state-shape.js';
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

/** How many pushbacks must be held before this partner can resolve. */
export function requiredTests(scenario: Scenario): number {
  const rules = arcRules(scenario);
  return rules.pushbackRequired && scenario.pushback ? rules.pushbackTests : 0;
}

export function stepPartnerState(scenario: Scenario, state: PartnerState, turn: LabelledTurn): PartnerState {
  const rules = arcRules(scenario);
  const turnNo = state.turns + 1;
  const openTest = state.arc.pushbacks.at(-1)?.outcome === 'open' ? state.arc.pushbacks.at(-1) : undefined;
  const report = newCheckInReport(state.checkIn, turn);
  const { counts, contributions, redFlagged, repair } = scoreContributions(scenario, state, turn, report);
  const needs = meetNeeds(scenario, state, turn);
  const words = wordsMove(contributions, needs.bonus);
  const { revealed: revealedHiddenConcern, answered: answeredHiddenConcern, gain } = meetHiddenConcern(scenario, state, turn, words, rules.riseCap);
  const testOutcome: TurnEffect['testOutcome'] = openTest ? (redFlagged ? 'broke' : 'held') : undefined;
  const moved = moveTrust({
    before: state.trust,
    move: { gain, loss: words.loss },
    riseCap: rules.riseCap,
    scale: DIFFICULTY_SCALE[scenario.difficulty],
    report,
    stakeLost: testOutcome === 'broke' ? openTest!.atStake : undefined,
  });
  let trust = moved.trust;
  const capped = moved.capped;

  const pushbacks: PushbackRecord[] = state.arc.pushbacks.map((p) => (p === openTest ? { ...p, outcome: testOutcome! } : p));
  const held = pushbacks.filter((p) => p.outcome === 'held').length;
  // The partner tests a good turn once it has started to believe, never in the reply that
  // reveals the hidden concern or straight after a test was answered.
  const testNow =
    !!scenario.pushback &&
    !state.resolved &&
    held < rules.pushbackTests &&
    !openTest &&
    !redFlagged &&
    !revealedHiddenConcern &&
    !report &&
    trust > state.trust &&
    trustProgress(scenario, trust) >= PUSHBACK_FROM_PROGRESS;
  if (testNow) {
    const line = scenario.pushback![pushbacks.length % scenario.pushback!.length]!;
    pushbacks.push({ turn: turnNo, line, outcome: 'open', atStake: trust - state.trust });
  }

  const hiddenConcernTurn = state.arc.hiddenConcernTurn ?? (revealedHiddenConcern ? turnNo : null);
  const answeredTurn = state.arc.answeredTurn ?? (answeredHiddenConcern ? turnNo : null);
  const waitingFor = waitsOf(scenario, turnNo, pushbacks, hiddenConcernTurn, answeredTurn);
  let heldBack = false;
  if (!state.resolved && waitingFor.length > 0 && trust >= scenario.trust.resolveAt) {
    trust = scenario.trust.resolveAt - 1;
    heldBack = true;
  }
  const resolved = state.resolved || (waitingFor.length === 0 && trust >= scenario.trust.resolveAt);
  const hiddenConcernReached = state.hiddenConcernReached || revealedHiddenConcern;

  return {
    trust,
    turns: turnNo,
    counts,
    needsMet: [...state.needsMet, ...needs.newlyMet],
    ownershipShown: ownershipShownBy(state, turn),
    hiddenConcernReached,
    resolved,
    trustPath: [...state.trustPath, trust],
    arc: {
      minTurns: rules.minTurns,
      firstGainTurn: state.arc.firstGainTurn ?? (trust > state.trust ? turnNo : null),
      pushbacks,
      hiddenConcernTurn,
      answeredTurn,
      resolvedTurn: state.arc.resolvedTurn ?? (resolved ? turnNo : null),
      repairWords: repair ? [...state.arc.repairWords, ...repair.words] : state.arc.repairWords,
      waitingFor,
    },
    ...(state.checkIn ? { checkIn: report ? { ...state.checkIn, report, reportTurn: turnNo } : state.checkIn } : {}),
    last: {
      trustBefore: state.trust,
      trustAfter: trust,
      contributions,
      newlyMetNeeds: needs.newlyMet,
      revealedHiddenConcern,
      answeredHiddenConcern,
      resolvedNow: resolved && !state.resolved,
      ...(testNow ? { pushback: pushbacks.at(-1)!.line } : {}),
      ...(testOutcome ? { testOutcome } : {}),
      ...(repair ? { repair: repair.kind } : {}),
      ...(report ? { checkInReport: report } : {}),
      capped,
      heldBack,
      reason: explainTrustChange({
        before: state.trust,
        after: trust,
        contributions,
        revealed: revealedHiddenConcern,
        answered: answeredHiddenConcern,
        testOutcome,
        heldBack,
        capped,
        checkInReport: report,
      }),
    },
  };
}

/**
 * What the partner still waits for after `turns` turns: time, tests held (and none open),
 * the hidden concern brought out when this scenario needs it, and answered once it is out.
 * A reveal in this very turn is unanswered, so the reply that reveals it never resolves.
 */
function waitsOf(
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
