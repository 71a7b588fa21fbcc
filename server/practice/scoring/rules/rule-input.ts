/**
 * What every rule group reads, built once per reply: the analysed reply and context, the
 * context's content stems, and whether the other person asked for advice.
 */
import type { Kind } from '../../criteria.js';
import type { Hit } from './evidence.js';
import { sentenceHit } from './evidence.js';
import type { Criterion } from '../../criteria.js';
import type { AnalysedText, Sentence } from './text-analysis.js';

export interface RuleInput {
  kind: Kind;
  reply: AnalysedText;
  context: AnalysedText;
  contextStems: Set<string>;
  /** The other person asked what to do, so advice is not unsolicited. */
  adviceRequested: boolean;
}

/** Compiles a list of pattern sources into one word-bounded alternation (one regex test per sentence). */
export function anyOf(patterns: readonly string[], flags = ''): RegExp {
  // The end check is a word boundary only when the pattern ends on a letter ("so " may end on a space).
  return new RegExp(`(?:^|[^a-z0-9'])(?:${patterns.join('|')})(?:(?<=[^a-z0-9'])|(?![a-z0-9]))`, flags);
}

/** The first sentence-level hit of `re` for each sentence that passes `accept`. */
export function matchSentences(
  criterion: Criterion,
  sentences: readonly Sentence[],
  re: RegExp,
  accept: (sentence: Sentence, match: RegExpExecArray) => boolean = () => true,
): Hit[] {
  const hits: Hit[] = [];
  for (const s of sentences) {
    const m = re.exec(s.text);
    if (m && accept(s, m)) hits.push(sentenceHit(criterion, s, s.start + m.index));
  }
  return hits;
}
