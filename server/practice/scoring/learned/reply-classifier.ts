/**
 * A second opinion for the listening criterion `reflects`: a logistic regression over the features of `reply-features.ts`, consulted only where the rules
 * found nothing. Rules are precise but miss the many ways people paraphrase or advise; the
 * model, trained on the AnnoMI dev transcripts (odd ids) and our own train files by
 * `evals/train/train-classifier.ts`, catches some of those without a per-phrase rule.
 *
 * The weights file holds feature names and numbers only (no sentences from any dataset). When
 * it is missing or empty the scorer is the rules alone.
 */
import { CRITERIA, type Criterion } from '../../criteria.js';
import { readWeightsFile } from './weights-file.js';
import { contentStems, type RuleFindings } from '../rules/index.js';
import { classifierFeatures, classifierWordFeatures } from './reply-features.js';

interface CriterionModel {
  threshold: number;
  weights: Record<string, number>;
}

/**
 * `gives_unsolicited_advice` was tried too and dropped: out of fold on AnnoMI dev it added
 * nothing over the rules (F1 0.331 either way), so it would only have been weight to carry.
 */
export const CLASSIFIED = ['reflects'] as const satisfies readonly Criterion[];
export type ClassifiedCriterion = (typeof CLASSIFIED)[number];

const models = new Map<ClassifiedCriterion, { threshold: number; weights: Map<string, number> }>();
const weightsFile = readWeightsFile<{ criteria: Partial<Record<string, CriterionModel>> }>('reply-classifier-weights.json');
for (const c of CLASSIFIED) {
  const m = weightsFile.criteria?.[c];
  if (m && typeof m.threshold === 'number') models.set(c, { threshold: m.threshold, weights: new Map(Object.entries(m.weights)) });
}

function hasModel(criterion: ClassifiedCriterion): boolean {
  return models.has(criterion);
}

/** Sum of the weights of the features present (each feature counted once). */
function linear(weights: Map<string, number>, features: readonly string[]): number {
  let z = 0;
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f)) continue;
    seen.add(f);
    z += weights.get(f) ?? 0;
  }
  return z;
}

/** Probability that the criterion holds, or undefined when no model is loaded. */
export function probability(criterion: ClassifiedCriterion, features: readonly string[]): number | undefined {
  const m = models.get(criterion);
  if (!m) return undefined;
  return 1 / (1 + Math.exp(-linear(m.weights, features)));
}

export function passes(criterion: ClassifiedCriterion, features: readonly string[]): boolean {
  const m = models.get(criterion);
  const p = probability(criterion, features);
  return m !== undefined && p !== undefined && p >= m.threshold;
}

/** Index of the sentence whose own words weigh most for the criterion: the evidence to quote. */
function strongestSentence(criterion: ClassifiedCriterion, sentences: readonly { text: string }[]): number {
  const m = models.get(criterion);
  if (!m || sentences.length < 2) return 0;
  let best = 0;
  let bestZ = -Infinity;
  sentences.forEach((s, i) => {
    const f: string[] = [];
    classifierWordFeatures(s.text, f);
    const z = linear(m.weights, f);
    if (z > bestZ) {
      bestZ = z;
      best = i;
    }
  });
  return best;
}

/**
 * The listening `reflects` classifier's probability, read by the label model as a feature;
 * consulted only where the rules found no reflection.
 */
export function reflectsProbability({ reply, rules, found }: RuleFindings): number | undefined {
  if (!hasModel('reflects') || reply.sentences.length === 0 || found.reflects.length > 0) return undefined;
  const ruleLabels = CRITERIA.filter((c) => found[c].length > 0);
  return probability('reflects', classifierFeatures(reply, rules.contextStems, contentStems(reply.norm), ruleLabels));
}

/**
 * Listening only, with no label model: where the rules found no reflection, ask this
 * classifier. Its features include the rule labels already found.
 */
export function addSecondOpinions({ reply, rules, found }: RuleFindings): void {
  const silent = CLASSIFIED.filter((c) => found[c].length === 0 && hasModel(c));
  if (silent.length === 0 || reply.sentences.length === 0) return;
  const ruleLabels = CRITERIA.filter((c) => found[c].length > 0);
  const features = classifierFeatures(reply, rules.contextStems, contentStems(reply.norm), ruleLabels);
  for (const c of silent) {
    if (!passes(c, features)) continue;
    const s = reply.sentences[strongestSentence(c, reply.sentences)]!;
    found[c].push({ criterion: c, start: s.start, end: s.end });
  }
}
