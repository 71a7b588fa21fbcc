/**
 * (d) The offline scorer's replies per second. Uses `measureScorerThroughput()` from
 * evals/throughput.ts when that module exists (the eval harness's own measure); otherwise
 * times scoreReply over the labelled replies of the eval datasets, which are varied.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../server/bootstrap.js';
import { scoreReply } from '../server/practice/scoring/offline-scorer.js';
import type { ReplyToScore } from '../server/practice/scoring/scorer.js';
import { median } from './stats.js';

export interface ScorerResult {
  source: 'evals/throughput.ts' | 'scoreReply over the eval datasets';
  repliesPerSecond: number;
  perRep: number[];
  replies: number;
}

export async function measureScorer({ reps, seconds }: { reps: number; seconds: number }): Promise<ScorerResult> {
  const external = path.join(ROOT, 'evals', 'throughput.ts');
  if (existsSync(external)) {
    const module = (await import(external)) as { measureScorerThroughput?: () => unknown };
    if (typeof module.measureScorerThroughput === 'function') {
      const perRep: number[] = [];
      for (let rep = 0; rep < reps; rep++) perRep.push(readRate(await module.measureScorerThroughput()));
      return { source: 'evals/throughput.ts', repliesPerSecond: median(perRep), perRep, replies: 0 };
    }
  }
  const replies = loadReplies();
  for (const reply of replies) scoreReply(reply);
  const perRep: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    let scored = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      for (const reply of replies) scoreReply(reply);
      scored += replies.length;
    }
    perRep.push(scored / ((performance.now() - started) / 1000));
  }
  return { source: 'scoreReply over the eval datasets', repliesPerSecond: median(perRep), perRep, replies: replies.length };
}

/** Accepts a number or an object with a per-second figure, whatever shape the eval module returns. */
function readRate(result: unknown): number {
  if (typeof result === 'number') return result;
  const record = result as Record<string, unknown>;
  for (const key of ['repliesPerSecond', 'perSecond', 'rate', 'throughput']) if (typeof record?.[key] === 'number') return record[key] as number;
  throw new Error(`measureScorerThroughput() returned no replies-per-second figure: ${JSON.stringify(result).slice(0, 200)}`);
}

function loadReplies(): ReplyToScore[] {
  const dir = path.join(ROOT, 'evals', 'datasets');
  return ['replies-train.jsonl', 'replies-holdout.jsonl']
    .filter((file) => existsSync(path.join(dir, file)))
    .flatMap((file) =>
      readFileSync(path.join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim()),
    )
    .map((line) => JSON.parse(line) as ReplyToScore)
    .map(({ kind, context, reply }) => ({ kind, context: context ?? '', reply }));
}
