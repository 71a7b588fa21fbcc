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
import { CRITERIA, type Criterion } from '../../criteria.js';
import weightsFile from './label-model-weights.json' with { type: 'json' };
import { emitLabelFeatures, emitTextFeatures, FAMILIES, type Family, type FeatureSink } from './label-features.js';
import type { RuleFindings } from '../rules/index.js';

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

/**
 * The loaded model, laid out for the scorer: one flat row-major weight table (a row of
 * `CRITERIA.length` weights per feature, in CRITERIA order) and row indices keyed by name and
 * by feature family (`label-features.ts`), so the scorer's sink finds a feature's row from its
 * parts without building its name.
 */
export interface LoadedModel {
  /** Feature name → row. */
  rows: Map<string, number>;
  /** By family id: the rest of the name after the family's prefix → row. */
  singles: (Map<string, number> | undefined)[];
  /** By family id: a → b → row, for every name `prefix + a + "_" + b` (every split at an "_"). */
  pairs: (Map<string, Map<string, number>> | undefined)[];
  /** `rows.size × CRITERIA.length` weights. */
  weights: Float64Array;
  thresholds: Float64Array;
  override: boolean[];
  /** Per row, the pass that last counted it (each distinct feature counts once per pass). */
  seen: Uint32Array;
  pass: number;
}

const N = CRITERIA.length;

/** Builds the lookup the scorer uses from a weights file (also used by the trainer to evaluate). */
export function loadLabelModel(file: Partial<LabelModelFile>): LoadedModel | undefined {
  if (!file.criteria || !file.weights || !file.thresholds) return undefined;
  const order = file.criteria.map((c) => CRITERIA.indexOf(c));
  const names = Object.keys(file.weights);
  if (order.some((i) => i < 0) || names.length === 0) return undefined;
  const weights = new Float64Array(names.length * N);
  const rows = new Map<string, number>();
  const singles = new Map<string, Map<string, number>>();
  const pairs = new Map<string, Map<string, Map<string, number>>>();
  for (const name of names) {
    const r = rows.size;
    rows.set(name, r);
    file.weights[name]!.forEach((v, i) => { weights[r * N + order[i]!] = v; });
    const colon = name.indexOf(':');
    if (colon < 0) continue;
    const prefix = name.slice(0, colon + 1);
    const rest = name.slice(colon + 1);
    let single = singles.get(prefix);
    if (!single) singles.set(prefix, (single = new Map()));
    single.set(rest, r);
    for (let u = rest.indexOf('_'); u >= 0; u = rest.indexOf('_', u + 1)) {
      let byA = pairs.get(prefix);
      if (!byA) pairs.set(prefix, (byA = new Map()));
      const a = rest.slice(0, u);
      let byB = byA.get(a);
      if (!byB) byA.set(a, (byB = new Map()));
      byB.set(rest.slice(u + 1), r);
    }
  }
  const thresholds = new Float64Array(CRITERIA.map((c) => file.thresholds?.[c] ?? 0.5));
  const override = CRITERIA.map((c) => file.ruleOverride?.includes(c) ?? false);
  return {
    rows,
    singles: FAMILIES.map((f) => singles.get(f.prefix)),
    pairs: FAMILIES.map((f) => pairs.get(f.prefix)),
    weights, thresholds, override, seen: new Uint32Array(rows.size), pass: 0,
  };
}

const shipped = loadLabelModel(weightsFile as Partial<LabelModelFile>);

export function hasLabelModel(): boolean {
  return shipped !== undefined;
}

/**
 * Sums the weight rows of the features it is given straight into logits: no feature name is
 * built on the scorer's path. Rows are added in the order the features come, each distinct
 * row once, exactly as `labelLogits` does over the names.
 */
class LogitSink implements FeatureSink {
  readonly z = new Float64Array(N);
  constructor(private readonly model: LoadedModel) {}

  /** Starts a new sum (zero logits, nothing counted yet). */
  reset(): void {
    this.z.fill(0);
    const m = this.model;
    if (++m.pass === 0xffffffff) { m.seen.fill(0); m.pass = 1; }
  }

  add(name: string): void { this.row(this.model.rows.get(name)); }
  add1(family: Family, a: string): void { this.row(this.model.singles[family.id]?.get(a)); }
  add2(family: Family, a: string, b: string): void { this.row(this.model.pairs[family.id]?.get(a)?.get(b)); }

  private row(r: number | undefined): void {
    if (r === undefined) return;
    const m = this.model;
    if (m.seen[r] === m.pass) return;
    m.seen[r] = m.pass;
    const z = this.z;
    const w = m.weights;
    const base = r * N;
    for (let i = 0; i < N; i++) z[i]! += w[base + i]!;
  }
}

const sinks = new WeakMap<LoadedModel, LogitSink>();
function sinkFor(model: LoadedModel): LogitSink {
  let sink = sinks.get(model);
  if (!sink) sinks.set(model, (sink = new LogitSink(model)));
  return sink;
}

/** Logits for every criterion (CRITERIA order); each distinct feature counts once. */
export function labelLogits(features: readonly string[], model: LoadedModel | undefined = shipped): Float64Array {
  if (!model) return new Float64Array(N);
  const sink = sinkFor(model);
  sink.reset();
  for (const f of features) sink.add(f);
  return sink.z.slice();
}

/** `labelLogits(labelFeatures(findings, reflectsProbability))`, without building the feature names. */
export function replyLogits(findings: RuleFindings, reflectsProbability: number | undefined, model: LoadedModel | undefined = shipped): Float64Array {
  if (!model) return new Float64Array(N);
  const sink = sinkFor(model);
  sink.reset();
  emitLabelFeatures(findings, reflectsProbability, sink);
  return sink.z.slice();
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
  const sink = sinkFor(model);
  for (let si = 0; si < sentences.length; si++) {
    sink.reset();
    emitTextFeatures(sentences[si]!.text, sink);
    const z = sink.z;
    for (let c = 0; c < N; c++) if (z[c]! > bestZ[c]!) { bestZ[c] = z[c]!; best[c] = si; }
  }
  return best;
}
