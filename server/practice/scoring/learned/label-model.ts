/**
 * The label model: one L2-regularised logistic regression per criterion over the rules'
 * findings, the words, and the meaning features (`meaning-features.ts`), trained by
 * `evals/train/train-scorer.ts` on writers grouped by how they were made, then calibrated.
 *
 * It has the last word on every label, and its score is a probability: the raw logit goes
 * through a per-criterion Platt scaling fitted on out-of-group predictions, so that of the
 * replies scored 0.7 for an excuse, about seven in ten are excuses by the rubric. A label is
 * given where the calibrated score clears that criterion's threshold. The rules are features,
 * not overrides: an override would give labels whose score says otherwise.
 *
 * Advice alone is also read per sentence: each sentence a rule quotes as advice is scored on its
 * own, and the stronger of it and the whole reply counts (`replyLogits`), so a directive is not
 * diluted by a long turn of reflections. The trainer calibrates on the same combined logit.
 *
 * The weights file holds feature names and numbers only (no sentences from any dataset). When
 * it is missing or empty the scorer is the rules alone.
 */
import { CRITERIA, type Criterion } from '../../criteria.js';
import { readWeightsFile } from './weights-file.js';
import { findByRules, sentencesOf, type RuleFindings } from '../rules/index.js';
import type { ReplyToScore } from '../scorer.js';
import { labelFeatures, textFeatures } from './label-features.js';
import { meaningFeatures } from './meaning-features.js';
import { reflectsProbability } from './reply-classifier.js';

export interface LabelModelFile {
  note?: string;
  /** Criterion order of every weight row. */
  criteria: Criterion[];
  /** Calibrated probability at or above which the label is given. */
  thresholds: Partial<Record<Criterion, number>>;
  /** Platt scaling per criterion: probability = sigmoid(a · logit + b). */
  calibration: Partial<Record<Criterion, number[]>>;
  /** Feature name → one weight per criterion, in `criteria` order. */
  weights: Record<string, number[]>;
}

export interface LoadedModel {
  /** Feature name → its row in `weights`. */
  rows: Map<string, number>;
  /** One row of CRITERIA.length weights per feature, in CRITERIA order. */
  weights: Float64Array;
  /** Per row, the pass that last counted it: each distinct feature counts once per reply. */
  seen: Uint32Array;
  pass: number;
  thresholds: Float64Array;
  /** a₀, b₀, a₁, b₁, … in CRITERIA order. */
  calibration: Float64Array;
}

const N = CRITERIA.length;

/** Builds the lookup the scorer uses from a weights file (also used by the trainer to evaluate). */
export function loadLabelModel(file: Partial<LabelModelFile>): LoadedModel | undefined {
  if (!file.criteria || !file.weights || !file.thresholds) return undefined;
  const order = file.criteria.map((c) => CRITERIA.indexOf(c));
  if (order.some((i) => i < 0) || Object.keys(file.weights).length === 0) return undefined;
  const entries = Object.entries(file.weights);
  const rows = new Map<string, number>();
  const weights = new Float64Array(entries.length * N);
  entries.forEach(([name, row], r) => {
    rows.set(name, r);
    row.forEach((v, i) => {
      weights[r * N + order[i]!] = v;
    });
  });
  const calibration = new Float64Array(2 * N);
  CRITERIA.forEach((c, i) => {
    const [a = 1, b = 0] = file.calibration?.[c] ?? [];
    calibration[2 * i] = a;
    calibration[2 * i + 1] = b;
  });
  return {
    rows,
    weights,
    seen: new Uint32Array(entries.length),
    pass: 0,
    thresholds: new Float64Array(CRITERIA.map((c) => file.thresholds?.[c] ?? 0.5)),
    calibration,
  };
}

const shipped = loadLabelModel(readWeightsFile<LabelModelFile>('label-model-weights.json'));

export function hasLabelModel(): boolean {
  return shipped !== undefined;
}

/**
 * Every feature of a reply, by name: the rules' findings and the words (`label-features.ts`),
 * and the meaning read by wink-nlp (`meaning-features.ts`). The trainer and the scorer both call
 * this, so the two cannot drift.
 */
export function labelFeatureNames(findings: RuleFindings, input: ReplyToScore): string[] {
  const names = labelFeatures(findings, input.kind === 'listening' ? reflectsProbability(findings) : undefined);
  meaningFeatures(input.reply, findings.rules.context.norm.trim() === '' ? undefined : findings.rules.contextStems, input.kind, names);
  return names;
}

const ADVICE = CRITERIA.indexOf('gives_unsolicited_advice');

/**
 * The features of each sentence a rule quotes as advice, read on its own as if it were the
 * reply (same kind and context). A directive inside a long clinical turn is diluted by the
 * turn's other sentences ("it sounds like…", "you've told me…"); read alone, it is what it is.
 * Empty for a reply of one sentence (the sentence is the reply) or with no advice rule hit.
 */
export function adviceSentenceFeatures(findings: RuleFindings, input: ReplyToScore): string[][] {
  const { reply } = findings;
  const hits = findings.found.gives_unsolicited_advice;
  if (hits.length === 0 || reply.sentences.length < 2) return [];
  return [...sentencesOf(reply, hits)].flatMap((i) => {
    const s = reply.sentences[i];
    if (!s) return [];
    const one: ReplyToScore = { ...input, reply: reply.raw.slice(reply.rawIndex[s.start], reply.rawIndex[s.end]) };
    return [labelFeatureNames(findByRules(one), one)];
  });
}

/**
 * Raw logits of a reply with its quoted advice sentences: every criterion from the whole reply,
 * advice the stronger of the whole reply and any sentence a rule quoted as advice.
 */
export function replyLogits(features: readonly string[], sentenceFeatures: readonly (readonly string[])[], model: LoadedModel): Float64Array {
  return withAdviceSentences(labelLogits(features, model), sentenceFeatures, (f) => labelLogits(f, model));
}

/**
 * The one rule for combining (the scorer's model and the trainer's, whose weights are still
 * being fitted, both use it): `whole`, with advice raised to the strongest quoted sentence's.
 */
export function withAdviceSentences(
  whole: Float64Array,
  sentenceFeatures: readonly (readonly string[])[],
  logitsOf: (features: readonly string[]) => Float64Array,
): Float64Array {
  for (const f of sentenceFeatures) whole[ADVICE] = Math.max(whole[ADVICE]!, logitsOf(f)[ADVICE]!);
  return whole;
}

/** Raw logits for every criterion (CRITERIA order); each distinct feature counts once. */
export function labelLogits(features: readonly string[], model: LoadedModel): Float64Array {
  const z = new Float64Array(N);
  if (++model.pass === 0xffffffff) {
    model.seen.fill(0);
    model.pass = 1;
  }
  const { rows, weights, seen, pass } = model;
  for (const f of features) {
    const r = rows.get(f);
    if (r === undefined || seen[r] === pass) continue;
    seen[r] = pass;
    const base = r * N;
    for (let i = 0; i < N; i++) z[i]! += weights[base + i]!;
  }
  return z;
}

/** Calibrated probabilities from raw logits. */
export function calibrate(logits: Float64Array, model: LoadedModel): Float64Array {
  const p = new Float64Array(N);
  for (let i = 0; i < N; i++) p[i] = 1 / (1 + Math.exp(-(model.calibration[2 * i]! * logits[i]! + model.calibration[2 * i + 1]!)));
  return p;
}

interface LabelRead {
  /** Per criterion (CRITERIA order): is the label given. */
  given: boolean[];
  /** Per criterion: the calibrated probability that it holds. */
  scores: Float64Array;
}

/** The model's read of a reply, or undefined when no model is shipped. */
export function readLabels(findings: RuleFindings, input: ReplyToScore, model: LoadedModel | undefined = shipped): LabelRead | undefined {
  if (!model) return undefined;
  const scores = calibrate(replyLogits(labelFeatureNames(findings, input), adviceSentenceFeatures(findings, input), model), model);
  return { given: CRITERIA.map((_, i) => scores[i]! >= model.thresholds[i]!), scores };
}

/**
 * For each criterion, the index of the sentence whose own words weigh most for it: the evidence
 * to quote when the model finds a label the rules did not. Computed once per reply, on demand.
 */
export function strongestSentences(sentences: readonly { text: string }[], model: LoadedModel | undefined = shipped): number[] {
  const best = new Array<number>(N).fill(0);
  if (!model || sentences.length < 2) return best;
  const bestZ = new Array<number>(N).fill(-Infinity);
  for (let si = 0; si < sentences.length; si++) {
    const names: string[] = [];
    textFeatures(sentences[si]!.text, names);
    const z = labelLogits(names, model);
    for (let c = 0; c < N; c++)
      if (z[c]! > bestZ[c]!) {
        bestZ[c] = z[c]!;
        best[c] = si;
      }
  }
  return best;
}
