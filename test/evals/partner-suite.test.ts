/**
 * Every shipped scenario passes its partner suite with the built-in engine: a strong script
 * resolves within the turn budget and reaches the hidden concern, excuses never resolve,
 * each move moves trust the right way, the partner stays in character and does not repeat.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioSuite, type ScenarioSuiteResult } from '../../evals/partner-suite/run-suite.js';
import { findRegressions } from '../../evals/partner-suite/suite-command.js';
import { createBuiltinEngine } from '../../server/practice/partner/partner-engine.js';
import { loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { scenarios } = await loadScenarios(path.join(ROOT, 'scenarios'));
const engine = createBuiltinEngine();

describe('the partner suites', () => {
  it('covers every shipped scenario', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(18);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s passes every check', async (_id, scenario) => {
    const result = await runScenarioSuite(scenario, engine, scoreReply, path.join(ROOT, 'evals/suites/scripts'));
    const failed = result.checks.filter((c) => !c.pass).map((c) => `${c.name}: ${c.detail}`);
    expect(failed).toEqual([]);
    expect(result.checks.length).toBeGreaterThanOrEqual(8);
  });

  it('fails a scenario whose excuses script would resolve', async () => {
    const scenario = scenarios.find((s) => s.kind === 'apology')!;
    const lenient = {
      ...scenario,
      trust: {
        ...scenario.trust,
        weights: { ...scenario.trust.weights, makes_excuses: 0, shifts_blame: 0, minimizes: 0, non_apology: 0 },
        resolveAt: scenario.trust.start + 1,
      },
    };
    const result = await runScenarioSuite(lenient, engine, scoreReply, path.join(ROOT, 'evals/suites/scripts'));
    expect(result.checks.find((c) => c.name === 'a script of excuses never resolves')!.pass).toBe(false);
  });
});

describe('the suite baseline', () => {
  const result = (genericTurns: number | null, strongTurns: number | null = 6): ScenarioSuiteResult => ({
    scenarioId: 'x',
    checks: [],
    strongTurns,
    excusesFinalTrust: 0,
    genericTurns,
    minTurns: 5,
    excuseCost: null,
    checkIn: null,
    played: { strong: [], generic: [], excuses: [] },
  });

  it('fails CI when the generic script wins the partner back sooner than the baseline, or a strong script needs more turns', () => {
    const baseline = { x: { strongTurns: 6, excusesFinalTrust: 0, genericTurns: 7 } };
    expect(findRegressions([result(7)], baseline)).toEqual([]);
    expect(findRegressions([result(null)], baseline)).toEqual([]);
    expect(findRegressions([result(5)], baseline)[0]).toMatch(/generic script resolved at turn 5 \(baseline 7\)/);
    expect(findRegressions([result(5)], { x: { strongTurns: 6, excusesFinalTrust: 0, genericTurns: null } })[0]).toMatch(/baseline never/);
    expect(findRegressions([result(7, 8)], baseline)[0]).toMatch(/strong script took 8 turns/);
  });
});
