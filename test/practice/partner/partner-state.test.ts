import { beforeAll, describe, expect, it } from 'vitest';
import { ARC_RULES } from '../../../server/practice/partner/emotional-arc.js';
import { foldPartnerPath, foldPartnerState, hiddenConcernRequired, type LabelledTurn } from '../../../server/practice/partner/partner-state.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import type { Criterion } from '../../../server/practice/criteria.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let airport: Scenario;
beforeAll(async () => {
  airport = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

const turn = (labels: Criterion[], text = 'words'): LabelledTurn => ({ text, labels, evidence: [] });
const withDifficulty = (difficulty: 1 | 2 | 3): Scenario => ({ ...airport, difficulty });

describe('the partner state fold', () => {
  it('starts at the scenario trust', () => {
    expect(foldPartnerState(airport, []).trust).toBe(airport.trust.start);
  });

  it('raises trust with a full apology and lowers it with blame', () => {
    const apology = foldPartnerState(airport, [turn(['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action'])]);
    const blame = foldPartnerState(airport, [turn(['shifts_blame'])]);
    // One turn, however full, is capped at the difficulty's rise (emotional-arc.ts).
    expect(apology.trust).toBe(airport.trust.start + ARC_RULES[airport.difficulty].riseCap);
    expect(blame.trust).toBeLessThan(airport.trust.start);
    expect(blame.last!.reason).toMatch(/^trust fell: you shifted the blame/);
    expect(apology.last!.reason).toMatch(/^trust rose/);
  });

  it('costs more for an excuse before any ownership than just after it', () => {
    const cost = (state: ReturnType<typeof foldPartnerState>) => -state.last!.contributions.reduce((sum, c) => sum + Math.min(0, c.delta), 0);
    const early = foldPartnerState(airport, [turn(['makes_excuses'])]);
    const late = foldPartnerState(airport, [turn(['takes_responsibility']), turn(['makes_excuses'])]);
    expect(cost(early)).toBeGreaterThan(cost(late));
  });

  it('gives less for saying the same good thing again', () => {
    const state = foldPartnerState(airport, [turn(['validates_feelings']), turn(['validates_feelings'])]);
    const first = state.trustPath[1]! - state.trustPath[0]!;
    const second = state.trustPath[2]! - state.trustPath[1]!;
    expect(second).toBeGreaterThan(0);
    expect(second).toBeLessThan(first);
  });

  it('makes harder partners less forgiving without making good moves hurt', () => {
    const good = [turn(['takes_responsibility'])];
    const bad = [turn(['minimizes'])];
    const gains = ([1, 2, 3] as const).map((d) => foldPartnerState(withDifficulty(d), good).trust - airport.trust.start);
    const losses = ([1, 2, 3] as const).map((d) => airport.trust.start - foldPartnerState(withDifficulty(d), bad).trust);
    expect(gains.every((g) => g > 0)).toBe(true);
    expect(gains[0]).toBeGreaterThan(gains[2]!);
    expect(losses[2]).toBeGreaterThan(losses[0]!);
  });

  it('meets a need only when its cue words tie the move to this situation', () => {
    const vague = foldPartnerState(airport, [turn(['acknowledges_harm'], 'I let you down.')]);
    const specific = foldPartnerState(airport, [turn(['acknowledges_harm'], 'You waited alone at arrivals after the funeral.')]);
    expect(vague.needsMet).not.toContain('name-the-night');
    expect(specific.needsMet).toContain('name-the-night');
  });

  it('reveals the hidden concern to an open question once trust allows, with a bonus', () => {
    const tooSoon = foldPartnerState(airport, [turn(['shifts_blame']), turn(['asks_open_question'])]);
    expect(tooSoon.hiddenConcernReached).toBe(false);
    const state = foldPartnerState(airport, [turn(['takes_responsibility']), turn(['validates_feelings']), turn(['asks_open_question'])]);
    expect(state.hiddenConcernReached).toBe(true);
    expect(state.last!.revealedHiddenConcern).toBe(true);
    expect(state.arc.hiddenConcernTurn).toBe(3);
  });

  it('resolves at the resolve level once the arc is complete, and at difficulty 3 only after the hidden concern', () => {
    const full = (text: string) => turn(['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action'], text);
    const strong = [
      turn(['acknowledges_harm', 'takes_responsibility'], 'I left you alone at arrivals after the funeral. That was my promise.'),
      turn(['validates_feelings', 'proposes_action'], 'You have every right to be angry. I will pay for the taxi tomorrow.'),
      full('waited'),
      full('waited'),
      full('waited'),
    ];
    const moderate = foldPartnerPath(airport, strong);
    expect(moderate.map((s) => s.resolved)).toEqual([false, false, false, false, true]);
    const hard = withDifficulty(3);
    expect(hiddenConcernRequired(hard)).toBe(true);
    const withoutConcern = foldPartnerState(hard, [...strong, ...strong]);
    expect(withoutConcern.trust).toBe(hard.trust.resolveAt - 1);
    expect(withoutConcern.resolved).toBe(false);
    expect(withoutConcern.arc.waitingFor).toEqual(['hidden-concern']);
    const reached = foldPartnerPath(hard, [...strong, turn(['asks_open_question']), full('waited')]);
    expect(reached.at(-2)!.resolved).toBe(false);
    expect(reached.at(-1)!.resolved).toBe(true);
  });

  it("never resolves before the scenario's fewest turns, however good the first one", () => {
    const eager: Scenario = { ...airport, trust: { ...airport.trust, start: 80, resolveAt: 81, minTurns: 6 } };
    const perfect = turn(['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action'], 'waited at arrivals');
    const path = foldPartnerPath(
      eager,
      Array.from({ length: 7 }, () => perfect),
    );
    expect(path.map((s) => s.resolved)).toEqual([false, false, false, false, false, true, true]);
    expect(path.slice(0, 5).every((s) => s.trust === 80)).toBe(true);
  });

  it('is a pure fold: the same turns give the same state', () => {
    const turns = [turn(['makes_excuses']), turn(['takes_responsibility']), turn(['reflects'])];
    expect(foldPartnerState(airport, turns)).toEqual(foldPartnerState(airport, turns));
  });
});

describe('trust moved in proportion to confidence', () => {
  const sure = (labels: Criterion[], score: number, text = 'words'): LabelledTurn => ({
    text,
    labels,
    evidence: [],
    scores: Object.fromEntries(labels.map((l) => [l, score])),
  });

  it('moves trust less for a doubtful label than for a sure one, in both directions', () => {
    const start = airport.trust.start;
    const gain = (score: number) => foldPartnerState(airport, [sure(['takes_responsibility'], score)]).trust - start;
    const loss = (score: number) => start - foldPartnerState(airport, [sure(['shifts_blame'], score)]).trust;
    expect(gain(0.52)).toBeGreaterThan(0);
    expect(gain(0.52)).toBeLessThan(gain(0.97));
    expect(loss(0.52)).toBeGreaterThan(0);
    expect(loss(0.52)).toBeLessThan(loss(0.97));
  });

  it('moves trust fully for a sure label, as for a read without scores', () => {
    expect(foldPartnerState(airport, [sure(['takes_responsibility'], 0.95)]).trust).toBe(foldPartnerState(airport, [turn(['takes_responsibility'])]).trust);
  });
});
