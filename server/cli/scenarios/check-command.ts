/**
 * `scenarios check [DIR]`: loads every scenario file in a folder and reports each problem
 * as `file: field: message` — schema errors, unknown criteria, moves without lines in a
 * trust band, duplicated ids — plus the lint errors and warnings. Exit code 1 on any error.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, loadScenarios, parseScenario, type ScenarioProblem } from '../../practice/scenarios/scenario-loader.js';
import { parseArgs, UsageError, unknownFlags } from './cli-args.js';
import { lintScenario } from './scenario-lint.js';

export const DEFAULT_SCENARIO_DIR = 'scenarios';

export interface CheckReport {
  scenarioCount: number;
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
}

export async function checkScenarios(dir: string): Promise<CheckReport> {
  const { scenarios, problems } = await loadScenarios(dir);
  const errors = problems.map(namePreciseField);
  const warnings: ScenarioProblem[] = [];
  const files = scenarios.length > 0 ? await filesById(dir) : new Map<string, string>();
  for (const scenario of scenarios) {
    const lint = lintScenario(scenario, files.get(scenario.id) ?? path.join(dir, `${scenario.id}.md`));
    errors.push(...lint.errors);
    warnings.push(...lint.warnings);
  }
  if (scenarios.length === 0 && errors.length === 0) {
    errors.push({ file: dir, field: '(folder)', message: 'no scenario files (*.md) found' });
  }
  return { scenarioCount: scenarios.length, errors, warnings };
}

export async function runCheck(argv: readonly string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(argv);
  const unknown = unknownFlags(args, ['quiet']);
  if (unknown.length > 0) throw new UsageError(`unknown option --${unknown[0]} for "check"`);
  if (args.positionals.length > 1) throw new UsageError('check takes at most one folder');
  const dir = args.positionals[0] ?? DEFAULT_SCENARIO_DIR;

  const report = await checkScenarios(dir);
  for (const error of report.errors) out(`error: ${formatProblem(error)}`);
  if (!args.flags.quiet) for (const warning of report.warnings) out(`warning: ${formatProblem(warning)}`);
  if (report.errors.length > 0) {
    out(`${report.errors.length} problem${report.errors.length === 1 ? '' : 's'} in ${dir}`);
    return 1;
  }
  const noted = report.warnings.length > 0 ? ` (${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'})` : '';
  out(`${report.scenarioCount} scenarios OK${noted}`);
  return 0;
}

/**
 * zod names an unknown key at its parent ("trust.weights: Unrecognized key: "reflectz"");
 * the author needs the key itself, so it is appended to the field.
 */
function namePreciseField(problem: ScenarioProblem): ScenarioProblem {
  const key = /^Unrecognized keys?: "([^"]+)"$/.exec(problem.message)?.[1];
  if (!key) return problem;
  const field = problem.field === '(front matter)' ? key : `${problem.field}.${key}`;
  return { ...problem, field };
}

/**
 * Loaded scenarios do not carry their path, so lint findings are named by re-reading the
 * folder: the first file holding an id is the one the loader kept.
 */
async function filesById(dir: string): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md').sort();
  for (const name of names) {
    const file = path.join(dir, name);
    const { scenario } = parseScenario(await readFile(file, 'utf8'), file);
    if (scenario && !byId.has(scenario.id)) byId.set(scenario.id, file);
  }
  return byId;
}
