/**
 * The shipped scenario library: every file loads cleanly, each kind has enough scenarios,
 * each scenario has enough lines to carry a session, and the abuse-disclosure scenario
 * never steers toward reconciling.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../server/practice/criteria.js';
import { loadScenarios, formatProblem } from '../../server/practice/scenarios/scenario-loader.js';
import { crossesHostilityCap, TEMPERAMENTS, type Scenario } from '../../server/practice/scenarios/scenario-schema.js';
import { countReactionLines } from '../../server/cli/scenarios/scenario-lint.js';
import { ROOT } from './cli-run.js';

let scenarios: Scenario[] = [];

beforeAll(async () => {
  const loaded = await loadScenarios(path.join(ROOT, 'scenarios'));
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  scenarios = loaded.scenarios;
});

describe('the scenario library', () => {
  it('loads every shipped scenario with no problems', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(18);
  });

  it('gives every scenario check-in openings that quote the commitment, in its own voice', () => {
    for (const scenario of scenarios) {
      expect(scenario.checkIn, scenario.id).toBeDefined();
      expect(
        scenario.checkIn!.openings.every((line) => line.includes('{commitment}')),
        scenario.id,
      ).toBe(true);
    }
    expect(new Set(scenarios.map((s) => s.checkIn!.openings[0])).size).toBe(scenarios.length);
  });

  it('holds at least 7 apology, 6 listening and 5 draft scenarios', () => {
    const count = (kind: string) => scenarios.filter((s) => s.kind === kind).length;
    expect(count('apology')).toBeGreaterThanOrEqual(7);
    expect(count('listening')).toBeGreaterThanOrEqual(6);
    expect(count('draft')).toBeGreaterThanOrEqual(5);
  });

  it('mixes difficulties within each kind and covers every setting', () => {
    for (const kind of KINDS) {
      const difficulties = new Set(scenarios.filter((s) => s.kind === kind).map((s) => s.difficulty));
      expect([...difficulties].sort(), kind).toEqual([1, 2, 3]);
    }
    expect(new Set(scenarios.map((s) => s.setting))).toEqual(new Set(['family', 'partner', 'friends', 'work']));
  });

  it('gives every scenario at least 40 lines, a hidden concern and a tip for every need', () => {
    for (const scenario of scenarios) {
      expect(countReactionLines(scenario), scenario.id).toBeGreaterThanOrEqual(40);
      expect(scenario.hiddenConcern, scenario.id).toBeDefined();
      for (const need of scenario.needs) expect(need.tip, `${scenario.id} ${need.id}`).toBeTruthy();
    }
  });

  it('uses varied temperaments across the library', () => {
    const used = new Set(scenarios.map((s) => s.partner.temperament));
    for (const temperament of TEMPERAMENTS) expect(used.has(temperament), temperament).toBe(true);
  });

  it('keeps every line under the hostility cap', () => {
    for (const scenario of scenarios) {
      const lines = [
        scenario.partner.opening,
        ...(scenario.hiddenConcern?.reveal ?? []),
        ...Object.values(scenario.reactions).flatMap((byBand) => Object.values(byBand ?? {}).flat()),
      ];
      for (const line of lines) expect(crossesHostilityCap(line as string), `${scenario.id}: ${line}`).toBe(false);
    }
  });
});

describe('the abuse-disclosure scenario', () => {
  const RECONCILING =
    /reconcil|work (it|things) out|make (it|things) up|another chance|couples? (counsel|therap)|stay with him|forgive him|save (the|your) relationship/i;

  it('steers its needs, tips and closing toward safety, never toward reconciling', () => {
    const sofia = scenarios.find((s) => s.id === 'what-daniel-checks')!;
    expect(sofia.kind).toBe('listening');
    const guidance = [...sofia.needs.flatMap((need) => [need.says, need.tip ?? '']), ...(sofia.reactions.closing?.any ?? [])];
    for (const text of guidance) expect(text, text).not.toMatch(RECONCILING);
    expect(sofia.needs.map((need) => need.criterion)).toEqual(expect.arrayContaining(['validates_feelings', 'asks_open_question']));
    expect(guidance.join(' ')).toMatch(/believe/i);
    expect(guidance.join(' ')).toMatch(/helpline/i);
  });

  it('lowers trust when the listener pushes her to leave, and names leaving as her decision', () => {
    const sofia = scenarios.find((s) => s.id === 'what-daniel-checks')!;
    expect(sofia.trust.weights.gives_unsolicited_advice).toBeLessThan(0);
    expect(sofia.reactions.gives_unsolicited_advice?.high?.join(' ')).toMatch(/my decision/i);
  });
});
