/**
 * Progress worth celebrating (issue 13): from past attempts, the person's personal best per
 * criterion, how many promises they kept, and for a repeated scenario what improved since the
 * previous attempt, in words ("you owned it in your first turn this time; last time it took
 * four"). A pure function of past sessions' labelled turns; the routes read them and answer.
 */
import { z } from 'zod';
import { CRITERION_LABELS, KIND_RUBRIC, criterionSchema, type Criterion, type Kind } from '../criteria.js';

/** One past session as progress reads it: the labels of each of the person's turns, in order. */
export interface Attempt {
  sessionId: string;
  scenarioId: string;
  kind: Kind;
  createdAt: string;
  resolved: boolean;
  trust: number;
  turns: readonly (readonly Criterion[])[];
}

export const personalBestSchema = z.object({
  criterion: criterionSchema,
  /** The best share of turns that showed this move in one session, 0–1. */
  share: z.number(),
  sessionId: z.string(),
  createdAt: z.string(),
});

export const scenarioComparisonSchema = z.object({
  scenarioId: z.string(),
  sessionId: z.string(),
  previousSessionId: z.string(),
  /** What got better since the previous attempt, one sentence each. */
  improved: z.array(z.string()),
});

/** GET /api/progress/highlights. */
export const progressHighlightsSchema = z.object({
  bests: z.array(personalBestSchema),
  commitments: z.object({ kept: z.number(), total: z.number() }),
  scenarios: z.array(scenarioComparisonSchema),
});
export type ProgressHighlights = z.infer<typeof progressHighlightsSchema>;

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const count = (n: number) => NUMBER_WORDS[n] ?? String(n);
const ordinal = (n: number) => ORDINALS[n] ?? `${n}th`;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${count(n)} times`);

/** The person's turn (from 1) that first showed the move, or null. */
function firstTurn(attempt: Attempt, criterion: Criterion): number | null {
  const index = attempt.turns.findIndex((labels) => labels.includes(criterion));
  return index < 0 ? null : index + 1;
}

function timesShown(attempt: Attempt, criterion: Criterion): number {
  return attempt.turns.filter((labels) => labels.includes(criterion)).length;
}

/** What improved from `previous` to `latest`, two attempts at the same scenario. */
export function compareAttempts(previous: Attempt, latest: Attempt): string[] {
  const rubric = KIND_RUBRIC[latest.kind];
  const improved: string[] = [];
  for (const criterion of rubric.positive) {
    const now = firstTurn(latest, criterion);
    const before = firstTurn(previous, criterion);
    if (now === null || (before !== null && now >= before)) continue;
    const label = CRITERION_LABELS[criterion];
    improved.push(
      before === null
        ? `you ${label} in your ${ordinal(now)} turn this time; last time it never came`
        : `you ${label} in your ${ordinal(now)} turn this time; last time it took ${count(before)}`,
    );
  }
  for (const criterion of rubric.redFlags) {
    const now = timesShown(latest, criterion);
    const before = timesShown(previous, criterion);
    if (now < before) improved.push(`${CRITERION_LABELS[criterion]}: ${now === 0 ? 'not once' : times(now)} this time, ${times(before)} last time`);
  }
  if (latest.resolved && !previous.resolved) improved.push(`it resolved in ${count(latest.turns.length)} turns; last time it did not resolve`);
  else if (latest.resolved && previous.resolved && latest.turns.length < previous.turns.length) {
    improved.push(`it resolved in ${count(latest.turns.length)} turns this time; last time it took ${count(previous.turns.length)}`);
  }
  if (latest.trust > previous.trust) improved.push(`trust reached ${latest.trust} this time; last time ${previous.trust}`);
  return improved;
}

/** The attempt before `latest` at the same scenario, if there is one. */
export function previousAttempt(attempts: readonly Attempt[], latest: Attempt): Attempt | undefined {
  return attempts
    .filter((a) => a.scenarioId === latest.scenarioId && a.sessionId !== latest.sessionId && a.createdAt < latest.createdAt && a.turns.length > 0)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
}

export function progressHighlights(attempts: readonly Attempt[], commitments: readonly { done: boolean }[]): ProgressHighlights {
  const played = attempts.filter((a) => a.turns.length > 0);
  const bests: ProgressHighlights['bests'] = [];
  const positive = new Set<Criterion>([...KIND_RUBRIC.apology.positive, ...KIND_RUBRIC.listening.positive, ...KIND_RUBRIC.draft.positive]);
  for (const criterion of positive) {
    let best: ProgressHighlights['bests'][number] | undefined;
    for (const attempt of played) {
      if (!(KIND_RUBRIC[attempt.kind].positive as readonly Criterion[]).includes(criterion)) continue;
      const share = timesShown(attempt, criterion) / attempt.turns.length;
      if (share > 0 && (!best || share > best.share)) best = { criterion, share, sessionId: attempt.sessionId, createdAt: attempt.createdAt };
    }
    if (best) bests.push(best);
  }
  const latestByScenario = new Map<string, Attempt>();
  for (const attempt of played) {
    const known = latestByScenario.get(attempt.scenarioId);
    if (!known || attempt.createdAt > known.createdAt) latestByScenario.set(attempt.scenarioId, attempt);
  }
  const scenarios = [...latestByScenario.values()].flatMap((latest) => {
    const previous = previousAttempt(played, latest);
    return previous
      ? [{ scenarioId: latest.scenarioId, sessionId: latest.sessionId, previousSessionId: previous.sessionId, improved: compareAttempts(previous, latest) }]
      : [];
  });
  return { bests, commitments: { kept: commitments.filter((c) => c.done).length, total: commitments.length }, scenarios };
}
