/**
 * The labelled replies grouped by the hand that wrote them, for leave-one-writer-out
 * cross-validation of the label model. Each writer words replies their own way; holding a
 * whole writer out is what predicts a set written by other hands.
 *
 * `replies-voices-k.jsonl` and `replies-voices-l.jsonl` are deliberately not listed: they are
 * the final untouched check of the shipped model (0.902 and 0.851, scored once).
 *
 * `replies-voices-d.jsonl` was held back as an untouched final check until the model chosen
 * without it had been measured on it once (0.790); voices-e, voices-f, voices-g and voices-h were
 * likewise scored unseen (0.839, 0.812, 0.825, 0.811) before joining. All now train the shipped model, and each still has
 * its own row in the leave-one-writer-out table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CRITERIA } from '../../server/practice/criteria.js';
import { reflectsProbability, scoreByRules } from '../../server/practice/scoring/offline-scorer.js';
import { findByRules } from '../../server/practice/scoring/rules/index.js';
import { labelFeatures } from '../../server/practice/scoring/learned/label-features.js';
import { parseDataset } from '../dataset.js';

export interface Writer {
  name: string;
  files: string[];
  /** The rules were tuned on this writer's replies, so rule features look better here than elsewhere. */
  rulesTunedOn: boolean;
}

export function writers(sharedDir: string): Writer[] {
  return [
    { name: 'dev', files: [resolve(sharedDir, 'replies-dev.jsonl')], rulesTunedOn: true },
    { name: 'writer-1', files: ['evals/datasets/replies-train.jsonl', 'evals/datasets/replies-holdout.jsonl'], rulesTunedOn: true },
    { name: 'writer-2', files: ['evals/datasets/replies-train-voices.jsonl', 'evals/datasets/replies-fresh-voices.jsonl'], rulesTunedOn: true },
    { name: 'voices', files: ['evals/datasets/replies-voices.jsonl'], rulesTunedOn: false },
    { name: 'voices-c', files: ['evals/datasets/replies-voices-c.jsonl'], rulesTunedOn: false },
    { name: 'voices-b', files: ['evals/datasets/replies-voices-b.jsonl'], rulesTunedOn: false },
    { name: 'voices-d', files: ['evals/datasets/replies-voices-d.jsonl'], rulesTunedOn: false },
    { name: 'voices-e', files: ['evals/datasets/replies-voices-e.jsonl'], rulesTunedOn: false },
    { name: 'voices-f', files: ['evals/datasets/replies-voices-f.jsonl'], rulesTunedOn: false },
    { name: 'voices-g', files: ['evals/datasets/replies-voices-g.jsonl'], rulesTunedOn: false },
    { name: 'voices-h', files: ['evals/datasets/replies-voices-h.jsonl'], rulesTunedOn: false },
    { name: 'voices-i', files: ['evals/datasets/replies-voices-i.jsonl'], rulesTunedOn: false },
    { name: 'voices-j', files: ['evals/datasets/replies-voices-j.jsonl'], rulesTunedOn: false },
    // The suite scripts' turns: the rules were adjusted after reading the scripts' sentences.
    { name: 'suite-turns', files: ['evals/datasets/replies-suite-turns.jsonl'], rulesTunedOn: true },
  ];
}

export interface Example {
  writer: number;
  id: string;
  features: string[];
  gold: boolean[];
  ruleHit: boolean[];
  /** What the scorer labelled before the label model (rules + listening second opinion). */
  rulesOnly: boolean[];
}

/** Loads every writer whose files are present (a writer with a missing file is skipped, and said so). */
export function loadExamples(list: readonly Writer[]): { examples: Example[]; present: Writer[] } {
  const examples: Example[] = [];
  const present: Writer[] = [];
  for (const w of list) {
    const paths = w.files.map((f) => resolve(process.cwd(), f));
    const missing = paths.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      console.error(`skipping writer ${w.name}: ${missing.join(', ')} absent`);
      continue;
    }
    const index = present.length;
    present.push(w);
    for (const path of paths) {
      for (const row of parseDataset(readFileSync(path, 'utf8'), { requireLabels: true, source: path })) {
        const findings = findByRules(row);
        const features = [...new Set(labelFeatures(findings, row.kind === 'listening' ? reflectsProbability(findings) : undefined))];
        const labels = new Set(row.labels ?? []);
        const rules = new Set(scoreByRules(row).labels);
        examples.push({
          writer: index,
          id: row.id,
          features,
          gold: CRITERIA.map((c) => labels.has(c)),
          ruleHit: CRITERIA.map((c) => findings.found[c].length > 0),
          rulesOnly: CRITERIA.map((c) => rules.has(c)),
        });
      }
    }
  }
  return { examples, present };
}
