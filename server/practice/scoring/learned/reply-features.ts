/**
 * Features for the small logistic-regression "second opinion" on listening replies
 * (`reply-classifier.ts`). The same function runs when the weights are trained
 * (`evals/train/train-classifier.ts`) and when a reply is scored, so the two cannot drift.
 *
 * Why these features: reflections and advice are mostly carried by short word sequences at the
 * start of a sentence ("so you", "you might", "it sounds"), by whether the reply talks about the
 * other ("you") and reuses their words, and by whether it is a question. Word and bigram
 * features capture the first; a handful of hand features the rest. Everything is a string, so
 * the committed weights are feature names and numbers only.
 */
import { stripLead, type AnalysedText } from '../rules/index.js';
import { bucket } from './bucket.js';

const WORDS = /[a-z][a-z']*|\d+|\?/g;
/** Fillers that carry nothing for either criterion; dropping them keeps bigrams meaningful. */
const FILLERS = new Set(['um', 'uh', 'er', 'mm', 'mmm', 'hmm', 'mhm', 'mm-hmm', 'uh-huh', 'like', 'kinda', 'sorta']);

/** Word and bigram features of one stretch of normalised text ("w:so", "b:so_you"). */
export function classifierWordFeatures(norm: string, out: string[]): void {
  const words = (norm.match(WORDS) ?? []).filter((w) => !FILLERS.has(w));
  for (let i = 0; i < words.length; i++) {
    out.push(`w:${words[i]}`);
    if (i > 0) out.push(`b:${words[i - 1]}_${words[i]}`);
  }
}

/**
 * All features of a reply given its analysed text, the context's content stems and the rule
 * labels already found (the classifier learns when a rule's verdict is reliable).
 */
export function classifierFeatures(
  reply: AnalysedText,
  contextStems: ReadonlySet<string>,
  replyStems: ReadonlySet<string>,
  ruleLabels: readonly string[],
): string[] {
  const out: string[] = ['bias'];
  classifierWordFeatures(reply.norm, out);
  const first = reply.sentences[0];
  if (first) {
    const lead = stripLead(first.text).match(/[a-z][a-z']*/g) ?? [];
    if (lead[0]) out.push(`f:${lead[0]}`);
    if (lead[1]) out.push(`f2:${lead[0]}_${lead[1]}`);
  }
  const last = reply.sentences.at(-1);
  if (last?.isQuestion) out.push('endsQuestion');
  if (reply.sentences.some((s) => s.isQuestion)) out.push('hasQuestion');
  const words = reply.norm.split(/\s+/).filter(Boolean).length;
  out.push(`len:${bucket(words, [3, 6, 12, 25, 50])}`);
  out.push(`sents:${bucket(reply.sentences.length, [1, 2, 4])}`);
  let shared = 0;
  for (const s of replyStems) if (contextStems.has(s)) shared++;
  out.push(`shared:${bucket(shared, [0, 1, 3])}`);
  if (replyStems.size > 0) out.push(`sharedShare:${bucket(shared / replyStems.size, [0, 0.2, 0.5])}`);
  if (/\b(?:you|your|you're|you've|yourself)\b/.test(reply.norm)) out.push('second');
  if (/\b(?:i|i'm|i've|me|my)\b/.test(reply.norm)) out.push('first');
  if (contextStems.size === 0) out.push('noContext');
  for (const label of ruleLabels) out.push(`rule:${label}`);
  return out;
}
