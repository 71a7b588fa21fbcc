/**
 * `eval score --dataset FILE.jsonl [--scorer NAME] [--json] [--min-macro-f1 X]
 * [--min-f1 CRITERION=X ...] [--out DIR]`: compares a scorer with the dataset's gold labels,
 * prints a table (or the JSON with --json), writes JSON and HTML reports, and exits 1 when a
 * threshold is missed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { criterionSchema, type Criterion } from '../../server/practice/criteria.js';
import { parseArgs, parseUnitInterval, requireValue, UsageError } from '../cli-args.js';
import { readDataset } from '../dataset.js';
import { createProgress } from '../progress.js';
import { renderScoreHtml } from '../report-html.js';
import { renderScoreTable } from '../report-table.js';
import { scoreAll } from '../run-scorer.js';
import { buildScoreReport, type Thresholds } from '../score-report.js';
import { createScorer, defaultConcurrency } from '../scorers.js';

export const DEFAULT_REPORT_DIR = 'evals/reports';

export async function runScore(argv: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  const args = parseArgs(argv, { values: ['dataset', 'scorer', 'min-macro-f1', 'out', 'concurrency'], repeatable: ['min-f1'], booleans: ['json'] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const path = requireValue(args, 'dataset');
  const thresholds = parseThresholds(args.values.get('min-macro-f1'), args.repeated.get('min-f1') ?? []);
  const scorer = createScorer(args.values.get('scorer') ?? 'offline');
  const rows = await readDataset(path, { requireLabels: true });
  const outcomes = await scoreAll(scorer, rows, {
    concurrency: Number(args.values.get('concurrency') ?? defaultConcurrency(scorer)),
    progress: createProgress('scoring', rows.length),
  });
  const report = buildScoreReport({ scorer: scorer.name, dataset: path, rows, outcomes, thresholds });

  const outDir = args.values.get('out') ?? DEFAULT_REPORT_DIR;
  const stem = `score-${scorer.name.replace(/[^a-z0-9_-]+/gi, '_')}-${basename(path).replace(/\.jsonl?$/, '')}`;
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, `${stem}.json`), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(outDir, `${stem}.html`), renderScoreHtml(report));
  } catch (cause) {
    throw new UsageError(`cannot write reports to ${outDir}: ${(cause as Error).message}`, { cause });
  }

  if (args.booleans.has('json')) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    io.stdout.write(`${renderScoreTable(report)}\n`);
    io.stdout.write(`reports: ${join(outDir, `${stem}.json`)}, ${join(outDir, `${stem}.html`)}\n`);
  }
  if (!report.passed) {
    io.stderr.write(`below threshold: ${report.belowThreshold.join('; ')}\n`);
    return 1;
  }
  return 0;
}

export function parseThresholds(minMacro: string | undefined, minF1: readonly string[]): Thresholds {
  const thresholds: Thresholds = { minF1: {} };
  if (minMacro !== undefined) thresholds.minMacroF1 = parseUnitInterval(minMacro, '--min-macro-f1');
  for (const raw of minF1) {
    const eq = raw.indexOf('=');
    if (eq < 0) throw new UsageError(`--min-f1 expects CRITERION=VALUE, got "${raw}"`);
    const parsed = criterionSchema.safeParse(raw.slice(0, eq));
    if (!parsed.success) throw new UsageError(`--min-f1: unknown criterion "${raw.slice(0, eq)}"`);
    thresholds.minF1[parsed.data as Criterion] = parseUnitInterval(raw.slice(eq + 1), `--min-f1 ${parsed.data}`);
  }
  return thresholds;
}
