import { CRITERIA } from '../../server/practice/criteria.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startFakeUpstream } from '../faults/fake-upstream.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'rehearse-eval-'));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'evals/cli.ts', ...args], {
      cwd: process.cwd(),
      env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const rows = [
  {
    id: 't1',
    kind: 'apology',
    context: 'You forgot my birthday.',
    reply: 'I forgot your birthday. That is on me.',
    labels: ['acknowledges_harm', 'takes_responsibility'],
  },
  { id: 't2', kind: 'listening', context: 'I lost my job.', reply: 'You should update your CV tonight.', labels: ['gives_unsolicited_advice'] },
  { id: 't3', kind: 'apology', context: 'You were late.', reply: 'Okay.', labels: ['minimizes'] },
];
const dataset = join(dir, 'tiny.jsonl');
writeFileSync(dataset, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);

describe('eval CLI', () => {
  it('label writes one {id, labels, scores} line per reply and nothing else on stdout', async () => {
    const { code, stdout } = await cli(['label', '--in', dataset]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 't1', labels: ['acknowledges_harm', 'takes_responsibility'] });
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'labels', 'scores']);
      // A probability for all twelve criteria, and a label exactly where it is likely.
      expect(Object.keys(line.scores).sort()).toEqual([...CRITERIA].sort());
      for (const [criterion, p] of Object.entries(line.scores as Record<string, number>)) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        if (line.labels.includes(criterion)) expect(p).toBeGreaterThan(0.2);
        else expect(p).toBeLessThan(0.8);
      }
    }
  });

  it('score --json prints the report, writes JSON and HTML, and exits 1 below the macro-F1 threshold', async () => {
    const out = join(dir, 'reports');
    const { code, stdout, stderr } = await cli(['score', '--dataset', dataset, '--json', '--min-macro-f1', '0.99', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/below threshold: macro-F1/);
    const report = JSON.parse(stdout);
    expect(report.replies).toBe(3);
    expect(report.criteria.minimizes.fn).toBe(1);
    expect(report.mistakes.map((m: { id: string }) => m.id)).toEqual(['t3']);
    expect(report.macroF1Rule).toMatch(/no gold positives and no predicted positives counts as F1 = 1/);
    expect(JSON.parse(readFileSync(join(out, 'score-offline-tiny.json'), 'utf8')).macroF1).toBe(report.macroF1);
    expect(readFileSync(join(out, 'score-offline-tiny.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('score prints a table and the replies it got wrong, and exits 0 when thresholds are met', async () => {
    const { code, stdout } = await cli(['score', '--dataset', dataset, '--out', join(dir, 'r2'), '--min-f1', 'takes_responsibility=0.9']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/macro-F1 \d\.\d{3}/);
    expect(stdout).toMatch(/- t3: "Okay\."\n\s+missed minimizes/);
    expect(stdout).toMatch(/all thresholds met/);
  });

  it('exits 1 when a per-criterion threshold is missed', async () => {
    const { code } = await cli(['score', '--dataset', dataset, '--out', join(dir, 'r3'), '--min-f1', 'minimizes=0.5']);
    expect(code).toBe(1);
  });

  it('exits 2 with a clear message for usage and input errors', async () => {
    expect((await cli(['score'])).stderr).toMatch(/--dataset is required/);
    expect((await cli(['score', '--dataset', join(dir, 'missing.jsonl')])).code).toBe(2);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(rows[0])}\n{"id":"x","kind":"apology","context":"","reply":"hi","labels":["nope"]}\n`);
    const result = await cli(['score', '--dataset', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.jsonl:2: field "labels\.0"/);
    expect((await cli(['score', '--dataset', dataset, '--min-f1', 'kindness=0.5'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  }, 60_000);

  it('explains what the llm scorer needs and exits 2', async () => {
    const { code, stderr } = await cli(['label', '--in', dataset, '--scorer', 'llm']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/the llm scorer needs OPENAI_API_KEY or OPENAI_BASE_URL/);
  });

  it('labels with the LLM judge against an OpenAI-compatible server, and a rerun is served from the cache', async () => {
    const upstream = await startFakeUpstream();
    try {
      const env = { OPENAI_BASE_URL: upstream.baseURL, REHEARSE_MODEL: 'judge-test', DATABASE_URL: `file:${join(dir, 'judge-cache.db')}` };
      const first = await cli(['label', '--in', dataset, '--scorer', 'llm'], env);
      expect(first.code).toBe(0);
      const lines = first.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.id)).toEqual(['t1', 't2', 't3']);
      // The fake's verdict meets no criterion; what matters is that the model was asked, once per reply.
      expect(lines.every((l) => Array.isArray(l.labels) && l.labels.length === 0)).toBe(true);
      expect(upstream.judgeRequests).toHaveLength(3);
      expect(JSON.stringify(upstream.judgeRequests[0]!.body)).toMatch(/json_schema/);

      const again = await cli(['label', '--in', dataset, '--scorer', 'llm'], env);
      expect(again.stdout).toBe(first.stdout);
      expect(upstream.judgeRequests).toHaveLength(3);
    } finally {
      await upstream.close();
    }
  });

  it('skips a public dataset that is not there and exits 0', async () => {
    const { code, stdout } = await cli(['public', 'annomi', '--shared', join(dir, 'nowhere')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^skipped: .*annomi not found/);
  });

  it('agreement limits its table to the criteria a labelling was about, and names an unknown one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rehearse-agreement-'));
    const lines = (xs: object[]) => `${xs.map((x) => JSON.stringify(x)).join('\n')}\n`;
    writeFileSync(
      join(folder, 'first-labels.jsonl'),
      lines([
        { id: 'a', labels: ['shifts_blame'] },
        { id: 'b', labels: [] },
        { id: 'c', labels: ['makes_excuses'] },
      ]),
    );
    writeFileSync(
      join(folder, 'second-labels.jsonl'),
      lines([
        { id: 'a', labels: ['shifts_blame'] },
        { id: 'b', labels: [] },
        { id: 'c', labels: [] },
      ]),
    );
    writeFileSync(
      join(folder, 'adjudicated.jsonl'),
      lines([{ id: 'c', criterion: 'makes_excuses', labellerA: true, labellerB: false, decision: true, reason: 'a reason left standing' }]),
    );
    const { code, stdout } = await cli(['agreement', '--dir', folder, '--criteria', 'shifts_blame,makes_excuses', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { replies: number; criteria: { criterion: string; kappa: number; disputes: number; forFirst: number }[] };
    expect(report.replies).toBe(3);
    expect(report.criteria.map((r) => r.criterion)).toEqual(['makes_excuses', 'shifts_blame']);
    expect(report.criteria.find((r) => r.criterion === 'shifts_blame')!.kappa).toBe(1);
    expect(report.criteria.find((r) => r.criterion === 'makes_excuses')).toMatchObject({ disputes: 1, forFirst: 1 });
    expect(report.criteria.find((r) => r.criterion === 'makes_excuses')!.kappa).toBeLessThan(1);

    const wrong = await cli(['agreement', '--dir', folder, '--criteria', 'shifts_blame,blames']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"blames" is not one of the twelve criteria');
  });
});
