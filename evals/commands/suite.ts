/**
 * `eval suite [--engine builtin|llm] [--scenario ID] [--ci] [--update-baseline] [--json] [--verbose]`:
 * argument parsing for the partner suite, which lives in evals/partner-suite/. Imported lazily
 * so that `label` and `score` never load the partner engines.
 */
import { parseArgs, UsageError } from '../cli-args.js';

export async function runSuite(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['engine', 'scenario'], booleans: ['ci', 'update-baseline', 'json', 'verbose'] });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const engine = args.values.get('engine') ?? 'builtin';
  if (engine !== 'builtin' && engine !== 'llm') throw new UsageError('--engine must be builtin or llm');
  const { suiteCommand } = await import('../partner-suite/suite-command.js');
  const scenario = args.values.get('scenario');
  return suiteCommand({
    engine,
    ...(scenario !== undefined ? { scenario } : {}),
    ci: args.booleans.has('ci'),
    updateBaseline: args.booleans.has('update-baseline'),
    json: args.booleans.has('json'),
    verbose: args.booleans.has('verbose'),
  });
}
