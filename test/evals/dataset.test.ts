import { describe, expect, it } from 'vitest';
import { DatasetError, parseDataset } from '../../evals/dataset.js';

const good = '{"id":"a","kind":"apology","context":"x","reply":"I forgot.","labels":["acknowledges_harm"]}';

describe('dataset parsing', () => {
  it('reads valid lines and skips blank ones', () => {
    const rows = parseDataset(`${good}\n\n{"id":"b","kind":"draft","context":"","reply":"Hi","labels":[]}\n`, { requireLabels: true, source: 'f.jsonl' });
    expect(rows.map((r) => r.id)).toEqual(['a', 'b']);
  });
  it('names the line and says the JSON is broken', () => {
    expect(() => parseDataset(`${good}\n{"id": "b",`, { requireLabels: true, source: 'f.jsonl' })).toThrow(/f\.jsonl:2: not valid JSON/);
  });
  it('names the line and the field for an unknown criterion', () => {
    const bad = '{"id":"c","kind":"apology","context":"","reply":"x","labels":["be_nice"]}';
    expect(() => parseDataset(`${good}\n${good.replace('"a"', '"b"')}\n${bad}`, { requireLabels: true, source: 'f.jsonl' })).toThrow(
      /f\.jsonl:3: field "labels\.0"/,
    );
  });
  it('names the field for a bad kind or a missing reply', () => {
    expect(() => parseDataset('{"id":"a","kind":"rant","context":"","reply":"x"}', { requireLabels: false, source: 'f' })).toThrow(/f:1: field "kind"/);
    expect(() => parseDataset('{"id":"a","kind":"draft","context":""}', { requireLabels: false, source: 'f' })).toThrow(/f:1: field "reply"/);
  });
  it('requires labels to score but not to label', () => {
    const line = '{"id":"a","kind":"draft","context":"","reply":"x"}';
    expect(parseDataset(line, { requireLabels: false, source: 'f' })).toHaveLength(1);
    expect(() => parseDataset(line, { requireLabels: true, source: 'f' })).toThrow(DatasetError);
  });
  it('rejects a repeated id, naming both lines', () => {
    expect(() => parseDataset(`${good}\n${good}`, { requireLabels: true, source: 'f' })).toThrow(/f:2: field "id": "a" repeats line 1/);
  });
});
