/**
 * Warming the offline scorer, so a person's turns do not pay for its start.
 *
 * Why: its first calls load its models and compile its patterns (tens of milliseconds), and
 * after that it stays slow for a few hundred replies — V8 has not yet optimised its code and
 * wink-nlp's cache of words is empty. A new reply cost ~0.7–0.85 ms after a handful of warm-up
 * calls and ~0.34–0.37 ms after 200 replies of other text (replies by one writer, read after
 * 9 or 200 by another; `scoreReply` timed per call). Someone practising alone never sends
 * hundreds of turns, so every one of their turns paid the difference in front of the partner's
 * first word.
 *
 * So the server scores a few replies before it serves (the loading), and once it serves it reads
 * the scenarios' own text — openings, reactions, needs, tips — one line per turn of the event
 * loop: a request that arrives meanwhile waits for at most one line (under a millisecond, or a
 * few when V8 compiles or collects garbage in it; all of it in the first quarter second).
 */
import type { Kind } from './practice/criteria.js';
import type { Scenario } from './practice/scenarios/scenario-schema.js';

const MAX_LINE = 400;

type Score = (input: { kind: Kind; context: string; reply: string }) => unknown;

const FIRST_REPLIES = [
  "I'm sorry I left you there; that was my fault, and I'll make it right.",
  'It sounds like that was really hard. What was it like?',
  'You should just move on.',
];

/** Loads the scorer's models: a few replies of each kind, at once. */
export function warmScorerNow(score: Score, kinds: readonly Kind[]): void {
  for (const kind of kinds) for (const reply of FIRST_REPLIES) score({ kind, context: 'You left me waiting.', reply });
}

/**
 * Scores up to `limit` lines of the scenarios' text, one per turn of the event loop, and
 * resolves when done. The lines are taken from each scenario in turn, so a limit still
 * covers them all.
 */
export function warmScorerInBackground(score: Score, scenarios: readonly Scenario[], limit = 300): Promise<number> {
  const queues = scenarios.map((scenario) => ({ scenario, lines: linesOf(scenario) }));
  const work: { kind: Kind; context: string; reply: string }[] = [];
  for (let i = 0; work.length < limit && queues.some((q) => i < q.lines.length); i++) {
    for (const { scenario, lines } of queues) {
      const reply = lines[i];
      if (reply !== undefined && work.length < limit) work.push({ kind: scenario.kind, context: scenario.partner.opening, reply });
    }
  }
  return new Promise((resolve) => {
    let next = 0;
    const step = () => {
      if (next >= work.length) return resolve(work.length);
      score(work[next++]!);
      setImmediate(step);
    };
    setImmediate(step);
  });
}

/**
 * Every distinct line of a scenario — a string of four words or more and at most a few
 * sentences (a long background would hold the event loop too long) — in the order written.
 */
function linesOf(scenario: Scenario): string[] {
  const lines = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.length <= MAX_LINE && value.split(/\s+/).length >= 4) lines.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(scenario);
  return [...lines];
}
