/**
 * The authoring CLI, run as a child process the way an author runs it: `check` names the
 * file and field of each problem and exits non-zero, `new` writes a file that passes
 * `check`, and `play` reads a whole session from piped stdin.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runScenariosCli } from './cli-run.js';

let dir: string;
let airport: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rehearse-scenarios-'));
  airport = await readFile(path.join(ROOT, 'scenarios', 'airport-at-midnight.md'), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A folder holding one copy of the airport scenario, changed by `edit`. */
async function fixture(name: string, edit: (text: string) => string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'airport-at-midnight.md'), edit(airport));
  return folder;
}

describe('scenarios check', () => {
  it('passes on the shipped scenarios', async () => {
    const { code, stdout } = await runScenariosCli(['check']);
    expect(stdout).toMatch(/^\d+ scenarios OK/m);
    expect(code).toBe(0);
  });

  it('passes on the general partners for imported conversations', async () => {
    const { code, stdout } = await runScenariosCli(['check', 'scenarios/general']);
    expect(stdout).toMatch(/^2 scenarios OK/m);
    expect(code).toBe(0);
  });

  it('names the file and the field of an unknown criterion', async () => {
    const folder = await fixture('unknown-criterion', (text) => text.replace('    validates_feelings: 10', '    validates_feels: 10'));
    const { code, stdout } = await runScenariosCli(['check', folder]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path.join(folder, 'airport-at-midnight.md')}: trust.weights.validates_feels:`);
  });

  it('names a move left without lines in a trust band', async () => {
    const folder = await fixture('missing-band', (text) => text.replace(/ {2}minimizes:\n {4}low:\n(?: {6}- .*\n)+/, '  minimizes:\n'));
    const { code, stdout } = await runScenariosCli(['check', folder]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/airport-at-midnight\.md: reactions\.minimizes\.low: no reaction lines/);
  });

  it('names a check-in reaction left out', async () => {
    const folder = await fixture('missing-check-in-reaction', (text) => text.replace(/ {4}honestNotYet:\n(?: {6}- .*\n)+/, ''));
    const { code, stdout } = await runScenariosCli(['check', folder]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/airport-at-midnight\.md: checkIn\.reactions\.honestNotYet:/);
  });

  it('names a duplicated id across two files', async () => {
    const folder = await fixture('duplicate', (text) => text);
    await writeFile(path.join(folder, 'airport-copy.md'), airport);
    const { code, stdout } = await runScenariosCli(['check', folder]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/airport-copy\.md: id: duplicated id "airport-at-midnight"/);
  });

  it('rejects an abusive reaction line under the hostility cap', async () => {
    const folder = await fixture('abusive', (text) => text.replace('"Mm."', '"Shut up. You are pathetic."'));
    const { code, stdout } = await runScenariosCli(['check', folder]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/reactions\.neutral\.low\.0: crosses the hostility cap/);
  });

  it('rejects a good move with a negative weight', async () => {
    const folder = await fixture('good-move-hurts', (text) => text.replace('    proposes_action: 11', '    proposes_action: -5'));
    const { code, stdout } = await runScenariosCli(['check', folder]);
    expect(code).toBe(1);
    expect(stdout).toContain('trust.weights.proposes_action: a good move must never lower trust');
  });
});

describe('scenarios new', () => {
  it('scaffolds from flags a file that passes check at once', async () => {
    const out = path.join(dir, 'new', 'lost-keys.md');
    const created = await runScenariosCli([
      'new',
      '--id',
      'lost-keys',
      '--title',
      'The lost keys',
      '--kind',
      'listening',
      '--difficulty',
      '2',
      '--setting',
      'friends',
      '--name',
      'Robin',
      '--relationship',
      'your flatmate',
      '--out',
      out,
    ]);
    expect(created.stdout).toContain(`wrote ${out}`);
    expect(created.code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('TODO');

    const checked = await runScenariosCli(['check', path.dirname(out)]);
    expect(checked.stdout).toContain('1 scenarios OK');
    expect(checked.code).toBe(0);
  });

  it('asks for what the flags leave out, from piped stdin', async () => {
    const out = path.join(dir, 'asked', 'the-move.md');
    const { code } = await runScenariosCli(['new', '--out', out], 'the-move\nThe move\ndraft\n3\nfamily\nIris\nyour aunt\n');
    expect(code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^kind: draft/m);
    expect(text).toMatch(/^difficulty: 3/m);
    expect((await runScenariosCli(['check', path.dirname(out)])).code).toBe(0);
  });
});

describe('scenarios play', () => {
  it('plays a piped session, showing labels with evidence, trust and the trust path', async () => {
    const turns = [
      "I left you waiting at arrivals the night you came back from your dad's funeral. That was my promise and I broke it.",
      'I was exhausted after a double shift, my phone died.',
      '/quit',
    ].join('\n');
    const { code, stdout } = await runScenariosCli(['play', 'airport-at-midnight'], turns);
    expect(code).toBe(0);
    expect(stdout).toContain('Jonah: Hey. So. I waited fifty minutes');
    expect(stdout).toMatch(/labels: .*owned it "/);
    expect(stdout).toMatch(/trust 25 → \d+: trust rose/);
    expect(stdout).toMatch(/trust \d+ → \d+: trust fell/);
    expect(stdout).toMatch(/trust path: 25 → \d+ → \d+/);
  });

  it('plays the check-in on a promise: the opening quotes it, and a kept promise raises trust from halfway back', async () => {
    const turns = ["I did. I've rung you every Sunday since, three weeks running.", '/quit'].join('\n');
    const { code, stdout } = await runScenariosCli(['play', 'airport-at-midnight', '--check-in', "I'll ring you every Sunday", '--first-trust', '61'], turns);
    expect(code).toBe(0);
    expect(stdout).toContain(`"I'll ring you every Sunday."`);
    // Halfway from the scenario's start (25) back toward where the first conversation ended (61).
    expect(stdout).toMatch(/trust 43 → (\d+)/);
    expect(Number(/trust 43 → (\d+)/.exec(stdout)![1])).toBeGreaterThan(43);
    expect(stdout).toContain('reported on the promise at turn 1: kept');
    expect(stdout).not.toContain('still missing');
  });

  it('names a bad check-in option', async () => {
    const alone = await runScenariosCli(['play', 'airport-at-midnight', '--first-trust', '50']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--first-trust only applies with --check-in');
    const outOfRange = await runScenariosCli(['play', 'airport-at-midnight', '--check-in', 'ring', '--first-trust', 'high']);
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.stderr).toContain('--first-trust must be a whole number from 0 to 100, not "high"');
  });

  it('reports an unknown scenario id', async () => {
    const { code, stdout } = await runScenariosCli(['play', 'no-such-scenario']);
    expect(code).toBe(1);
    expect(stdout).toContain('no scenario "no-such-scenario"');
  });
});
