/**
 * The partner is hard to win back (issue 12): capped rises, uncapped and growing setbacks,
 * tests of a good turn, the hidden concern as a stage, and no resolution before the minimum.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Criterion } from '../../../server/practice/criteria.js';
import { ARC_RULES } from '../../../server/practice/partner/emotional-arc.js';
import { foldPartnerPath, foldPartnerState, type LabelledTurn, type PartnerState } from '../../../server/practice/partner/partner-state.js';
import { summariseArc } from '../../../server/practice/partner/arc-stages.js';
import { nextMoveTip } from '../../../server/practice/coach/turn-coach.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let airport: Scenario;
beforeAll(async () => {
  airport = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

const turn = (labels: Criterion[], text = 'words'): LabelledTurn => ({ text, labels, evidence: [] });
const full = (text = 'I left you at arrivals after the funeral.') =>
  turn(['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action'], text);
const withDifficulty = (difficulty: 1 | 2 | 3): Scenario => ({ ...airport, difficulty });
const setbackCost = (state: PartnerState) => -state.last!.contributions.reduce((sum, c) => sum + Math.min(0, c.delta), 0);

describe('the emotional arc', () => {
  it.each([1, 2, 3] as const)('never lets one turn add more than the cap at difficulty %i', (difficulty) => {
    const scenario = withDifficulty(difficulty);
    const path = foldPartnerPath(scenario, [full(), full(), turn(['asks_open_question']), full(), full(), full()]);
    const rises = path.map((s) => s.trust - s.last!.trustBefore);
    expect(Math.max(...rises)).toBeLessThanOrEqual(ARC_RULES[difficulty].riseCap);
    expect(path[0]!.last!.capped).toBe(true);
  });

  it('does not cap losses: one bad turn can take more than a good turn can give', () => {
    const after = foldPartnerState(airport, [full(), full(), turn(['makes_excuses', 'shifts_blame', 'minimizes'])]);
    expect(after.last!.trustBefore - after.trust).toBeGreaterThan(ARC_RULES[airport.difficulty].riseCap);
  });

  it('makes an excuse at turn 5 cost more than the same excuse at turn 1', () => {
    const early = foldPartnerState(airport, [turn(['makes_excuses'])]);
    const late = foldPartnerState(airport, [full(), full(), turn(['asks_open_question']), full(), turn(['makes_excuses'])]);
    expect(setbackCost(late)).toBeGreaterThan(setbackCost(early));
    // ×(1 + 1.5·progress) on top of the difficulty's scale: at least 1.5 times the bare weight here.
    expect(setbackCost(late)).toBeGreaterThan(-airport.trust.weights.makes_excuses! * 1.5);
  });

  it('tests a good turn in the scenario voice once trust has started to rise', () => {
    const path = foldPartnerPath(airport, [full(), full()]);
    const tested = path.find((s) => s.last!.pushback);
    expect(tested).toBeDefined();
    expect(airport.pushback).toContain(tested!.last!.pushback);
    expect(tested!.arc.waitingFor).toContain('test');
  });

  it('keeps the trust a tested turn gained when the next turn holds steady, and loses it when the next turn deflects', () => {
    const base = [full(), full()];
    const tested = foldPartnerState(airport, base);
    expect(tested.last!.pushback).toBeDefined();
    const held = foldPartnerState(airport, [...base, turn([], 'I hear you.')]);
    const broke = foldPartnerState(airport, [...base, turn(['makes_excuses'])]);
    expect(held.last!.testOutcome).toBe('held');
    expect(held.trust).toBe(tested.trust);
    expect(broke.last!.testOutcome).toBe('broke');
    // The excuse costs its own weight, more for coming after a test, and the tested turn's gain.
    expect(broke.trust).toBeLessThan(tested.last!.trustBefore);
    const untested = foldPartnerState({ ...airport, pushback: undefined }, [...base, turn(['makes_excuses'])]);
    expect(broke.trust).toBeLessThan(untested.trust);
  });

  it('pushes back twice at difficulty 3 before it can resolve', () => {
    const hard = withDifficulty(3);
    const path = foldPartnerPath(hard, [full(), full(), turn(['asks_open_question']), full(), full(), full(), full(), full(), full()]);
    const resolvedAt = path.findIndex((s) => s.resolved) + 1;
    expect(resolvedAt).toBeGreaterThanOrEqual(ARC_RULES[3].minTurns);
    const summary = summariseArc(path[resolvedAt - 1]!);
    expect(summary.pushbacks.filter((p) => p.outcome === 'held').length).toBe(2);
    expect(summary.stages.map((s) => s.stage)).toEqual(['reached', 'tested', 'held', 'revealed', 'answered', 'resolved']);
  });

  it('never resolves in the reply that reveals the hidden concern, and waits for a later answer', () => {
    // Five good turns: trust sits one below resolution, only the hidden concern is left to reach.
    const ready = [full(), full(), full(), full(), full()];
    const waiting = foldPartnerState(withDifficulty(3), ready);
    expect(waiting.trust).toBe(airport.trust.resolveAt - 1);
    const reveal = foldPartnerPath(withDifficulty(3), [...ready, turn(['asks_open_question']), full(), full()]);
    const revealing = reveal[5]!;
    expect(revealing.last!.revealedHiddenConcern).toBe(true);
    expect(revealing.resolved).toBe(false);
    expect(revealing.arc.waitingFor).toContain('answer');
    expect(revealing.trust).toBe(airport.trust.resolveAt - 1);
    const answered = reveal.find((s) => s.last!.answeredHiddenConcern)!;
    expect(answered.turns).toBeGreaterThan(revealing.turns);
    expect(reveal.at(-1)!.resolved).toBe(true);
  });

  it('does not count a move outside answeredBy as the answer', () => {
    const path = foldPartnerPath(airport, [full(), full(), turn(['asks_open_question']), turn(['takes_responsibility']), turn(['takes_responsibility'])]);
    expect(path[2]!.last!.revealedHiddenConcern).toBe(true);
    expect(path.at(-1)!.arc.answeredTurn).toBeNull();
    expect(path.at(-1)!.arc.waitingFor).toContain('answer');
  });

  it("names the unanswered hidden concern in the coach's tip", () => {
    const turns = [full(), full(), turn(['asks_open_question'])];
    const state = foldPartnerState(airport, turns);
    expect(state.last!.revealedHiddenConcern).toBe(true);
    expect(nextMoveTip(airport, state, turns.at(-1)!)).toContain(airport.hiddenConcern!.answerTip);
  });

  it("names the partner's pushback in the coach's tip while it is open", () => {
    const turns = [full(), full()];
    const state = foldPartnerState(airport, turns);
    const tip = nextMoveTip(airport, state, turns.at(-1)!);
    expect(tip).toContain(state.last!.pushback!);
    expect(tip).toMatch(/hold steady/i);
  });

  it.each([
    [1, 3],
    [2, 5],
    [3, 7],
  ] as const)('resolves no sooner than turn %i → %i, however strong every turn', (difficulty, minTurns) => {
    const scenario = { ...withDifficulty(difficulty), trust: { ...airport.trust, start: 79 } };
    const path = foldPartnerPath(scenario, [full(), turn(['asks_open_question']), full(), full(), full(), full(), full(), full(), full()]);
    expect(path.findIndex((s) => s.resolved) + 1).toBe(minTurns);
  });
});
