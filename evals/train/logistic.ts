/**
 * A small multi-output logistic regression for the trainer of the label model: one weight per
 * (feature, criterion), binary features, AdaGrad SGD with an L2 penalty on the weights a step
 * touches, a seeded shuffle so training is deterministic. Training only; the scorer just sums
 * weights (`server/practice/scoring/label-model.ts`).
 */

export interface TrainingExample {
  /** Distinct feature names. */
  features: readonly string[];
  /** One gold value per output; `null` where the example is not labelled for that output (no loss). */
  gold: readonly (boolean | null)[];
  /** Weight of the example in the loss (default 1). */
  weight?: number;
  /** Who wrote it (a writer's index); read by `minSources`. */
  source?: number;
}

export interface LogisticOptions {
  l2: number;
  epochs: number;
  learningRate: number;
  /** Features seen in fewer training examples than this are dropped. */
  minCount: number;
  /**
   * Features used by fewer distinct sources (writers) than this are dropped. A word only one or
   * two writers use is their habit, not the criterion's: kept, it fits those writers and says
   * nothing about a stranger. Counted on the training rows only, so a held-out group's own words
   * never decide what is kept.
   */
  minSources?: number;
  /**
   * Word features (the writer's own wording, as against what the rules and the parser read).
   * On our writers both kinds fit; only the second means the same thing in a stranger's words,
   * so word features can be penalised harder (`wordL2`, a multiple of `l2`) and dropped at
   * random while training (`wordDropout`, the share dropped each time an example is seen), which
   * trains the model to decide as it must for a stranger whose words it has never seen.
   */
  isWord?: (feature: string) => boolean;
  wordL2?: number;
  wordDropout?: number;
  seed?: number;
}

export interface LogisticModel {
  outputs: number;
  weights: Map<string, Float64Array>;
}

export function trainLogistic(examples: readonly TrainingExample[], outputs: number, options: LogisticOptions): LogisticModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const sources = (options.minSources ?? 0) > 1 ? sourcesPerFeature(examples) : undefined;
  const index = new Map<string, number>();
  for (const [f, n] of counts) {
    const spread = sources === undefined || (sources.get(f)?.size ?? 0) >= options.minSources!;
    if ((n >= options.minCount && spread) || f === 'bias') index.set(f, index.size);
  }
  const word = new Uint8Array(index.size);
  if (options.isWord) for (const [f, i] of index) word[i] = options.isWord(f) ? 1 : 0;
  const l2 = [options.l2, options.l2 * (options.wordL2 ?? 1)];
  const drop = options.wordDropout ?? 0;
  // Inverted dropout: a kept word feature counts 1/(1 − p), so the trained weights score full rows as they are.
  const keptValue = 1 / (1 - drop);
  const value = new Float64Array(index.size);
  let dropSeed = (options.seed ?? 7) * 7919 + 1;
  const w = new Float64Array(index.size * outputs);
  const g2 = new Float64Array(index.size * outputs).fill(1e-8);
  const rows = examples.map((e) => Int32Array.from(e.features.map((f) => index.get(f) ?? -1).filter((i) => i >= 0)));
  const order = examples.map((_, i) => i);
  let seed = options.seed ?? 7;
  const z = new Float64Array(outputs);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const row = rows[k]!;
      const e = examples[k]!;
      const weight = e.weight ?? 1;
      z.fill(0);
      for (const f of row) {
        let v = 1;
        if (drop > 0 && word[f] === 1) {
          dropSeed = (dropSeed * 1103515245 + 12345) % 2147483648;
          v = dropSeed / 2147483648 < drop ? 0 : keptValue;
        }
        value[f] = v;
        if (v !== 0) for (let o = 0; o < outputs; o++) z[o]! += v * w[f * outputs + o]!;
      }
      for (let o = 0; o < outputs; o++) z[o] = e.gold[o] === null ? 0 : weight * (1 / (1 + Math.exp(-z[o]!)) - (e.gold[o] ? 1 : 0));
      for (const f of row) {
        const v = value[f]!;
        if (v === 0) continue;
        for (let o = 0; o < outputs; o++) {
          if (e.gold[o] === null) continue;
          const at = f * outputs + o;
          const grad = v * z[o]! + l2[word[f]!]! * w[at]!;
          g2[at]! += grad * grad;
          w[at]! -= (options.learningRate * grad) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  const weights = new Map<string, Float64Array>();
  for (const [f, i] of index) weights.set(f, w.slice(i * outputs, (i + 1) * outputs));
  return { outputs, weights };
}

function sourcesPerFeature(examples: readonly TrainingExample[]): Map<string, Set<number>> {
  const sources = new Map<string, Set<number>>();
  for (const e of examples) {
    for (const f of e.features) {
      let set = sources.get(f);
      if (!set) sources.set(f, (set = new Set()));
      set.add(e.source ?? -1);
    }
  }
  return sources;
}

/** Probabilities for every output. */
export function predictLogistic(model: LogisticModel, features: readonly string[]): Float64Array {
  const z = new Float64Array(model.outputs);
  for (const f of features) {
    const row = model.weights.get(f);
    if (row) for (let o = 0; o < z.length; o++) z[o]! += row[o]!;
  }
  for (let o = 0; o < z.length; o++) z[o] = 1 / (1 + Math.exp(-z[o]!));
  return z;
}

/**
 * The mean of `bags` models trained with different shuffles: one linear model (the mean of the
 * weights), steadier than any single SGD run on a thousand replies.
 */
export function trainAveraged(examples: readonly TrainingExample[], outputs: number, options: LogisticOptions, bags: number): LogisticModel {
  const weights = new Map<string, Float64Array>();
  for (let b = 0; b < bags; b++) {
    const m = trainLogistic(examples, outputs, { ...options, seed: (options.seed ?? 7) + 1000 * b });
    for (const [f, row] of m.weights) {
      const acc = weights.get(f) ?? new Float64Array(outputs);
      for (let o = 0; o < outputs; o++) acc[o]! += row[o]! / bags;
      weights.set(f, acc);
    }
  }
  return { outputs, weights };
}
