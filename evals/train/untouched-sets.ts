/**
 * The sets no model is trained on or tuned with, scored by a freshly trained model before its
 * weights are written: `replies-voices-k/l` (other hands from the rubric alone) and
 * `held-out/strangers` and `held-out/contrasts` (new situations, mixed voices, by a hand no
 * training set shares), and the three working-lives hands (`held-out/w34`–`w36`). Printing them in the trainer's run means
 * every change is measured on them in the same command, and no figure can come from a model
 * other than the one about to ship.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CRITERIA } from '../../server/practice/criteria.js';
import { calibrate, replyLogits, type LoadedModel } from '../../server/practice/scoring/learned/index.js';
import { calibrationError } from '../calibration.js';
import { parseDataset } from '../dataset.js';
import { binaryMetrics, confusionOf } from '../metrics.js';
import { exampleOf } from './writer-data.js';

export const UNTOUCHED_SETS = [
  'evals/datasets/replies-voices-k.jsonl',
  'evals/datasets/replies-voices-l.jsonl',
  'evals/datasets/held-out/strangers.jsonl',
  'evals/datasets/held-out/contrasts.jsonl',
  // Three hands with working lives (a plumber texting, a Nigerian accountant, an ICU night
  // nurse), written with the deflection convention in hand and heavy on blame onto people and
  // things, hedged apologies and advice dressed as sympathy.
  'evals/datasets/held-out/w34-tradesman.jsonl',
  'evals/datasets/held-out/w35-nigerian-english.jsonl',
  'evals/datasets/held-out/w36-night-nurse.jsonl',
];

/** Focus criteria printed beside macro-F1: where strangers are read worst. */
const FOCUS = ['shifts_blame', 'makes_excuses', 'minimizes', 'gives_unsolicited_advice', 'reflects'] as const;

export interface UntouchedFigures {
  set: string;
  replies: number;
  macroF1: number;
  f1: Record<string, number>;
  ece: number;
  eceGiven: number;
}

export function scoreUntouched(model: LoadedModel, path: string): UntouchedFigures | undefined {
  const file = resolve(process.cwd(), path);
  if (!existsSync(file)) return undefined;
  const rows = parseDataset(readFileSync(file, 'utf8'), { requireLabels: true, source: file });
  const scored = rows.map((row) => {
    const gold = new Set(row.labels ?? []);
    const e = exampleOf(row, -1, []);
    const p = calibrate(replyLogits(e.features, e.adviceSentences, model), model);
    return CRITERIA.map((c, i) => ({ p: p[i]!, gold: gold.has(c), given: p[i]! >= model.thresholds[i]! }));
  });
  const f1 = Object.fromEntries(CRITERIA.map((c, i) => [c, binaryMetrics(confusionOf(scored.map((r) => [r[i]!.gold, r[i]!.given] as const))).f1]));
  const all = scored.flat();
  return {
    set: path.replace(/^evals\/datasets\//, ''),
    replies: rows.length,
    macroF1: Object.values(f1).reduce((a, b) => a + b, 0) / CRITERIA.length,
    f1,
    ece: calibrationError(all).ece,
    eceGiven: calibrationError(all.filter((x) => x.given)).ece,
  };
}

export function printUntouched(model: LoadedModel): UntouchedFigures[] {
  const figures = UNTOUCHED_SETS.flatMap((path) => scoreUntouched(model, path) ?? []);
  for (const f of figures)
    console.log(
      `untouched ${f.set} (${f.replies}): macro-F1 ${f.macroF1.toFixed(3)}; ${FOCUS.map((c) => `${c} ${f.f1[c]!.toFixed(3)}`).join(', ')}; ECE ${f.ece.toFixed(3)} / given ${f.eceGiven.toFixed(3)}`,
    );
  return figures;
}
