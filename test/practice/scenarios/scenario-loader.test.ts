import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadScenarios, parseScenario } from '../../../server/practice/scenarios/scenario-loader.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

const good = readFileSync(path.join(FIXTURE_SCENARIOS, 'airport-at-midnight.md'), 'utf8');
/** The fixture with its front matter changed by `mutate`. */
// biome-ignore lint/suspicious/noExplicitAny: the tests reach into parsed YAML of any shape to break one field.
function edited(mutate: (front: Record<string, any>) => void): string {
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(good)!;
  const front = parse(yaml!);
  mutate(front);
  return `---\n${stringify(front)}---\n${body}`;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scenarios-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loading scenario files', () => {
  it('parses the front matter and keeps the body as the background', () => {
    const { scenario, problems } = parseScenario(good, 'x.md');
    expect(problems).toEqual([]);
    expect(scenario!.partner.name).toBe('Jonah');
    expect(scenario!.background).toMatch(/chemistry teacher/);
  });

  it('reports a bad file with its path and field, and still loads the good ones', async () => {
    writeFileSync(path.join(dir, 'good.md'), good);
    writeFileSync(
      path.join(dir, 'bad.md'),
      edited((f) => Object.assign(f, { id: 'other-one', difficulty: 7 })),
    );
    const { scenarios, problems } = await loadScenarios(dir);
    expect(scenarios.map((s) => s.id)).toEqual(['airport-at-midnight']);
    expect(problems).toEqual([expect.objectContaining({ file: path.join(dir, 'bad.md'), field: 'difficulty' })]);
  });

  it('names states without reaction lines, unknown criteria, unknown slots and duplicated ids', async () => {
    const noExcuseLines = edited((f) => delete f.reactions.makes_excuses);
    expect(parseScenario(noExcuseLines, 'a.md').problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['reactions.makes_excuses.low', 'reactions.makes_excuses.mid', 'reactions.makes_excuses.high']),
    );
    const unknownCriterion = edited((f) => (f.trust.weights.flatters = 5));
    expect(parseScenario(unknownCriterion, 'b.md').problems[0]!.field).toMatch(/trust\.weights/);
    const unknownSlot = edited((f) => f.reactions.takes_responsibility.low.push('...Okay, {nickname}.'));
    expect(parseScenario(unknownSlot, 'c.md').problems[0]).toMatchObject({
      field: expect.stringMatching(/^reactions\.takes_responsibility\.low/),
      message: expect.stringMatching(/nickname/),
    });
    writeFileSync(path.join(dir, 'one.md'), good);
    writeFileSync(path.join(dir, 'two.md'), good);
    expect((await loadScenarios(dir)).problems).toEqual([
      expect.objectContaining({ file: path.join(dir, 'two.md'), field: 'id', message: expect.stringMatching(/duplicated/) }),
    ]);
  });

  it('rejects a line over the hostility cap and a red flag that raises trust', () => {
    const abusive = edited((f) => f.reactions.shifts_blame.low.push("You're pathetic, you know that?"));
    expect(parseScenario(abusive, 'd.md').problems[0]!.message).toMatch(/hostility cap/);
    const upsideDown = edited((f) => (f.trust.weights.makes_excuses = 18));
    expect(parseScenario(upsideDown, 'e.md').problems[0]).toMatchObject({ field: 'trust.weights.makes_excuses' });
  });

  it('checks the arc fields, naming the field: pushback, minTurns against difficulty and budget, answerTip', () => {
    const problems = (mutate: Parameters<typeof edited>[0]) => parseScenario(edited(mutate), 'g.md').problems;
    expect(problems((f) => delete f.pushback)[0]).toMatchObject({ field: 'pushback', message: expect.stringMatching(/difficulty 2 partner tests/) });
    expect(problems((f) => (f.pushback = ['Only one.']))[0]).toMatchObject({ field: 'pushback', message: expect.stringMatching(/at least 2/) });
    expect(problems((f) => f.pushback.push("You're pathetic, you know that?")).map((p) => p.field)).toEqual(['pushback.3']);
    expect(problems((f) => f.pushback.push('Like {nope}.'))[0]).toMatchObject({ field: 'pushback.3', message: expect.stringMatching(/unknown slot/) });
    expect(problems((f) => (f.trust.minTurns = 3))[0]).toMatchObject({ field: 'trust.minTurns', message: expect.stringMatching(/at least 5/) });
    expect(problems((f) => (f.trust.minTurns = 8))[0]).toMatchObject({ field: 'trust.minTurns', message: expect.stringMatching(/turnBudget \(8\)/) });
    expect(problems((f) => (f.turnBudget = 5))[0]).toMatchObject({ field: 'turnBudget' });
    expect(problems((f) => delete f.hiddenConcern.answerTip)[0]!.field).toBe('hiddenConcern.answerTip');
    expect(problems((f) => (f.hiddenConcern.answeredBy = ['not_a_move']))[0]!.field).toMatch(/^hiddenConcern\.answeredBy/);
    // A gentle partner may skip the test, and a stricter minimum within the budget is fine.
    const gentleWithoutPushback = problems((f) => {
      f.difficulty = 1;
      delete f.pushback;
    });
    expect(gentleWithoutPushback).toEqual([]);
    expect(problems((f) => (f.trust.minTurns = 6))).toEqual([]);
  });

  it('reports YAML without front matter plainly', () => {
    expect(parseScenario('# just markdown', 'f.md').problems[0]!.message).toMatch(/front matter/);
  });
});
