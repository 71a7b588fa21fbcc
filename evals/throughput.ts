/**
 * Throughput of the offline scorer on one core: replies scored per second, the median of
 * several timed runs over the dev set (when present) and our own labelled replies. Used by
 * `eval throughput` and by the benchmark suite.
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

export function loadThroughputReplies(paths: readonly string[] = THROUGHPUT_DATASETS): { replies: ReplyToScore[]; datasets: string[] } {
  const replies: ReplyToScore[] = [];
  const datasets: string[] = [];
  for (const path of paths) {
    const full = resolve(process.cwd(), path);
    if (!existsSync(full)) continue;
    replies.push(...parseDataset(readFileSync(full, 'utf8'), { requireLabels: false, source: path }));
    datasets.push(path);
  }
  if (replies.length === 0) throw new Error(`no replies found for the throughput run in ${paths.join(', ')}`);
  return { replies, datasets };
}

export function measureScorerThroughput(options: { runs?: number; minMillisPerRun?: number; paths?: readonly string[] } = {}): ThroughputResult {
  const { replies, datasets } = loadThroughputReplies(options.paths);
  const runs = options.runs ?? 7;
  const minMillis = options.minMillisPerRun ?? 400;
  // Warm-up so the JIT has compiled the regular expressions before timing.
  for (const r of replies) scoreReply(r);
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (const r of replies) scoreReply(r);
      n += replies.length;
      elapsed = performance.now() - start;
    } while (elapsed < minMillis);
    rates.push((n / elapsed) * 1000);
  }
  const sorted = [...rates].sort((a, b) => a - b);
  return { repliesPerSecond: Math.round(sorted[Math.floor(sorted.length / 2)]!), runs: rates.map(Math.round), replies: replies.length, datasets };
}
