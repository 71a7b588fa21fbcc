/**
 * The label model: one L2-regularised logistic regression per criterion over the features of
 * `label-features.ts` (the rules' findings, words, sentence shapes, context), trained by
 * `evals/train/train-scorer.ts` with leave-one-writer-out cross-validation. It has the last
 * word on every label; for the criteria where the rules proved precise on writers they were
 * not tuned on, a rule hit is kept as a hard override.
 *
 * Why a model on top of the rules: the rules score 0.99 on the writers they were tuned on and
 * ~0.75 on writers they were not; each writer words excuses, blame and minimising their own
 * way. A learned weighting of the rules plus word evidence transfers better (see the LOWO table
 * in evals/README.md).
 *
 * The weights file holds feature names and numbers only (no sentences from any dataset). When
 * it is missing or empty the scorer is the rules alone.
 */
import { CRITERIA, type Criterion } from '../criteria.js';
import weightsFile from './label-model-weights.json' with { type: 'json' };
import { textFeatures } from './label-features.js';

export interface LabelModelFile {
  note?: string;
  /** Criterion order of every weight row. */
  criteria: Criterion[];
  thresholds: Partial<Record<Criterion, number>>;
  /** Criteria where a rule hit is a label whatever the model says. */
  ruleOverride: Criterion[];
  /** Feature name → one weight per criterion, in `criteria` order. */
  weights: Record<string, number[]>;
}

interface LoadedModel {
  weights: Map<string, Float64Array>;
  thresholds: Float64Array;
  override: boolean[];
}

/** Builds the lookup the scorer uses from a weights file (also used by the trainer to evaluate). */
export function loadLabelModel(file: Partial<LabelModelFile>): LoadedModel | undefined {
  if (!file.criteria || !file.weights || !file.thresholds) return undefined;
  const order = file.criteria.map((c) => CRITERIA.indexOf(c));
  if (order.some((i) => i < 0) || Object.keys(file.weights).length === 0) return undefined;
  const weights = new Map<string, Float64Array>();
  for (const [name, row] of Object.entries(file.weights)) {
    const w = new Float64Array(CRITERIA.length);
    row.forEach((v, i) => { w[order[i]!] = v; });
    weights.set(name, w);
  }
  const thresholds = new Float64Array(CRITERIA.map((c) => file.thresholds?.[c] ?? 0.5));
  const override = CRITERIA.map((c) => file.ruleOverride?.includes(c) ?? false);
  return { weights, thresholds, override };
}

const shipped = loadLabelModel(weightsFile as Partial<LabelModelFile>);

export function hasLabelModel(): boolean {
  return shipped !== undefined;
}

/** Logits for every criterion (CRITERIA order); each distinct feature counts once. */
export function labelLogits(features: readonly string[], model: LoadedModel | undefined = shipped): Float64Array {
  const z = new Float64Array(CRITERIA.length);
  if (!model) return z;
  // Deduplicate by weight row, not by name: most features have no row, and rows hash by identity.
  const seen = new Set<Float64Array>();
  for (const f of features) {
    const w = model.weights.get(f);
    if (w === undefined || seen.has(w)) continue;
    seen.add(w);
    for (let i = 0; i < z.length; i++) z[i]! += w[i]!;
  }
  return z;
}

/** The model's verdict per criterion, given its logits and whether a rule found the criterion. */
export function decideLabels(logits: Float64Array, ruleHit: readonly boolean[], model: LoadedModel | undefined = shipped): boolean[] {
  if (!model) return [...ruleHit];
  return CRITERIA.map((_, i) => (model.override[i]! && ruleHit[i]!) || 1 / (1 + Math.exp(-logits[i]!)) >= model.thresholds[i]!);
}

/**
 * For each criterion, the index of the sentence whose own words weigh most for it: the evidence
 * to quote when the model finds a label the rules did not. Computed once per reply, on demand.
 */
export function strongestSentences(sentences: readonly { text: string }[], model: LoadedModel | undefined = shipped): number[] {
  const best = new Array<number>(CRITERIA.length).fill(0);
  if (!model || sentences.length < 2) return best;
  const bestZ = new Array<number>(CRITERIA.length).fill(-Infinity);
  sentences.forEach((s, si) => {
    const f: string[] = [];
    textFeatures(s.text, f);
    const z = labelLogits(f, model);
    for (let c = 0; c < z.length; c++) if (z[c]! > bestZ[c]!) { bestZ[c] = z[c]!; best[c] = si; }
  });
  return best;
}
