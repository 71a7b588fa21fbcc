/**
 * A ten-turn session of varied moves never makes the partner repeat a line, in any shipped
 * scenario: the picker skips used lines while fresh ones remain, so each band of each move
 * must hold enough of them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_RUBRIC, type Criterion } from '../../server/practice/criteria.js';
import type { LabelledTurn } from '../../server/practice/partner/partner-state.js';
import { planReplies } from '../../server/practice/partner/reaction-picker.js';
import { loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../server/practice/scenarios/scenario-schema.js';
import { ROOT } from './cli-run.js';

const { scenarios } = await loadScenarios(path.join(ROOT, 'scenarios'));

/** A realistic mixed session: a stumble, then good moves, a relapse, and more good moves. */
function variedSession(scenario: Scenario): LabelledTurn[] {
  const [first, second, third, fourth] = KIND_RUBRIC[scenario.kind].positive as readonly Criterion[];
  const [flagA, flagB] = KIND_RUBRIC[scenario.kind].redFlags as readonly Criterion[];
  const moves: Criterion[][] = [
    [flagA!],
    [],
    [first!],
    [second!],
    [flagB!],
    [third ?? first!],
    [first!, second!],
    [fourth ?? second!],
    [third ?? first!],
    [second!],
  ];
  return moves.map((labels, index) => ({
    text: `turn ${index + 1} of a varied session`,
    labels,
    evidence: labels.map((criterion) => ({ criterion, start: 0, end: 4, quote: 'turn' })),
  }));
}

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it('says no line twice in a ten-turn varied session', () => {
    const replies = planReplies(scenario, variedSession(scenario)).map((reply) => reply.text);
    const seen = [scenario.partner.opening, ...replies];
    expect(new Set(seen).size, seen.join('\n')).toBe(seen.length);
  });
});
