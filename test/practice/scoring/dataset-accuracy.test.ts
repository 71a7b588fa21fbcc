import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRITERIA } from '../../../server/practice/criteria.js';
import { scoreReply } from '../../../server/practice/scoring/offline-scorer.js';
import { parseDataset } from '../../../evals/dataset.js';
import { macroF1, perCriterion } from '../../../evals/metrics.js';

const DEV = resolve(process.cwd(), '../shared/datasets/replies-dev.jsonl');
const TRAIN = resolve(process.cwd(), 'evals/datasets/replies-train.jsonl');
const HOLDOUT = resolve(process.cwd(), 'evals/datasets/replies-holdout.jsonl');
const VOICES = ['replies-train-voices.jsonl', 'replies-fresh-voices.jsonl'].map((f) => resolve(process.cwd(), 'evals/datasets', f));

const load = (path: string) => parseDataset(readFileSync(path, 'utf8'), { requireLabels: true, source: path });

function macroOn(path: string): number {
  const rows = load(path);
  return macroF1(perCriterion(rows.map((r) => ({ gold: r.labels ?? [], predicted: scoreReply(r).labels }))));
}

describe('offline scorer accuracy', () => {
  it.skipIf(!existsSync(DEV))(`reaches macro-F1 >= 0.85 on the shared dev set (skipped when ${DEV} is absent)`, () => {
    expect(macroOn(DEV)).toBeGreaterThanOrEqual(0.85);
  });
  it('reaches macro-F1 >= 0.85 on our held-out replies', () => {
    expect(macroOn(HOLDOUT)).toBeGreaterThanOrEqual(0.85);
  });
});

describe('evidence spans', () => {
  const paths = [TRAIN, HOLDOUT, ...VOICES, ...(existsSync(DEV) ? [DEV] : [])];
  it('quote every label with words that equal reply.slice(start, end), on every reply we have', () => {
    let checked = 0;
    for (const path of paths) {
      for (const row of load(path)) {
        const result = scoreReply(row);
        for (const label of result.labels) {
          const spans = result.evidence.filter((e) => e.criterion === label);
          expect(spans.length, `${row.id} ${label} has no evidence`).toBeGreaterThan(0);
        }
        for (const span of result.evidence) {
          expect(result.labels).toContain(span.criterion);
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(row.reply.length);
          expect(span.end).toBeGreaterThan(span.start);
          expect(row.reply.slice(span.start, span.end), row.id).toBe(span.quote);
          expect(span.quote.trim()).toBe(span.quote);
        }
        expect([...result.labels]).toEqual(CRITERIA.filter((c) => result.labels.includes(c)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(250);
  });
  it('keeps offsets right when texting spellings are expanded', () => {
    const reply = 'omg im so sorry, i forgot ur bday 😭 thats on me. lemme take u out sat night?';
    const result = scoreReply({ kind: 'apology', context: 'you forgot', reply });
    expect(result.labels).toContain('takes_responsibility');
    for (const span of result.evidence) expect(reply.slice(span.start, span.end)).toBe(span.quote);
  });
});
