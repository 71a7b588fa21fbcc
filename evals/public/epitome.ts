/**
 * EPITOME (Reddit peer-support replies coded for three empathy mechanisms) as a check on the
 * listening criteria. Each response post is scored as a `listening` reply to its seeker post:
 *   explorations level >= 1         -> asks_open_question
 *   interpretations level >= 1      -> reflects
 *   emotional reactions level >= 1  -> validates_feelings
 * The three files hold the same rows in the same order; rows are joined by (sp_id, rp_id),
 * exact duplicates are dropped and pairs coded twice with different levels are left out.
 * The README gives no human-human agreement figure, so none is reported beside ours.
 */
import type { Criterion } from '../../server/practice/criteria.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';
import { binaryMetrics, confusionOf } from '../metrics.js';
import type { Progress } from '../progress.js';
import { parseCsv } from './csv.js';
import type { PublicResult } from './public-result.js';

export const EPITOME_FILES: { criterion: Criterion; file: string; mechanism: string }[] = [
  { criterion: 'asks_open_question', file: 'explorations-reddit.csv', mechanism: 'explorations' },
  { criterion: 'reflects', file: 'interpretations-reddit.csv', mechanism: 'interpretations' },
  { criterion: 'validates_feelings', file: 'emotional-reactions-reddit.csv', mechanism: 'emotional reactions' },
];

export const EPITOME_THRESHOLD = 1;

interface Pair {
  seeker: string;
  response: string;
  levels: (number | undefined)[];
}

export function measureEpitome(files: readonly string[], progress?: Progress): PublicResult {
  const pairs = new Map<string, Pair>();
  const conflicts = new Set<string>();
  files.forEach((csv, k) => {
    for (const row of parseCsv(csv)) {
      const key = `${row.sp_id}:${row.rp_id}`;
      const level = Number(row.level);
      let pair = pairs.get(key);
      if (!pair) {
        pair = { seeker: row.seeker_post ?? '', response: row.response_post ?? '', levels: EPITOME_FILES.map(() => undefined) };
        pairs.set(key, pair);
      }
      // Explorations and interpretations carry the untouched response text; keep the first seen.
      const seen = pair.levels[k];
      if (seen !== undefined && seen !== level) conflicts.add(key);
      pair.levels[k] = level;
    }
  });
  const items = [...pairs.entries()].filter(([key, p]) => !conflicts.has(key) && p.levels.every((l) => l !== undefined && Number.isFinite(l)));
  const predictions = items.map(([, p]) => {
    const labels = scoreReply({ kind: 'listening', context: p.seeker, reply: p.response }).labels;
    progress?.tick();
    return labels;
  });
  progress?.done();
  const criteria: PublicResult['criteria'] = {};
  EPITOME_FILES.forEach((f, k) => {
    const metrics = binaryMetrics(confusionOf(items.map(([, p], i) => [p.levels[k]! >= EPITOME_THRESHOLD, predictions[i]!.includes(f.criterion)] as const)));
    criteria[f.criterion] = { source: `${f.mechanism} level >= ${EPITOME_THRESHOLD}`, metrics };
  });
  const f1s = Object.values(criteria).map((v) => v!.metrics.f1);
  return {
    dataset: 'EPITOME (Reddit)',
    items: items.length,
    mapping: EPITOME_FILES.map((f) => `${f.mechanism} level >= ${EPITOME_THRESHOLD} -> ${f.criterion}`).concat(
      'context = seeker_post; reply = response_post; kind = listening',
    ),
    criteria,
    meanF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    notes: [
      `${conflicts.size} (sp_id, rp_id) pairs coded twice with different levels were left out; exact duplicates counted once`,
      'human-human agreement: the dataset README gives no figure, so none is shown',
      'the mechanisms are not our criteria: explorations include yes/no questions about feelings, and interpretations include sharing a similar experience',
    ],
  };
}
