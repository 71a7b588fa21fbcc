/**
 * `eval label --in FILE.jsonl [--scorer offline|llm]`: one `{"id","labels","scores"}` line per reply on
 * stdout and nothing else, so the output can be piped or diffed. A reply the scorer fails on
 * is written with no labels and reported on stderr.
 */
import { parseArgs, requireValue, UsageError } from '../cli-args.js';
import { sureScores } from '../../server/practice/scoring/scorer.js';
import { readDataset } from '../dataset.js';
import { createProgress } from '../progress.js';
import { scoreAll } from '../run-scorer.js';
import { createScorer, defaultConcurrency } from '../scorers.js';

export async function runLabel(argv: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  const args = parseArgs(argv, { values: ['in', 'scorer', 'concurrency'] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const path = requireValue(args, 'in');
  const scorer = createScorer(args.values.get('scorer') ?? 'offline');
  const rows = await readDataset(path, { requireLabels: false });
  const outcomes = await scoreAll(scorer, rows, {
    concurrency: Number(args.values.get('concurrency') ?? defaultConcurrency(scorer)),
    progress: createProgress('labelling', rows.length),
  });
  let failed = 0;
  const out: string[] = [];
  rows.forEach((row, i) => {
    const outcome = outcomes[i]!;
    if (!outcome.ok) {
      failed++;
      io.stderr.write(`scorer failed on ${row.id}: ${outcome.error}\n`);
    }
    out.push(JSON.stringify({ id: row.id, labels: outcome.ok ? outcome.labels : [], scores: outcome.ok ? outcome.scores : sureScores([]) }));
  });
  io.stdout.write(`${out.join('\n')}\n`);
  if (failed > 0) io.stderr.write(`${failed} of ${rows.length} replies failed to score and were written with no labels\n`);
  return 0;
}
