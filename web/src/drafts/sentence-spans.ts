/** Places a draft's evidence inside each of its sentences, for the sentence-by-sentence view. */
import type { HighlightSpan } from '../components/highlighted-text.js';

/** The evidence inside one sentence, with offsets made relative to it (cut at its edges). */
export function spansWithin(sentence: { start: number; end: number }, evidence: readonly HighlightSpan[]): HighlightSpan[] {
  return evidence
    .filter((e) => e.start < sentence.end && e.end > sentence.start)
    .map((e) => {
      const start = Math.max(e.start, sentence.start) - sentence.start;
      const end = Math.min(e.end, sentence.end) - sentence.start;
      const whole = e.start >= sentence.start && e.end <= sentence.end;
      // A span cut at the sentence's edge no longer matches its quote: place it by offsets alone.
      return whole && e.quote !== undefined ? { criterion: e.criterion, start, end, quote: e.quote } : { criterion: e.criterion, start, end };
    });
}
