/**
 * The result of `eval score`: per-criterion metrics, macro-F1, the replies the scorer got
 * wrong, and the threshold checks. One plain object, printed as JSON or rendered as a table
 * and an HTML page, so every output says the same thing.
 */
import { CRITERIA, type Criterion } from '../server/practice/criteria.js';
import type { ScorerOutcome } from '../server/practice/scoring/scorer.js';
import { calibrationError } from './calibration.js';
import type { LabelledReply } from './dataset.js';
import { MACRO_F1_RULE, macroF1, perCriterion, type BinaryMetrics } from './metrics.js';

export interface Thresholds {
  minMacroF1?: number;
  minF1: Partial<Record<Criterion, number>>;
}

export interface Mistake {
  id: string;
  kind: string;
  reply: string;
  gold: Criterion[];
  predicted: Criterion[];
  missed: Criterion[];
  extra: Criterion[];
  /** Set when the scorer failed on this reply (counted as predicting no labels). */
  error?: string;
}

export interface ScoreReport {
  scorer: string;
  dataset: string;
  createdAt: string;
  replies: number;
  macroF1: number;
  macroF1Rule: string;
  /** Criteria whose F1 is 1 only because gold and predictions were both empty. */
  vacuousCriteria: Criterion[];
  criteria: Record<Criterion, BinaryMetrics>;
  /**
   * Expected calibration error of the scorer's scores over ten bands: over every (reply,
   * criterion) score, and over the labels given only.
   */
  calibration: { ece: number; eceGiven: number };
  failedReplies: number;
  mistakes: Mistake[];
  thresholds: Thresholds;
  /** Human-readable threshold failures; empty when the run passes. */
  belowThreshold: string[];
  passed: boolean;
}

export function buildScoreReport(args: {
  scorer: string;
  dataset: string;
  rows: readonly LabelledReply[];
  outcomes: readonly ScorerOutcome[];
  thresholds: Thresholds;
}): ScoreReport {
  const pairs = args.rows.map((row, i) => {
    const outcome = args.outcomes[i]!;
    return { row, outcome, gold: row.labels ?? [], predicted: outcome.ok ? outcome.labels : [] };
  });
  const criteria = perCriterion(pairs) as Record<Criterion, BinaryMetrics>;
  const macro = macroF1(criteria);
  const mistakes: Mistake[] = [];
  for (const { row, outcome, gold, predicted } of pairs) {
    const missed = CRITERIA.filter((c) => gold.includes(c) && !predicted.includes(c));
    const extra = CRITERIA.filter((c) => predicted.includes(c) && !gold.includes(c));
    if (missed.length === 0 && extra.length === 0 && outcome.ok) continue;
    mistakes.push({
      id: row.id,
      kind: row.kind,
      reply: row.reply,
      gold: [...gold],
      predicted: [...predicted],
      missed,
      extra,
      ...(outcome.ok ? {} : { error: outcome.error }),
    });
  }
  const scored = pairs.flatMap(({ outcome, gold }) =>
    outcome.ok ? CRITERIA.map((c) => ({ p: outcome.scores[c], gold: gold.includes(c), given: outcome.labels.includes(c) })) : [],
  );
  const calibration = { ece: calibrationError(scored).ece, eceGiven: calibrationError(scored.filter((x) => x.given)).ece };
  const belowThreshold: string[] = [];
  if (args.thresholds.minMacroF1 !== undefined && macro < args.thresholds.minMacroF1) {
    belowThreshold.push(`macro-F1 ${macro.toFixed(3)} < ${args.thresholds.minMacroF1}`);
  }
  for (const [criterion, min] of Object.entries(args.thresholds.minF1) as [Criterion, number][]) {
    const f1 = criteria[criterion].f1;
    if (f1 < min) belowThreshold.push(`${criterion} F1 ${f1.toFixed(3)} < ${min}`);
  }
  return {
    scorer: args.scorer,
    dataset: args.dataset,
    createdAt: new Date().toISOString(),
    replies: args.rows.length,
    macroF1: macro,
    macroF1Rule: MACRO_F1_RULE,
    vacuousCriteria: CRITERIA.filter((c) => criteria[c].vacuous),
    criteria,
    calibration,
    failedReplies: pairs.filter((p) => !p.outcome.ok).length,
    mistakes,
    thresholds: args.thresholds,
    belowThreshold,
    passed: belowThreshold.length === 0,
  };
}
