/**
 * `eval near-miss [--in FILE.jsonl ...] [--min X] [--json]`: the near-miss suite. Writers wrote
 * pairs of replies to the same line that differ in exactly one label (ids ending `a` and `b`:
 * the same apology with and without the excuse, the blame, the condition, the advice). A scorer
 * that reads meaning must flip that one label between the two; this counts the pairs where it
 * does, per criterion. Exit 1 when the share is below `--min`.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CRITERIA, type Criterion } from '../../server/practice/criteria.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';
import { parseArgs, UsageError } from '../cli-args.js';
import { readDataset, type LabelledReply } from '../dataset.js';

const DEFAULT_DIR = 'evals/datasets/writers';

export interface NearMissPair {
  id: string;
  a: LabelledReply;
  b: LabelledReply;
  criterion: Criterion;
}

/** The pairs in some labelled replies whose label sets differ in exactly one criterion. */
export function nearMissPairs(rows: readonly LabelledReply[]): NearMissPair[] {
  const halves = new Map<string, { a?: LabelledReply; b?: LabelledReply }>();
  for (const row of rows) {
    const m = /^(.*\d)([ab])$/.exec(row.id);
    if (!m) continue;
    const pair = halves.get(m[1]!) ?? {};
    pair[m[2] as 'a' | 'b'] = row;
    halves.set(m[1]!, pair);
  }
  const out: NearMissPair[] = [];
  for (const [id, { a, b }] of halves) {
    if (!a || !b) continue;
    const differ = CRITERIA.filter((c) => (a.labels ?? []).includes(c) !== (b.labels ?? []).includes(c));
    if (differ.length === 1) out.push({ id, a, b, criterion: differ[0]! });
  }
  return out;
}

/** Does the scorer give the differing label to exactly the half that has it? */
export function flips(pair: NearMissPair, label: (row: LabelledReply) => readonly Criterion[] = (row) => scoreReply(row).labels): boolean {
  const c = pair.criterion;
  return label(pair.a).includes(c) === (pair.a.labels ?? []).includes(c) && label(pair.b).includes(c) === (pair.b.labels ?? []).includes(c);
}

export async function runNearMiss(argv: readonly string[], io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const args = parseArgs(argv, { repeatable: ['in'], values: ['min'], booleans: ['json'] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const min = args.values.has('min') ? Number(args.values.get('min')) : undefined;
  if (min !== undefined && !(min >= 0 && min <= 1)) throw new UsageError('--min must be a number from 0 to 1');
  const files =
    args.repeated.get('in') ??
    readdirSync(resolve(process.cwd(), DEFAULT_DIR))
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => `${DEFAULT_DIR}/${f}`);
  const rows = (await Promise.all(files.map((f) => readDataset(f, { requireLabels: true })))).flat();
  const pairs = nearMissPairs(rows);
  if (pairs.length === 0) throw new UsageError('no near-miss pairs (ids ending in a and b whose labels differ in one criterion) in the input');
  const byCriterion = CRITERIA.map((criterion) => {
    const mine = pairs.filter((p) => p.criterion === criterion);
    const ok = mine.filter((p) => flips(p)).length;
    return { criterion, pairs: mine.length, flipped: ok };
  }).filter((r) => r.pairs > 0);
  const flipped = byCriterion.reduce((s, r) => s + r.flipped, 0);
  const share = flipped / pairs.length;
  if (args.booleans.has('json')) io.stdout.write(`${JSON.stringify({ pairs: pairs.length, flipped, share, byCriterion })}\n`);
  else {
    const lines = [`near-miss pairs: ${flipped} of ${pairs.length} flip the one label they differ in (${(share * 100).toFixed(1)}%)`];
    for (const r of byCriterion) lines.push(`  ${r.criterion.padEnd(26)} ${r.flipped}/${r.pairs}`);
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return min !== undefined && share < min ? 1 : 0;
}
