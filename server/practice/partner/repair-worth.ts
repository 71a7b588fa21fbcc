/**
 * How much an offered repair is worth to the partner. A hurt person has heard "I'll do
 * better" before: a specific action with a when earns the repair's full weight, a specific
 * action with no when a little less, a vague promise much less, and the same promise again
 * with nothing new in it earns nothing.
 *
 * Plain word checks over the words the scorer quoted as the repair (or the sentence around
 * them): no date parser is needed to tell "on Saturday" or "every Sunday" from "soon".
 */
import type { EvidenceSpan } from '../scoring/scorer.js';

/** What a repair is read from: a turn's text and the scorer's quotes (a labelled turn is one). */
export interface RepairTurn {
  text: string;
  evidence: readonly EvidenceSpan[];
}

export type RepairKind = 'concrete' | 'specific' | 'vague' | 'repeated';

export const REPAIR_WORTH: Record<RepairKind, number> = {
  concrete: 1,
  specific: 0.75,
  vague: 0.4,
  repeated: 0,
};

export interface RepairRead {
  kind: RepairKind;
  worth: number;
  /** The content words of this repair, remembered so a repeat can be recognised later. */
  words: string[];
}

/** When: a day, a time of day, a date, a stretch ("this week"), or a habit ("every Sunday"). */
const WHEN =
  /\b(today|tonight|tomorrow|this (morning|afternoon|evening|week|weekend|month)|next (week|weekend|month|time)|(on|by|before|this|next|every) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|night|morning|week|weekend|month)|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|every (single )?(day|night|week|time)|from now on|right (now|away)|straight away|first thing|before (you|the|we|i|it)|after (work|school|dinner)|in the morning|at \d{1,2}(:\d{2})?|\d{1,2}(:\d{2})? ?(am|pm|o'clock)|\d{1,2}(st|nd|rd|th)|by the end of|within (a|an|the|\d+) \w+|(once|twice) a (day|week|month))\b/i;

/** Promises with no action in them: they say the person will change, not what they will do. */
const VAGUE =
  /\b(do better|be better|try (harder|my best)|won'?t happen again|never (happen|do (that|it)) again|make it up to you|change\b|work on (it|myself|this)|make (it|this|things) right|be more (careful|thoughtful|considerate)|it won'?t happen)\b/i;

const STOP = new Set(
  'i im ill id ive me my mine you your youre we us our it its this that these those the a an and or but if so to of in on at for with from by about as be is am are was were will would can could should shall do does did not no just really very going gonna want like make sure then than there here what when how'.split(
    ' ',
  ),
);

function contentWords(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .replace(/['’]/g, '')
        .match(/[a-z0-9]+/g) ?? [],
    ),
  ].filter((w) => w.length > 2 && !STOP.has(w));
}

/** The words of the turn that make the repair: the scorer's quotes, widened to their sentences. */
function repairText(turn: RepairTurn): string {
  const spans = turn.evidence.filter((e) => e.criterion === 'proposes_action');
  if (spans.length === 0) return turn.text;
  const sentences = turn.text.split(/(?<=[.!?])\s+/);
  let offset = 0;
  const picked: string[] = [];
  for (const sentence of sentences) {
    const start = turn.text.indexOf(sentence, offset);
    const end = start + sentence.length;
    offset = end;
    if (spans.some((s) => s.start < end && s.end > start)) picked.push(sentence);
  }
  return picked.length > 0 ? picked.join(' ') : spans.map((s) => s.quote).join(' ');
}

/**
 * Reads the repair in `turn` against the words of the repairs already offered. A repair is a
 * repeat when it adds fewer than two content words the earlier ones did not have.
 */
export function readRepair(turn: RepairTurn, earlierWords: readonly string[]): RepairRead {
  const text = repairText(turn);
  const words = contentWords(text);
  const known = new Set(earlierWords);
  const fresh = words.filter((w) => !known.has(w));
  let kind: RepairKind;
  if (earlierWords.length > 0 && fresh.length < 2) kind = 'repeated';
  else if (WHEN.test(text) && !VAGUE.test(text.replace(WHEN, ''))) kind = 'concrete';
  else if (VAGUE.test(text) || words.length < 4) kind = 'vague';
  else kind = 'specific';
  return { kind, worth: REPAIR_WORTH[kind], words };
}
