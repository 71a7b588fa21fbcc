/**
 * How the person answered the partner's check-in question ("you said you'd pay me back by
 * Friday — did you?"), read from one labelled turn and the commitments being followed up:
 *
 * - `kept`: a past-tense report of the promised action, not negated ("I paid Dev on Friday").
 * - `excuse`: it was not done, and the turn makes an excuse, shifts blame or shrinks it.
 * - `not-yet`: it was not done, said plainly, with a concrete new time ("I haven't. I'll
 *   transfer it tonight.") — owning the slip and putting a day on it.
 * - `broken`: it was not done, no excuse, and no new time.
 *
 * The scorer's labels carry the judgement (makes_excuses, shifts_blame, minimizes); the
 * report itself is read with small, general cues: the commitment's content words (stemmed,
 * with common irregular past forms folded back to their verb) appearing in the turn, a
 * past-tense verb, a negation of having done it, and a day or time chrono-node can read.
 */
// The English parser alone, as in commitments.ts: the root loads a dozen languages.
import * as chrono from 'chrono-node/en';
import type { Criterion } from '../criteria.js';
import { contentStems } from '../scoring/rules/index.js';

export type CheckInReport = 'kept' | 'excuse' | 'not-yet' | 'broken';

/** A commitment being followed up, as the partner remembers it. */
export interface FollowedCommitment {
  text: string;
  /** Marked done in Your commitments. */
  done: boolean;
}

export interface ReportTurn {
  text: string;
  labels: readonly Criterion[];
}

const DEFLECTIONS: readonly Criterion[] = ['makes_excuses', 'shifts_blame', 'minimizes'];

/** Saying it was not done: "I haven't", "didn't get round to it", "not yet", "I forgot". */
const NOT_DONE =
  /\b(i\s+)?(haven'?t|have not|hadn'?t|didn'?t|did not|couldn'?t|could not|wasn'?t able|never (got|did)|not yet|forgot|failed to|still (haven'?t|need to|have to|owe))\b/i;

/** Saying it was done without naming it: "I did", "done", "all sorted". */
const DID_IT = /\b(i did( it| that)?|(it'?s|it is|all) (done|sorted|paid|sent)|done it|did what i said|kept (my|that) (word|promise))\b/i;

/** Irregular past forms the stemmer cannot fold: mapped to the stem of their verb. */
const IRREGULAR_PAST: Record<string, string> = {
  paid: 'pay',
  sent: 'send',
  rang: 'ring',
  told: 'tell',
  bought: 'buy',
  made: 'mak',
  took: 'tak',
  came: 'com',
  went: 'go',
  wrote: 'writ',
  spoke: 'speak',
  gave: 'giv',
  brought: 'bring',
  drove: 'driv',
  met: 'meet',
  found: 'find',
  got: 'get',
  left: 'leav',
  kept: 'keep',
  spent: 'spend',
  put: 'put',
  read: 'read',
  sat: 'sit',
  saw: 'see',
  booked: 'book',
  called: 'call',
  fixed: 'fix',
};

const PAST_VERB = new RegExp(`\\b(${Object.keys(IRREGULAR_PAST).join('|')}|[a-z]{2,}ed|did|done)\\b`, 'i');

/** Words of the promise that say nothing of the action itself. */
const PROMISE_WORDS = new Set(['will', 'going', 'promis', 'make', 'sure', 'try', 'want', 'need', 'next', 'time', 'from', 'now', 'again']);

function actionStems(text: string): Set<string> {
  const stems = contentStems(text.toLowerCase());
  for (const word of text.toLowerCase().match(/[a-z']+/g) ?? []) {
    const irregular = IRREGULAR_PAST[word];
    if (irregular) stems.add(irregular);
  }
  for (const word of PROMISE_WORDS) stems.delete(word);
  return stems;
}

/** The turn names the promised action: shares a content word (as a stem) with the commitment. */
export function mentionsCommitment(text: string, commitment: string): boolean {
  const promised = actionStems(commitment);
  for (const s of actionStems(text)) if (promised.has(s)) return true;
  return false;
}

/** Words that put what follows in the future: "I'll", "I'm going to", "by". */
const FUTURE = /\b(i'?ll|i will|i'?m going to|i am going to|i'?m gonna|i can|by)\b/i;
/** Times that are future on their own, with no "I'll" before them: "Not yet. Tonight." */
const FUTURE_ON_ITS_OWN = /\b(tonight|tomorrow|this (morning|afternoon|evening|weekend|week)|next|later today)\b/i;

/** Whether words name a time does not depend on the day they are read, so the fold stays pure. */
const ANY_DAY = new Date(Date.UTC(2026, 0, 5));

/**
 * A concrete new time: a day or time chrono-node can read, after a word that makes it future
 * ("I'll do it on Saturday"), or one that is future on its own ("tonight"). "I didn't do it on
 * Friday" names the missed day, not a new one.
 */
export function namesNewTime(text: string): boolean {
  const future = FUTURE.exec(text);
  const segment = future ? text.slice(future.index) : text;
  return chrono
    .parse(segment, ANY_DAY, { forwardDate: true })
    .some((result) => !/^(right )?now$/i.test(result.text.trim()) && (future !== null || FUTURE_ON_ITS_OWN.test(result.text)));
}

/**
 * What the turn reports about the commitments, or null when it reports nothing yet (a
 * greeting, a question back): the partner then waits for the answer.
 */
export function readCheckInReport(turn: ReportTurn, commitments: readonly FollowedCommitment[]): CheckInReport | null {
  if (commitments.length === 0) return null;
  const text = turn.text;
  const deflects = turn.labels.some((label) => DEFLECTIONS.includes(label));
  const named = commitments.some((c) => mentionsCommitment(text, c.text));
  const notDone = NOT_DONE.test(text);
  if (!notDone) {
    const reportsDoing = (named && PAST_VERB.test(text)) || DID_IT.test(text);
    if (reportsDoing) return 'kept';
    // An excuse with no report is still an answer: whatever it was, it was not done.
    return deflects ? 'excuse' : null;
  }
  if (deflects) return 'excuse';
  return namesNewTime(text) ? 'not-yet' : 'broken';
}
