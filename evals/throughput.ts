/**
 * Throughput of the offline scorer on one core, end to end as `eval label` runs it: each JSON
 * line parsed and validated, scored, and its `{id, labels, scores}` line written. Replies per
 * second, the median of several timed runs over the dev set (when present) and our own
 * labelled replies. Used by `eval throughput` and by the benchmark suite. The floor is 2,000
 * replies a second (0.5 ms a reply, inside a turn's CPU budget).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scoreReply } from '../server/practice/scoring/offline-scorer.js';
import type { ReplyToScore } from '../server/practice/scoring/scorer.js';
import { parseDataset } from './dataset.js';

export const THROUGHPUT_DATASETS = ['../shared/datasets/replies-dev.jsonl', 'evals/datasets/replies-train.jsonl', 'evals/datasets/replies-holdout.jsonl'];

export interface ThroughputResult {
  repliesPerSecond: number;
  runs: number[];
  replies: number;
  datasets: string[];
}

export function loadThroughputReplies(paths: readonly string[] = THROUGHPUT_DATASETS): { replies: ReplyToScore[]; lines: string[]; datasets: string[] } {
  const replies: ReplyToScore[] = [];
  const lines: string[] = [];
  const datasets: string[] = [];
  for (const path of paths) {
    const full = resolve(process.cwd(), path);
    if (!existsSync(full)) continue;
    const text = readFileSync(full, 'utf8');
    replies.push(...parseDataset(text, { requireLabels: false, source: path }));
    lines.push(...text.split('\n').filter((l) => l.trim() !== ''));
    datasets.push(path);
  }
  if (replies.length === 0) throw new Error(`no replies found for the throughput run in ${paths.join(', ')}`);
  return { replies, lines, datasets };
}

/** What `eval label` does with one line: parse and validate it, score it, write its answer. */
function labelLine(line: string): string {
  const [row] = parseDataset(line, { requireLabels: false, source: 'throughput' });
  const { labels, scores } = scoreReply(row!);
  return JSON.stringify({ id: row!.id, labels, scores });
}

export function measureScorerThroughput(options: { runs?: number; minMillisPerRun?: number; paths?: readonly string[] } = {}): ThroughputResult {
  const { lines, datasets } = loadThroughputReplies(options.paths);
  const runs = options.runs ?? 7;
  const minMillis = options.minMillisPerRun ?? 400;
  // Warm-up so the JIT has compiled the regular expressions before timing.
  for (const line of lines) labelLine(line);
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (const line of lines) labelLine(line);
      n += lines.length;
      elapsed = performance.now() - start;
    } while (elapsed < minMillis);
    rates.push((n / elapsed) * 1000);
  }
  const sorted = [...rates].sort((a, b) => a - b);
  return { repliesPerSecond: Math.round(sorted[Math.floor(sorted.length / 2)]!), runs: rates.map(Math.round), replies: lines.length, datasets };
}
