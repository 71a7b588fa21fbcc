/**
 * `npm run eval -- suite [--engine builtin|llm] [--scenario ID] [--ci] [--update-baseline] [--json] [--verbose]`
 * Plays every scenario's scripts and checks the expectations; `--ci` also compares with the
 * stored baseline (evals/baselines/partner-suite.json) and fails on a regression.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/config.js';
import { createBuiltinEngine, createLlmEngine, type PartnerEngine } from '../../server/practice/partner/partner-engine.js';
import { formatProblem, loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';
import { runScenarioSuite, type ScenarioSuiteResult } from './run-suite.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASELINE = path.join(ROOT, 'evals/baselines/partner-suite.json');

/** Per scenario: turns the strong and generic scripts took to resolve, and where excuses left trust. */
export type Baseline = Record<string, { strongTurns: number | null; excusesFinalTrust: number | null; genericTurns?: number | null }>;

export interface SuiteOptions {
  engine: 'builtin' | 'llm';
  scenario?: string;
  ci: boolean;
  updateBaseline: boolean;
  json: boolean;
  /** Print each scripted turn: its labels, the trust it moved, the partner's reply. */
  verbose?: boolean;
  scenariosDir?: string;
  scriptsDir?: string;
}

export async function suiteCommand(options: SuiteOptions): Promise<number> {
  const { scenarios, problems } = await loadScenarios(options.scenariosDir ?? path.join(ROOT, 'scenarios'));
  for (const problem of problems) process.stderr.write(`invalid scenario: ${formatProblem(problem)}\n`);
  const chosen = options.scenario ? scenarios.filter((s) => s.id === options.scenario) : scenarios;
  if (chosen.length === 0) {
    process.stderr.write(`suite: no scenario${options.scenario ? ` with id "${options.scenario}"` : 's found'}\n`);
    return 2;
  }
  const engine = makeEngine(options.engine);
  const scriptsDir = options.scriptsDir ?? path.join(ROOT, 'evals/suites/scripts');

  const results: ScenarioSuiteResult[] = [];
  for (const scenario of chosen) results.push(await runScenarioSuite(scenario, engine, scoreReply, scriptsDir));

  const baseline = await readBaseline();
  const regressions = options.ci ? findRegressions(results, baseline) : [];
  if (options.updateBaseline) await writeBaseline(results, baseline);

  const failed = results.flatMap((r) => r.checks.filter((c) => !c.pass).map((c) => `${r.scenarioId}: ${c.name}: ${c.detail}`));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ engine: engine.name, results, regressions, failed }, null, 2)}\n`);
  } else {
    for (const result of results) {
      const ok = result.checks.every((c) => c.pass);
      process.stdout.write(
        `${ok ? 'PASS' : 'FAIL'} ${result.scenarioId}  (strong: ${result.strongTurns ?? '-'} turns, generic: ${result.genericTurns ?? '-'} (min ${result.minTurns}), excuse costs ${result.excuseCost ? `${result.excuseCost.early} → ${result.excuseCost.late}` : '-'}, excuses end at trust ${result.excusesFinalTrust ?? '-'}${result.checkIn ? `, check-in from ${result.checkIn.start}: kept ${signed(result.checkIn.kept)}, excuse ${signed(result.checkIn.excuse)} (first time ${signed(result.checkIn.firstExcuse)}), not yet ${signed(result.checkIn.notYet)}` : ''})\n`,
      );
      for (const c of result.checks) if (!c.pass || !ok || options.verbose) process.stdout.write(`  ${c.pass ? 'ok ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
      if (options.verbose) {
        for (const [which, turns] of Object.entries(result.played)) {
          for (const [i, t] of turns.entries()) {
            process.stdout.write(`    ${which} ${i + 1}: ${t.trustBefore} → ${t.trustAfter} [${t.labels.join(', ')}] ${t.text}\n      ↳ ${t.reply}\n`);
          }
        }
      }
    }
    for (const r of regressions) process.stdout.write(`REGRESSION ${r}\n`);
    const checks = results.flatMap((r) => r.checks);
    process.stdout.write(
      `\n${results.length} scenarios, ${checks.filter((c) => c.pass).length}/${checks.length} checks passed, ${regressions.length} regressions (engine: ${engine.description})\n`,
    );
  }
  return failed.length > 0 || regressions.length > 0 ? 1 : 0;
}

function makeEngine(name: 'builtin' | 'llm'): PartnerEngine {
  if (name === 'builtin') return createBuiltinEngine();
  const config = loadConfig();
  if (!config.model) throw new Error('the llm engine needs OPENAI_API_KEY or OPENAI_BASE_URL');
  return createLlmEngine(config.model);
}

async function readBaseline(): Promise<Baseline> {
  try {
    return JSON.parse(await readFile(BASELINE, 'utf8')) as Baseline;
  } catch {
    return {};
  }
}

async function writeBaseline(results: ScenarioSuiteResult[], previous: Baseline): Promise<void> {
  const next: Baseline = { ...previous };
  for (const r of results) next[r.scenarioId] = { strongTurns: r.strongTurns, excusesFinalTrust: r.excusesFinalTrust, genericTurns: r.genericTurns };
  await mkdir(path.dirname(BASELINE), { recursive: true });
  await writeFile(BASELINE, `${JSON.stringify(next, null, 2)}\n`);
}

/**
 * A strong script that needs more turns, excuses that leave more trust, or a generic script
 * that wins the partner back sooner, than the baseline: each makes practice worse.
 */
export function findRegressions(results: ScenarioSuiteResult[], baseline: Baseline): string[] {
  const out: string[] = [];
  for (const r of results) {
    const base = baseline[r.scenarioId];
    if (!base) continue;
    if (base.strongTurns !== null && (r.strongTurns === null || r.strongTurns > base.strongTurns)) {
      out.push(`${r.scenarioId}: the strong script took ${r.strongTurns ?? 'more than all its'} turns (baseline ${base.strongTurns})`);
    }
    if (base.genericTurns !== undefined && r.genericTurns !== null && (base.genericTurns === null || r.genericTurns < base.genericTurns)) {
      out.push(
        `${r.scenarioId}: the generic script resolved at turn ${r.genericTurns} (baseline ${base.genericTurns ?? 'never'}): the partner became easier to win back`,
      );
    }
    if (base.excusesFinalTrust !== null && r.excusesFinalTrust !== null && r.excusesFinalTrust > base.excusesFinalTrust + 5) {
      out.push(`${r.scenarioId}: excuses ended at trust ${r.excusesFinalTrust} (baseline ${base.excusesFinalTrust})`);
    }
  }
  return out;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
