/**
 * `eval agreement [--dir evals/datasets/agreement] [--criteria a,b] [--json]`: how far two independent
 * labellings of the same replies agree, per criterion (Cohen's kappa, raw agreement, each
 * side's positives), and how the disagreements were adjudicated against the rubric.
 *
 * The folder holds `first-labels.jsonl` (the writer's own labels, as first written),
 * `second-labels.jsonl` (a blind second labelling from the rubric alone) and
 * `adjudicated.jsonl` (one decision per disputed criterion, with its reason). `--criteria` limits
 * the table to the criteria a labelling was about (a second pass over blame and excuses only
 * would otherwise show ten criteria that agree by construction).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CRITERIA, type Criterion } from '../../server/practice/criteria.js';
import { parseArgs, UsageError } from '../cli-args.js';
import { DatasetError } from '../dataset.js';
import { binaryMetrics, confusionOf } from '../metrics.js';

interface LabelLine {
  id: string;
  labels: Criterion[];
}
interface Decision {
  id: string;
  criterion: Criterion;
  decision: boolean;
  labellerA: boolean;
}

function readLines<T>(path: string): T[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new DatasetError(`cannot read ${path}`);
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new DatasetError(`${path}:${i + 1}: not valid JSON`);
      }
    });
}

export async function runAgreement(argv: readonly string[], io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const args = parseArgs(argv, { values: ['dir', 'criteria'], booleans: ['json'] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const only = args.values
    .get('criteria')
    ?.split(',')
    .map((c) => c.trim());
  const unknown = only?.find((c) => !(CRITERIA as readonly string[]).includes(c));
  if (unknown !== undefined) throw new UsageError(`--criteria: "${unknown}" is not one of the twelve criteria`);
  const criteria = only ? CRITERIA.filter((c) => only.includes(c)) : CRITERIA;
  const dir = resolve(process.cwd(), args.values.get('dir') ?? 'evals/datasets/agreement');
  const first = new Map(readLines<LabelLine>(resolve(dir, 'first-labels.jsonl')).map((l) => [l.id, new Set(l.labels)]));
  const second = readLines<LabelLine>(resolve(dir, 'second-labels.jsonl'));
  const decisions = readLines<Decision>(resolve(dir, 'adjudicated.jsonl'));
  const missing = second.find((l) => !first.has(l.id));
  if (missing) throw new DatasetError(`${missing.id} is in second-labels.jsonl but not in first-labels.jsonl`);

  const rows = criteria.map((criterion) => {
    const pairs = second.map((l) => [first.get(l.id)!.has(criterion), l.labels.includes(criterion)] as const);
    const m = binaryMetrics(confusionOf(pairs));
    const mine = decisions.filter((d) => d.criterion === criterion);
    return {
      criterion,
      firstPositives: pairs.filter(([a]) => a).length,
      secondPositives: pairs.filter(([, b]) => b).length,
      agreement: pairs.filter(([a, b]) => a === b).length / pairs.length,
      kappa: m.kappa,
      disputes: mine.length,
      forFirst: mine.filter((d) => d.decision === d.labellerA).length,
    };
  });
  const meanKappa = rows.reduce((s, r) => s + r.kappa, 0) / rows.length;
  if (args.booleans.has('json')) {
    io.stdout.write(`${JSON.stringify({ replies: second.length, meanKappa, criteria: rows })}\n`);
    return 0;
  }
  const lines = [
    `${second.length} replies labelled twice, blind; mean kappa ${meanKappa.toFixed(3)}`,
    'criterion                  first second  agree  kappa  disputes (first right)',
  ];
  for (const r of rows) {
    lines.push(
      `${r.criterion.padEnd(26)} ${String(r.firstPositives).padStart(5)} ${String(r.secondPositives).padStart(6)}  ${r.agreement.toFixed(3)}  ${r.kappa.toFixed(3)}  ${r.disputes} (${r.forFirst})`,
    );
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
