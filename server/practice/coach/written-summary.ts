/**
 * Feedback on a written summary of a listening session ("So what I took from tonight is…"):
 * which of the partner's needs it captures, which it misses, and any claim in it that the
 * partner never said. Offline, from the scenario's needs and the transcript.
 *
 * Words are compared as lemmas read by wink-nlp's English model (then stemmed), so "asked" in
 * the summary meets "asking" in the transcript. A need counts as captured when the summary
 * uses one of its specific cues, or shares two content words with what the need says. A
 * sentence counts as not said when most of its content words (and at least two) never came up
 * in the partner's lines (or the feelings the scenario's cues name), or when it names a number
 * the partner never said: the summariser's
 * own framing ("what I heard is", "you feel") is not a claim and is left out of the count.
 */
import type { PartOfSpeech } from 'wink-nlp';
import { english } from '../english-reader.js';
import { z } from 'zod';
import { stem } from '../scoring/rules/index.js';
import type { Need, Scenario } from '../scenarios/scenario-schema.js';
import { splitSentences } from './sentences.js';

export const MAX_SUMMARY_CHARS = 2000;

/** The answer of POST /api/sessions/:id/summary, and what the scorecard shows. */
export const summaryReviewSchema = z.object({
  /** Ids of the partner's needs the summary captured, in the scenario's order. */
  covered: z.array(z.string()),
  missed: z.array(z.string()),
  /** Sentences of the summary that claim what the partner never said, quoted. */
  notSaid: z.array(z.string()),
  /** 0–100: the share of needs captured, less 20 for each claim not said. */
  score: z.number(),
  /** Whose read it is: the model's (with a model configured, when it answered usably) or the offline one. */
  by: z.enum(['model', 'offline']).optional(),
});
export type SummaryReview = z.infer<typeof summaryReviewSchema>;

const CONTENT_POS = new Set<PartOfSpeech>(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);

/** How a person frames a summary, not what they claim was said. */
const FRAMING = new Set(
  (
    'hear heard say said tell told take took sound seem feel felt think understand get mean know realise realize notice ' +
    'tonight today really just so also right lot thing way kind sort bit actually basically maybe main mainly ' +
    'want like need talk talked share shared sum summary summarise summarize take-away point'
  ).split(/\s+/),
);

/** Validating words ("that makes total sense") say how the listener sees it: no claim about what was said. */
const VALIDATING = new Set('make makes sense total totally completely understandable natural course anyone wonder'.split(/\s+/));

const CLAIM_FRAMING = new Set([...FRAMING, ...VALIDATING]);

interface ContentWord {
  word: string;
  key: string;
  number: boolean;
}

function contentWords(text: string, ignore: ReadonlySet<string> = FRAMING): ContentWord[] {
  const { its } = english;
  const doc = english.readDoc(text);
  const words = doc.tokens().out(its.normal);
  // wink's types declare `its.lemma` with an addons parameter that `out` supplies itself.
  const lemmas = doc.tokens().out(its.lemma as typeof its.normal);
  const pos = doc.tokens().out(its.pos) as PartOfSpeech[];
  const stop = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const out: ContentWord[] = [];
  words.forEach((word, i) => {
    const lemma = (lemmas[i] ?? word).toLowerCase();
    const number = pos[i] === 'NUM';
    if (!CONTENT_POS.has(pos[i]!) || (stop[i] && !number)) return;
    if (ignore.has(lemma) || ignore.has(word) || !/[a-z0-9]/.test(word)) return;
    out.push({ word, key: stem(lemma.replace(/'s$/, '')), number });
  });
  return out;
}

/** Cue words that fit any summary ("how", "what" and "you" are stop words already). */
const GENERIC_CUE = new Set('feel like need tell say hear'.split(' '));

/** A cue says something specific when it has a content word beyond the generic ones ("didn't know" does; "tell me" does not). */
function specificCue(cue: string): boolean {
  return contentWords(cue, GENERIC_CUE).length > 0;
}

function cueFound(cue: string, lowerText: string): boolean {
  return new RegExp(`\\b${cue.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(lowerText);
}

function needCaptured(need: Need, summary: string, summaryKeys: Set<string>): boolean {
  const lower = summary.toLowerCase();
  if ((need.cues ?? []).some((cue) => specificCue(cue) && cueFound(cue, lower))) return true;
  const says = new Set(contentWords(need.says).map((w) => w.key));
  let shared = 0;
  for (const key of says) if (summaryKeys.has(key)) shared++;
  return shared >= 2;
}

/**
 * Reviews a summary against the scenario's needs and what the partner said (their lines,
 * opening included).
 */
export function reviewSummary(scenario: Scenario, partnerLines: readonly string[], summary: string): SummaryReview {
  const summaryKeys = new Set(contentWords(summary).map((w) => w.key));
  const covered = scenario.needs.filter((need) => needCaptured(need, summary, summaryKeys)).map((need) => need.id);

  // Naming a feeling the scenario says the partner carries (a need's cue) reflects it; it is not made up.
  const cues = scenario.needs.flatMap((need) => need.cues ?? []);
  const said = new Set([...partnerLines, ...cues].flatMap((line) => contentWords(line).map((w) => w.key)));
  const notSaid = splitSentences(summary)
    .filter((sentence) => {
      const words = contentWords(sentence.text, CLAIM_FRAMING);
      const unsupported = words.filter((w) => !said.has(w.key));
      if (unsupported.some((w) => w.number)) return true;
      return unsupported.length >= 2 && unsupported.length / words.length > 0.5;
    })
    .map((sentence) => sentence.text);

  return withScore(scenario, covered, notSaid);
}

/** The review from what was captured and what was made up: one formula for both readers. */
export function withScore(scenario: Scenario, covered: readonly string[], notSaid: readonly string[]): SummaryReview {
  const captured = scenario.needs.filter((need) => covered.includes(need.id)).map((need) => need.id);
  const missed = scenario.needs.filter((need) => !captured.includes(need.id)).map((need) => need.id);
  const share = scenario.needs.length ? captured.length / scenario.needs.length : 0;
  const score = Math.max(0, Math.min(100, Math.round(share * 100 - notSaid.length * 20)));
  return { covered: captured, missed, notSaid: [...notSaid], score };
}
