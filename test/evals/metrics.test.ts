import { describe, expect, it } from 'vitest';
import { binaryMetrics, cohensKappa, confusionOf, macroF1, perCriterion } from '../../evals/metrics.js';

describe('binary metrics', () => {
  it('computes precision, recall and F1 from a confusion table', () => {
    // tp=6 fp=2 fn=4 tn=8: P = 6/8, R = 6/10, F1 = 2PR/(P+R) = 0.9/1.35 = 2/3.
    const m = binaryMetrics({ tp: 6, fp: 2, fn: 4, tn: 8 });
    expect(m.precision).toBeCloseTo(0.75, 10);
    expect(m.recall).toBeCloseTo(0.6, 10);
    expect(m.f1).toBeCloseTo(2 / 3, 10);
    expect(m.support).toBe(10);
  });
  it("computes Cohen's kappa against a hand-worked value", () => {
    // n=20, po = 14/20 = 0.7; gold yes 10/20, pred yes 8/20; pe = 0.5*0.4 + 0.5*0.6 = 0.5; kappa = 0.2/0.5 = 0.4.
    expect(cohensKappa({ tp: 6, fp: 2, fn: 4, tn: 8 })).toBeCloseTo(0.4, 10);
    // Perfect agreement is 1; systematic disagreement is negative.
    expect(cohensKappa({ tp: 5, fp: 0, fn: 0, tn: 5 })).toBe(1);
    expect(cohensKappa({ tp: 0, fp: 5, fn: 5, tn: 0 })).toBeCloseTo(-1, 10);
  });
  it('counts a criterion with no gold and no predicted positives as F1 = 1, and flags it', () => {
    const m = binaryMetrics({ tp: 0, fp: 0, fn: 0, tn: 12 });
    expect(m.f1).toBe(1);
    expect(m.vacuous).toBe(true);
    expect(m.kappa).toBe(1);
  });
  it('scores zero when there are gold positives but nothing is predicted, or the reverse', () => {
    expect(binaryMetrics({ tp: 0, fp: 0, fn: 3, tn: 5 }).f1).toBe(0);
    expect(binaryMetrics({ tp: 0, fp: 3, fn: 0, tn: 5 }).f1).toBe(0);
    expect(binaryMetrics({ tp: 0, fp: 3, fn: 0, tn: 5 }).kappa).toBe(0);
  });
  it('builds the confusion table from gold/predicted pairs', () => {
    expect(
      confusionOf([
        [true, true],
        [true, false],
        [false, true],
        [false, false],
        [false, false],
      ]),
    ).toEqual({ tp: 1, fn: 1, fp: 1, tn: 2 });
  });
  it('averages F1 over criteria for macro-F1', () => {
    const metrics = perCriterion(
      [
        { gold: ['reflects'], predicted: ['reflects'] },
        { gold: ['reflects'], predicted: [] },
        { gold: [], predicted: ['minimizes'] },
      ],
      ['reflects', 'minimizes', 'self_focus'],
    );
    // reflects: tp1 fn1 -> F1 2/3; minimizes: fp1 -> 0; self_focus: vacuous -> 1.
    expect(metrics.reflects!.f1).toBeCloseTo(2 / 3, 10);
    expect(metrics.minimizes!.f1).toBe(0);
    expect(metrics.self_focus!.f1).toBe(1);
    expect(macroF1(metrics)).toBeCloseTo((2 / 3 + 0 + 1) / 3, 10);
  });
});
