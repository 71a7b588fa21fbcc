/**
 * A reply read once with wink-nlp's English model: tokens with lemma, part of speech and
 * negation, sentence spans, clauses between breaks, who each subject word points at, and the
 * content stems a reflection would share with the partner's line (stemmed as the rules stem the
 * context, so the two sides compare without reading the context twice).
 */
import type { PartOfSpeech } from 'wink-nlp';
import { english as nlp } from '../../english-reader.js';
import { stem } from '../rules/index.js';
import { CAUSAL, CONTENT_POS, GENERIC, IT, LISTENER, NEGATORS, PEOPLE, SPEAKER, STOP_LEMMAS, THIRD, type Person } from './meaning-lexicon.js';

const its = nlp.its;

/** `neg`: the word itself negates (wink splits "didn't" into "did" and "not"). */
export interface Token {
  word: string;
  lemma: string;
  pos: PartOfSpeech;
  neg: boolean;
}

export interface Read {
  tokens: Token[];
  sentences: [number, number][];
}

export function read(text: string): Read {
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out(its.normal);
  // wink's types declare `its.lemma` with an addons parameter that `out` supplies itself.
  const lemmas = doc.tokens().out(its.lemma as typeof its.normal);
  const pos = doc.tokens().out(its.pos) as PartOfSpeech[];
  const tokens: Token[] = words.map((word, i) => ({ word, lemma: lemmas[i] ?? word, pos: pos[i]!, neg: NEGATORS.has(word) }));
  return { tokens, sentences: doc.sentences().out(its.span) as unknown as [number, number][] };
}

export function personOf(t: Token): Person | undefined {
  const w = t.word;
  if (SPEAKER.has(w)) return 'SPEAKER';
  if (LISTENER.has(w)) return 'LISTENER';
  if (THIRD.has(w)) return 'THIRD';
  if (GENERIC.has(w)) return 'GENERIC';
  if (IT.has(w)) return 'IT';
  if (t.pos === 'PROPN') return 'NAMED';
  if (t.pos === 'NOUN') return PEOPLE.has(t.lemma) ? 'THIRD' : 'THING';
  return undefined;
}

export const isVerbish = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';
export const isPast = (t: Token) => t.pos === 'VERB' && t.word !== t.lemma && !t.word.endsWith('ing') && !t.word.endsWith('s');
export const isBreak = (t: Token) => t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || CAUSAL.has(t.word);

/**
 * Content words of the reply (nouns, verbs, adjectives, adverbs that say something), stemmed as
 * the rules stem the context, so the two sides compare without reading the context twice.
 */
export function contentStemsOf(tokens: readonly Token[]): (string | undefined)[] {
  return tokens.map((t) => (CONTENT_POS.has(t.pos) && !STOP_LEMMAS.has(t.lemma) && t.word.length > 2 ? stem(t.word) : undefined));
}

/** Distinct content stems among tokens `from`…`to`, and how many of them the context has. */
export function sharedWith(stems: readonly (string | undefined)[], from: number, to: number, ctx: ReadonlySet<string>): { size: number; shared: number } {
  const seen = new Set<string>();
  let shared = 0;
  for (let i = from; i <= to; i++) {
    const l = stems[i];
    if (l === undefined || seen.has(l)) continue;
    seen.add(l);
    if (ctx.has(l)) shared++;
  }
  return { size: seen.size, shared };
}

/** A clause: the stretch between two breaks, with the word that opened it. */
interface Clause {
  conn: string;
  start: number;
  end: number;
}

export function clausesOf(tokens: readonly Token[], from: number, to: number): Clause[] {
  const out: Clause[] = [];
  let conn = 'start';
  let start = from;
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    if (!isBreak(t)) continue;
    if (i > start) out.push({ conn, start, end: i - 1 });
    conn =
      t.pos === 'PUNCT' ? (t.word === ',' || t.word === ';' || t.word === '—' || t.word === '-' ? 'comma' : 'start') : CAUSAL.has(t.word) ? 'because' : t.word;
    start = i + 1;
  }
  if (start <= to) out.push({ conn, start, end: to });
  return out;
}
