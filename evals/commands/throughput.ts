/** `eval throughput [--runs N] [--json]`: replies/second of the offline scorer on one core. */
import { parseArgs, UsageError } from '../cli-args.js';
import { measureScorerThroughput } from '../throughput.js';

export async function runThroughput(argv: readonly string[], io: { stdout: NodeJS.WritableStream }): Promise<number> {
  const args = parseArgs(argv, { values: ['runs'], booleans: ['json'] });
  const runs = Number(args.values.get('runs') ?? 7);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError('--runs must be a positive integer');
  const result = measureScorerThroughput({ runs });
  if (args.booleans.has('json')) io.stdout.write(`${JSON.stringify(result)}\n`);
  else
    io.stdout.write(
      `offline scorer: ${result.repliesPerSecond} replies/s (median of ${runs} runs: ${result.runs.join(', ')}) over ${result.replies} replies from ${result.datasets.join(', ')}\n`,
    );
  return 0;
}
