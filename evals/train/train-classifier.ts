/**
 * Trains the second-opinion model of `server/practice/scoring/reply-classifier.ts`: one logistic
 * regression per classified criterion (now `reflects` only) over the features of
 * `reply-features.ts`, and writes `reply-classifier-weights.json` (feature names and numbers only).
 *
 *   npx tsx evals/train/train-classifier.ts [--shared ../shared/datasets] [--dry-run]
 *
 * Data: the AnnoMI therapist utterances of ODD transcript ids only (the even ids are the report
 * split and are never read here), mapped as in `evals/public/annomi.ts`, plus the listening
 * replies of our own train files. The shared data is read at train time and never copied; when
 * it is absent the script says so and exits without touching the weights.
 *
 * Each model learns only from replies where the rules are silent for its criterion, because
 * that is the only place it is consulted. The threshold is chosen on out-of-fold predictions
 * (4 folds by transcript), maximising the mean of the combined (rules OR model) F1 on AnnoMI
 * dev and on our own listening replies, so neither source can win alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDataset } from '../dataset.js';
import { parseCsv } from '../public/csv.js';
import { findByRules } from '../../server/practice/scoring/rules/index.js';
import { CLASSIFIED, type ClassifiedCriterion } from '../../server/practice/scoring/learned/reply-classifier.js';
import { classifierFeatures } from '../../server/practice/scoring/learned/reply-features.js';
import { contentStems } from '../../server/practice/scoring/rules/index.js';
import { CRITERIA } from '../../server/practice/criteria.js';

const OUT = resolve(process.cwd(), 'server/practice/scoring/learned/reply-classifier-weights.json');
const OWN_FILES = ['evals/datasets/replies-train.jsonl', 'evals/datasets/replies-train-voices.jsonl'];

interface Example {
  group: number;
  source: 'annomi' | 'own';
  features: string[];
  gold: Record<ClassifiedCriterion, boolean>;
  ruleHit: Record<ClassifiedCriterion, boolean>;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function example(group: number, source: Example['source'], context: string, reply: string, gold: Example['gold']): Example {
  const { reply: analysed, rules, found } = findByRules({ kind: 'listening', context, reply });
  const ruleLabels = CRITERIA.filter((c) => found[c].length > 0);
  const features = classifierFeatures(analysed, rules.contextStems, contentStems(analysed.norm), ruleLabels);
  return { group, source, features, gold, ruleHit: { reflects: found.reflects.length > 0 } };
}

/** AnnoMI dev (odd transcripts): therapist utterances with the previous client utterance as context, majority labels. */
function annomiExamples(csv: string): Example[] {
  const byKey = new Map<string, { t: number; p: number; speaker: string; text: string; rows: Record<string, string>[] }>();
  for (const row of parseCsv(csv)) {
    const key = `${row.transcript_id}:${row.utterance_id}`;
    const u = byKey.get(key);
    if (u) u.rows.push(row);
    else
      byKey.set(key, {
        t: Number(row.transcript_id),
        p: Number(row.utterance_id),
        speaker: row.interlocutor ?? '',
        text: row.utterance_text ?? '',
        rows: [row],
      });
  }
  const majority = (votes: boolean[]) => votes.filter(Boolean).length * 2 > votes.length;
  const list = [...byKey.values()].filter((u) => u.t % 2 === 1).sort((a, b) => a.t - b.t || a.p - b.p);
  const out: Example[] = [];
  let lastClient = '';
  let lastT = -1;
  for (const u of list) {
    if (u.t !== lastT) {
      lastClient = '';
      lastT = u.t;
    }
    if (u.speaker === 'client') {
      lastClient = u.text;
      continue;
    }
    if (u.speaker !== 'therapist' || !u.text.trim()) continue;
    out.push(
      example(u.t, 'annomi', lastClient, u.text, {
        reflects: majority(u.rows.map((r) => r.reflection_exists === 'True')),
      }),
    );
  }
  return out;
}

function ownExamples(): Example[] {
  const out: Example[] = [];
  for (const file of OWN_FILES) {
    const path = resolve(process.cwd(), file);
    if (!existsSync(path)) continue;
    parseDataset(readFileSync(path, 'utf8'), { requireLabels: true, source: file }).forEach((r, i) => {
      if (r.kind !== 'listening') return;
      const labels = r.labels ?? [];
      out.push(example(-1 - i, 'own', r.context ?? '', r.reply, { reflects: labels.includes('reflects') }));
    });
  }
  return out;
}

/** Logistic regression by AdaGrad SGD with L2, over features seen at least twice. */
function train(examples: Example[], c: ClassifiedCriterion, epochs = 8, l2 = 3e-3): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  let seed = 7;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const e = examples[idx]!;
      const feats = [...new Set(e.features)].filter((f) => (counts.get(f) ?? 0) >= 2);
      let z = 0;
      for (const f of feats) z += w.get(f) ?? 0;
      const err = 1 / (1 + Math.exp(-z)) - (e.gold[c] ? 1 : 0);
      for (const f of feats) {
        const wf = w.get(f) ?? 0;
        const grad = err + l2 * wf;
        const acc = (g2.get(f) ?? 0) + grad * grad;
        g2.set(f, acc);
        w.set(f, wf - (0.2 * grad) / Math.sqrt(acc + 1e-8));
      }
    }
  }
  return w;
}

function predict(w: Map<string, number>, features: string[]): number {
  let z = 0;
  for (const f of new Set(features)) z += w.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

function f1(pairs: [boolean, boolean][]): number {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [g, p] of pairs) {
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

function main(): void {
  const shared = resolve(process.cwd(), argValue('--shared') ?? '../shared/datasets');
  const csvPath = join(shared, 'annomi', 'AnnoMI-full.csv');
  if (!existsSync(csvPath)) {
    console.error(`skipped: ${csvPath} is absent, so the weights were left as they are`);
    return;
  }
  const examples = [...annomiExamples(readFileSync(csvPath, 'utf8')), ...ownExamples()];
  const result: Record<string, { threshold: number; weights: Record<string, number> }> = {};
  for (const c of CLASSIFIED) {
    const silent = examples.filter((e) => !e.ruleHit[c]);
    // Out-of-fold probabilities: fold by transcript (or by reply for our own data).
    const oof = new Map<Example, number>();
    for (let fold = 0; fold < 4; fold++) {
      const inFold = (e: Example) => Math.abs(e.group) % 4 === fold;
      const w = train(
        silent.filter((e) => !inFold(e)),
        c,
      );
      for (const e of silent.filter(inFold)) oof.set(e, predict(w, e.features));
    }
    let best = { t: 1, score: -1, annomi: 0, own: 0 };
    for (let t = 0.2; t <= 0.9; t += 0.025) {
      const combined = (src: Example['source']) => f1(examples.filter((e) => e.source === src).map((e) => [e.gold[c], e.ruleHit[c] || (oof.get(e) ?? 0) >= t]));
      const annomi = combined('annomi');
      const own = combined('own');
      if (process.argv.includes('--verbose')) console.log(`  t=${t.toFixed(3)} annomi ${annomi.toFixed(3)} own ${own.toFixed(3)}`);
      if ((annomi + own) / 2 > best.score) best = { t, score: (annomi + own) / 2, annomi, own };
    }
    const w = train(silent, c);
    const weights: Record<string, number> = {};
    for (const [f, v] of [...w].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))) if (Math.abs(v) >= 0.1) weights[f] = Math.round(v * 1000) / 1000;
    result[c] = { threshold: Math.round(best.t * 1000) / 1000, weights };
    console.log(
      `${c}: ${silent.length} rule-silent replies, threshold ${best.t.toFixed(3)}, out-of-fold combined F1 AnnoMI dev ${best.annomi.toFixed(3)}, own ${best.own.toFixed(3)}, ${Object.keys(weights).length} features kept`,
    );
  }
  if (process.argv.includes('--dry-run')) return;
  const note = 'Trained by evals/train/train-classifier.ts on AnnoMI odd transcript ids and our own train files. Feature names and weights only.';
  writeFileSync(OUT, `${JSON.stringify({ note, criteria: result })}\n`);
  console.log(`wrote ${OUT}`);
}

main();
