/**
 * `scenarios scripts [--dir DIR] [--scripts DIR] [--verbose] [ID...]`: plays every
 * scenario's suite script through the offline scorer and the built-in partner and prints,
 * per scenario, whether `strong` resolved within budget and `excuses` never did. With
 * --verbose it prints each turn's labels and trust, to see where a script goes wrong.
 */
import { loadScenarios, formatProblem } from '../../practice/scenarios/scenario-loader.js';
import { scoreReply } from '../../practice/scoring/offline-scorer.js';
import { parseArgs, stringFlag, UsageError, unknownFlags } from './cli-args.js';
import { DEFAULT_SCENARIO_DIR } from './check-command.js';
import { DEFAULT_SCRIPT_DIR, judgeScripts, playScript, readSuiteScript, type PlayedScript } from './suite-scripts.js';

export async function runScripts(argv: readonly string[], out: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['verbose']);
  const unknown = unknownFlags(args, ['dir', 'scripts', 'verbose']);
  if (unknown.length > 0) throw new UsageError(`unknown option --${unknown[0]} for "scripts"`);
  const { scenarios, problems } = await loadScenarios(stringFlag(args, 'dir') ?? DEFAULT_SCENARIO_DIR);
  for (const problem of problems) out(`error: ${formatProblem(problem)}`);
  const scriptDir = stringFlag(args, 'scripts') ?? DEFAULT_SCRIPT_DIR;
  const chosen = args.positionals.length > 0 ? scenarios.filter((s) => args.positionals.includes(s.id)) : scenarios;

  let failed = problems.length;
  for (const scenario of chosen) {
    let script;
    try {
      script = await readSuiteScript(scriptDir, scenario.id);
    } catch (error) {
      out(`✗ ${scenario.id}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    const strong = await playScript(scenario, script.strong, scoreReply);
    const excuses = await playScript(scenario, script.excuses, scoreReply);
    const failures = judgeScripts(scenario, strong, excuses);
    const strongNote = strong.resolvedAt ? `resolved at turn ${strong.resolvedAt}/${scenario.turnBudget}` : 'not resolved';
    const concern = strong.hiddenConcernAt ? `, concern at ${strong.hiddenConcernAt}` : ', concern never reached';
    out(`${failures.length === 0 ? '✓' : '✗'} ${scenario.id}: strong ${strongNote}${concern}; excuses ${excuses.resolvedAt ? `RESOLVED at ${excuses.resolvedAt}` : `held (trust ${excuses.trustPath.at(-1)})`}`);
    for (const failure of failures) out(`    ${failure}`);
    if (args.flags.verbose || failures.length > 0) {
      printTurns(out, 'strong', strong);
      printTurns(out, 'excuses', excuses);
    }
    if (failures.length > 0) failed++;
  }
  out(`${chosen.length - failed} of ${chosen.length} scenarios pass their scripts`);
  return failed > 0 ? 1 : 0;
}

function printTurns(out: (line: string) => void, which: string, played: PlayedScript): void {
  played.turns.forEach((turn, index) => {
    out(`    ${which} ${index + 1}: ${turn.trustBefore}→${turn.trustAfter} [${turn.labels.join(', ')}] ${turn.text}`);
  });
}
