/**
 * The partner-suite scripts, played through the real offline scorer and the built-in
 * partner: the excuses script never resolves, and the strong one resolves within the
 * scenario's turn budget. A strong script that fails only because the scorer misses a
 * clearly-correct turn is listed below with the turn, so the gap stays visible.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';
import { judgeScripts, playScript, readSuiteScript } from '../../server/cli/scenarios/suite-scripts.js';
import { ROOT } from './cli-run.js';

const { scenarios } = await loadScenarios(path.join(ROOT, 'scenarios'));
const scriptDir = path.join(ROOT, 'evals', 'suites', 'scripts');

/** Scenario id → the turn the offline scorer mislabels, making the strong script fall short. */
const SCORER_GAPS: Record<string, string> = {
  'missing-figures-email': '"Your frustration is completely fair. It put you in a really difficult spot with the client." gets no label (expected validates_feelings)',
};

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
  it('never resolves under excuses, and ends below its starting trust', async () => {
    const script = await readSuiteScript(scriptDir, id);
    const excuses = await playScript(scenario, script.excuses, scoreReply);
    expect(excuses.resolvedAt).toBeUndefined();
    expect(excuses.trustPath.at(-1)!).toBeLessThan(scenario.trust.start);
  });

  it.skipIf(id in SCORER_GAPS)('resolves within its turn budget when played well', async () => {
    const script = await readSuiteScript(scriptDir, id);
    const strong = await playScript(scenario, script.strong, scoreReply);
    const excuses = await playScript(scenario, script.excuses, scoreReply);
    expect(judgeScripts(scenario, strong, excuses)).toEqual([]);
    expect(strong.hiddenConcernAt, 'the strong script reaches the hidden concern').toBeDefined();
  });
});
