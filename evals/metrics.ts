/**
 * Agreement metrics for binary labels: precision, recall, F1 and Cohen's kappa per criterion,
 * and macro-F1 over the twelve. Edge cases are decided here, once, and stated in every report:
 * a criterion with no gold positives and no predicted positives scores F1 = 1 (nothing to find,
 * nothing wrongly found); precision with no predictions and recall with no gold positives are
 * likewise 1 when the other side is also empty, else 0; kappa is 1 when both raters agree on
 * every item, and 0 when chance agreement is total but they disagree somewhere.
 */
import { CRITERIA, type Criterion } from '../server/practice/criteria.js';

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface BinaryMetrics extends Confusion {
  precision: number;
  recall: number;
  f1: number;
  kappa: number;
  /** Gold positives. */
  support: number;
  /** True when F1 was set to 1 because gold and predictions were both empty. */
  vacuous: boolean;
}

export const MACRO_F1_RULE = 'macro-F1 = mean of the per-criterion F1s; a criterion with no gold positives and no predicted positives counts as F1 = 1';

export function confusionOf(pairs: Iterable<readonly [gold: boolean, predicted: boolean]>): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [gold, predicted] of pairs) {
    if (gold && predicted) c.tp++;
    else if (predicted) c.fp++;
    else if (gold) c.fn++;
    else c.tn++;
  }
  return c;
}

export function binaryMetrics(c: Confusion): BinaryMetrics {
  const predicted = c.tp + c.fp;
  const support = c.tp + c.fn;
  const vacuous = predicted === 0 && support === 0;
  const precision = predicted === 0 ? (support === 0 ? 1 : 0) : c.tp / predicted;
  const recall = support === 0 ? (predicted === 0 ? 1 : 0) : c.tp / support;
  const f1 = vacuous ? 1 : c.tp === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1, kappa: cohensKappa(c), support, vacuous };
}

export function cohensKappa(c: Confusion): number {
  const n = c.tp + c.fp + c.fn + c.tn;
  if (n === 0) return 1;
  const observed = (c.tp + c.tn) / n;
  const goldYes = (c.tp + c.fn) / n;
  const predYes = (c.tp + c.fp) / n;
  const expected = goldYes * predYes + (1 - goldYes) * (1 - predYes);
  if (expected === 1) return observed === 1 ? 1 : 0;
  return (observed - expected) / (1 - expected);
}

export interface LabelPair {
  gold: readonly Criterion[];
  predicted: readonly Criterion[];
}

export type CriterionMetrics = Record<Criterion, BinaryMetrics>;

export function perCriterion(pairs: readonly LabelPair[], criteria: readonly Criterion[] = CRITERIA): Partial<CriterionMetrics> {
  const out: Partial<CriterionMetrics> = {};
  for (const criterion of criteria) {
    out[criterion] = binaryMetrics(confusionOf(pairs.map((p) => [p.gold.includes(criterion), p.predicted.includes(criterion)] as const)));
  }
  return out;
}

export function macroF1(metrics: Partial<CriterionMetrics>): number {
  const values = Object.values(metrics);
  if (values.length === 0) return 0;
  return values.reduce((sum, m) => sum + m.f1, 0) / values.length;
}
