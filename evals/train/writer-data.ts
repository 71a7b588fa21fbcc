/**
 * The labelled replies grouped by the hand that wrote them, and the writers grouped by how they
 * were made, for honest cross-validation of the learned layer: a model is always measured on
 * writers (and groups of writers) it never saw. Each writer words replies their own way; writers
 * made the same way share more with each other than with the world, so the headline figure holds
 * out a whole group at a time.
 *
 * `replies-voices-k.jsonl` and `replies-voices-l.jsonl` are deliberately not listed: they are
 * the final untouched check of the shipped model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CRITERIA, type Kind } from '../../server/practice/criteria.js';
import { adviceSentenceFeatures, labelFeatureNames } from '../../server/practice/scoring/learned/index.js';
import { scoreByRules } from '../../server/practice/scoring/offline-scorer.js';
import { findByRules } from '../../server/practice/scoring/rules/index.js';
import { parseDataset } from '../dataset.js';

export interface Writer {
  name: string;
  files: string[];
  /** How the writer was made; cross-validation holds out a whole group at once. */
  group: string;
  /** The rules were tuned on this writer's replies, so rule features look better here than elsewhere. */
  rulesTunedOn: boolean;
}

/** The groups, each made differently from the others. */
export const GROUPS: Record<string, string> = {
  project: "the project's own writers and the partner-suite turns, which the rules were tuned on",
  'rubric-first': 'five hands writing from the rubric alone, each with an emphasis (registers, work, family, near misses, everyday)',
  'rubric-later': 'five later hands from the rubric alone (red flags, mid-conversation, drafts, listening, plain apologies)',
  'young-texting': 'a 16-year-old texter and a 24-year-old hedger: lowercase, abbreviations, qualifiers',
  'formal-older': 'a retired teacher, an HR manager, a professor and a passive-aggressive office worker',
  'second-language': 'English as a second language: Indian English, a Spanish speaker, an East Asian graduate student',
  regional: 'regional Englishes: Scottish, Australian, Southern US, Irish, and a blokey Londoner',
  'length-extremes': 'a rambling over-explainer and a man of very few words',
  'family-and-listening': 'a peer-support volunteer who reflects in MI fragments, and a father of teenagers',
  'off-script': 'what people type when they are not playing along: tests, injections, one-word answers, jokes, other languages',
};

export function writers(sharedDir: string): Writer[] {
  const own = (name: string, group: string, ...files: string[]): Writer => ({ name, files, group, rulesTunedOn: group === 'project' });
  const hand = (id: string, group: string): Writer => own(id, group, `evals/datasets/writers/${id}.jsonl`);
  return [
    own('dev', 'project', resolve(sharedDir, 'replies-dev.jsonl')),
    own('writer-1', 'project', 'evals/datasets/replies-train.jsonl', 'evals/datasets/replies-holdout.jsonl'),
    own('writer-2', 'project', 'evals/datasets/replies-train-voices.jsonl', 'evals/datasets/replies-fresh-voices.jsonl'),
    // The suite scripts' turns: the rules were adjusted after reading the scripts' sentences.
    own('suite-turns', 'project', 'evals/datasets/replies-suite-turns.jsonl'),
    ...['voices', 'voices-b', 'voices-c', 'voices-d', 'voices-e'].map((v) => own(v, 'rubric-first', `evals/datasets/replies-${v}.jsonl`)),
    ...['voices-f', 'voices-g', 'voices-h', 'voices-i', 'voices-j'].map((v) => own(v, 'rubric-later', `evals/datasets/replies-${v}.jsonl`)),
    hand('w15-teen-texter', 'young-texting'),
    hand('w26-hedger', 'young-texting'),
    hand('w16-retired-teacher', 'formal-older'),
    hand('w17-passive-aggressive-office', 'formal-older'),
    hand('w27-hr-manager', 'formal-older'),
    hand('w32-academic', 'formal-older'),
    hand('w18-indian-english', 'second-language'),
    hand('w19-spanish-l1', 'second-language'),
    hand('w20-east-asian-l1', 'second-language'),
    hand('w21-scottish', 'regional'),
    hand('w22-australian', 'regional'),
    hand('w23-southern-us', 'regional'),
    hand('w30-irish', 'regional'),
    hand('w31-blokey', 'regional'),
    hand('w24-rambler', 'length-extremes'),
    hand('w25-terse', 'length-extremes'),
    hand('w28-counsellor', 'family-and-listening'),
    hand('w29-parent', 'family-and-listening'),
    hand('w33-off-script', 'off-script'),
  ];
}

export interface Example {
  /** Index into the present writers; -1 for public data that is not one of our writers. */
  writer: number;
  id: string;
  kind: Kind;
  features: string[];
  /** The features of each sentence a rule quotes as advice, read alone (`adviceSentenceFeatures`). */
  adviceSentences: string[][];
  /** Gold per criterion; `null` where the source does not label that criterion. */
  gold: (boolean | null)[];
  ruleHit: boolean[];
  /** What the scorer labelled before the learned layer (rules + listening second opinion). */
  rulesOnly: boolean[];
}

export interface ReplyInput {
  id: string;
  kind: Kind;
  context: string;
  reply: string;
}

/** The features and the rules' verdicts of one reply, as the scorer computes them. */
export function exampleOf(row: ReplyInput, writer: number, gold: (boolean | null)[]): Example {
  const findings = findByRules(row);
  const rules = new Set(scoreByRules(row).labels);
  return {
    writer,
    id: row.id,
    kind: row.kind,
    features: [...new Set(labelFeatureNames(findings, row))],
    adviceSentences: adviceSentenceFeatures(findings, row).map((f) => [...new Set(f)]),
    gold,
    ruleHit: CRITERIA.map((c) => findings.found[c].length > 0),
    rulesOnly: CRITERIA.map((c) => rules.has(c)),
  };
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
        const labels = new Set(row.labels ?? []);
        examples.push(
          exampleOf(
            row,
            index,
            CRITERIA.map((c) => labels.has(c)),
          ),
        );
      }
    }
  }
  return { examples, present };
}
