/**
 * Evidence spans: the words of the raw reply that show a label. Rules find matches in the
 * normalised text; this module maps them back to raw offsets and widens them to the clause or
 * sentence that carries the meaning, so the quote always equals `reply.slice(start, end)`.
 */
import type { Criterion } from '../../criteria.js';
import type { EvidenceSpan } from '../scorer.js';
import type { AnalysedText, Sentence } from './text-analysis.js';

/** A rule's finding, in normalised offsets. */
export interface Hit {
  criterion: Criterion;
  start: number;
  end: number;
}

/** Sentences longer than this are narrowed to the clause around the match. */
const LONG_SENTENCE = 160;
const CLAUSE_BREAK = /\s[—–-]{1,2}\s|;\s|:\s|,\s(?=(?:but|and|so|which|because|though)\b)/g;

/** The index of the sentence a hit starts in, or -1. */
export function sentenceIndex(text: AnalysedText, hit: Hit): number {
  for (const s of text.sentences) if (hit.start >= s.start && hit.start < s.end) return s.index;
  return -1;
}

/** The indexes of the sentences some hit starts in. */
export function sentencesOf(text: AnalysedText, hits: readonly Hit[]): Set<number> {
  return new Set(hits.map((h) => sentenceIndex(text, h)));
}

export function sentenceHit(criterion: Criterion, sentence: Sentence, matchIndex?: number): Hit {
  if (matchIndex === undefined || sentence.end - sentence.start <= LONG_SENTENCE) {
    return { criterion, start: sentence.start, end: sentence.end };
  }
  // Narrow a long sentence to the clause holding the match.
  let start = sentence.start;
  let end = sentence.end;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(sentence.text)) !== null) {
    const abs = sentence.start + m.index;
    if (abs <= matchIndex) start = abs + m[0].length;
    else {
      end = abs;
      break;
    }
  }
  return { criterion, start, end };
}

/** Maps a hit to raw offsets, trims spaces and edge punctuation, and quotes it. */
export function toEvidence(text: AnalysedText, hit: Hit): EvidenceSpan {
  let start = text.rawIndex[hit.start] ?? 0;
  let end = hit.end > hit.start ? (text.rawIndex[hit.end - 1] ?? text.raw.length - 1) + 1 : start;
  const raw = text.raw;
  while (start < end && /[\s,;:—–-]/.test(raw[start]!)) start++;
  while (end > start && /[\s,;:—–-]/.test(raw[end - 1]!)) end--;
  if (end <= start) {
    start = 0;
    end = raw.length;
  }
  return { criterion: hit.criterion, start, end, quote: raw.slice(start, end) };
}
