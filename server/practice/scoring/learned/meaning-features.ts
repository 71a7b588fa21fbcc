/**
 * Features that carry meaning across wordings, read with wink-nlp's English model (parts of
 * speech, lemmas) rather than with lists of phrases.
 *
 * Why: each writer words an excuse, a blame or a piece of advice their own way, and a rule list
 * only knows the wordings it was shown. What transfers is the shape underneath: who is the
 * subject of each clause (the speaker, the listener, a named third party, a thing or a
 * circumstance), what joins the clauses ("because", "but", a counterfactual "if … had"), whether
 * the harm is told without an agent ("mistakes were made", "things got heated"), whether an
 * apology is conditional or for the other's feelings ("sorry if", "sorry you feel"), whether a
 * sentence tells the listener what to do (an imperative, "you should", "maybe just"), and how
 * much of the partner's last line a reply restates in other words (content lemmas shared with
 * the context, which is what a reflection does).
 *
 * The words it knows by name are in meaning-lexicon.ts; the reading (tokens, clauses, who a
 * subject is, content stems) in meaning-reading.ts.
 *
 * Every feature is a string (`m:…` or `lm:…`); the learned layer weighs them with the others.
 * Only the reply is read with the model (~0.1–0.2 ms); the context's content words come stemmed
 * from the rules' analysis.
 */
import {
  DIRECTIVE_MODALS,
  FEELING_LEMMAS,
  IT,
  LEAD_FILLERS,
  LISTENER,
  MODALS,
  NOT_AN_ACT,
  POINTED,
  POSSESSIVE,
  SOFTENERS,
  SPEAKER,
  SUGGESTING_MODALS,
  WH,
  type Person,
} from './meaning-lexicon.js';
import { clausesOf, contentStemsOf, isPast, isVerbish, personOf, read, sharedWith, type Read, type Token } from './meaning-reading.js';
import { bucket } from './bucket.js';

/**
 * The meaning features of a reply, given the content stems of the partner's last line
 * (undefined when there is no context). `kind` is crossed
 * into the features whose sense differs by exercise (a "you should" is advice when listening,
 * and part of a repair plan rarely).
 */
export function meaningFeatures(reply: string, contextStems: ReadonlySet<string> | undefined, kind: string, out: string[]): void {
  const r = read(reply);
  const { tokens } = r;
  const add = (f: string) => {
    out.push(f);
    out.push(`${f}&${kind}`);
  };
  let speakerClauses = 0;
  let listenerClauses = 0;
  // Who each sentence is about (the listener if any clause is theirs, else the speaker, else
  // another), for the restating sentence below.
  const sentenceSubjects: (Person | 'NONE' | undefined)[] = [];

  for (const [from, to] of r.sentences) {
    sentenceSubjects.push(undefined);
    let last = to;
    while (last > from && tokens[last]!.pos === 'PUNCT' && tokens[last]!.word !== '?') last--;
    const isQuestion = tokens[to]?.word === '?' || tokens[last]?.word === '?';
    let first = from;
    while (first <= to && (tokens[first]!.pos === 'INTJ' || tokens[first]!.pos === 'PUNCT' || LEAD_FILLERS.has(tokens[first]!.word))) first++;
    if (first > to) continue;
    const head = tokens[first]!;
    let hasVerb = false;
    for (let i = from; i <= to && !hasVerb; i++) hasVerb = isVerbish(tokens[i]!);
    if (!hasVerb && to - from >= 1) add('m:fragment');
    if (tokens[from]?.word === 'so' && !isQuestion) add('m:so_open');

    if (isQuestion) {
      if (WH.has(head.word) || (head.word === 'tell' && tokens[first + 1]?.word === 'me')) add('m:q:wh');
      else if (head.pos === 'AUX' || head.pos === 'VERB') add(`m:q:yn`);
      else add('m:q:other');
      if (head.word === 'why' && tokens[first + 1]?.lemma === 'do' && tokens.slice(first, first + 5).some((t) => t.neg)) add('m:q:whydontyou');
      if (
        head.pos === 'AUX' &&
        LISTENER.has(tokens[first + 1]?.word ?? '') &&
        tokens.slice(first, to).some((t) => t.lemma === 'try' || t.lemma === 'think' || t.lemma === 'consider')
      )
        add('m:q:haveyoutried');
    }

    for (const clause of clausesOf(tokens, from, to)) {
      if (!isQuestion && IMPERATIVE_AFTER.has(clause.conn))
        imperative(tokens, clause.start === from ? first : clause.start, clause.end, clause.start === from, add);
      let subject: Person | undefined;
      let verb: Token | undefined;
      let modal: string | undefined;
      let passive = false;
      let negated = false;
      let beSeen = false;
      let hasBy = false;
      let hadLike = false;
      let feeling = false;
      let pointed: string | undefined;
      for (let i = clause.start; i <= clause.end; i++) {
        const t = tokens[i]!;
        if (!pointed && POINTED.has(t.lemma)) pointed = t.lemma;
        if (t.word === 'by') hasBy = true;
        if (t.word === 'had' || t.word === "hadn't" || t.word === "'d" || t.word === 'were') hadLike = true;
        if (FEELING_LEMMAS.has(t.lemma)) feeling = true;
        if (t.neg || t.word === 'not' || t.word === 'never') negated = true;
        // "my boss", "your lock": the possessor is not the subject; the noun after it is.
        if (!verb && !subject && !(POSSESSIVE.has(t.word) && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[i + 1]?.pos ?? ''))) subject = personOf(t);
        if (t.pos === 'AUX' || (t.pos === 'VERB' && MODALS.has(t.word))) {
          if (MODALS.has(t.word) && !modal) modal = t.word === 'have' && tokens[i + 1]?.word === 'to' ? 'have_to' : t.word === 'have' ? undefined : t.word;
          if (t.lemma === 'be' || t.lemma === 'get') beSeen = true;
          continue;
        }
        if (t.pos === 'VERB' && !verb) {
          verb = t;
          if (beSeen && isPast(t)) passive = true;
          if (t.lemma === 'get' && isPast(tokens[i + 1] ?? t)) passive = true;
        }
      }
      if (hasBy) passive = false;
      const s = subject ?? (verb ? 'NONE' : undefined);
      if (!s) continue;
      const held = sentenceSubjects.at(-1);
      if (held === undefined || s === 'LISTENER' || (s === 'SPEAKER' && held !== 'LISTENER')) sentenceSubjects[sentenceSubjects.length - 1] = s;
      if (s === 'SPEAKER') speakerClauses++;
      if (s === 'LISTENER') listenerClauses++;
      add(`m:subj:${s}`);
      add(`m:conn:${clause.conn}>${s}`);
      if (negated) add(`m:subj:${s}+neg`);
      if (modal) add(`m:subj:${s}+modal:${modal}`);
      if (modal && DIRECTIVE_MODALS.has(modal) && s === 'LISTENER' && !negated) add('m:you_directive');
      // "Perhaps you could seek out some groups", "you can register for it", "could you meet
      // them outside?": an act put to the listener through a modal, in a clause that is not a
      // condition, not past ("you could have told me" is blame) and not an offer to the speaker
      // ("you can tell me anything"). One feature for the whole shape, because the learned layer
      // adds its parts, and each part alone is as often an offer, a reflection or blame.
      if (s === 'LISTENER' && modal && SUGGESTING_MODALS.has(modal) && verb && suggestsAct(tokens, verb, clause.end) && !negated && clause.conn !== 'if')
        add(isQuestion ? 'm:suggest_q' : 'm:suggest');
      if (passive) {
        add('m:passive');
        add(`m:passive:${s}`);
      }
      if (verb) {
        if (isPast(verb)) add(`m:subj:${s}+past`);
        out.push(`m:sv:${s}_${verb.lemma}`);
      }
      if (clause.conn === 'if' && hadLike) {
        add('m:counterfactual');
        add(`m:counterfactual:${s}`);
      }
      if (verb && (verb.lemma === 'mean' || verb.lemma === 'intend') && negated) add('m:intent_denied');
      if (s === 'GENERIC' && verb && !modal && !isPast(verb)) add('m:everyone_does');
      if (s === 'GENERIC' && modal && ['would', 'could', 'can', 'will'].includes(modal)) add('m:anyone_would');
      if ((s === 'IT' || s === 'THING') && verb && ['happen', 'slip', 'get', 'go', 'come', 'end'].includes(verb.lemma)) add(`m:it_${verb.lemma}`);
      // "you only gave me a week", "you'd gone quiet too", "he always does this": pointing at someone else's habit or part.
      if (pointed && s !== 'SPEAKER' && s !== 'NONE') add(`m:subj:${s}+pointed:${pointed}`);
      if (s === 'LISTENER' && feeling) add('m:you_feeling');
      if (s === 'SPEAKER' && feeling) add('m:i_feeling');
    }
  }

  // The apology's shape: what follows "sorry"/"apologise".
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lemma !== 'sorry' && t.lemma !== 'apologise' && t.lemma !== 'apologize' && t.lemma !== 'apology') continue;
    let j = i + 1;
    while (j < tokens.length && (tokens[j]!.word === 'that' || tokens[j]!.pos === 'ADV' || tokens[j]!.word === ',')) j++;
    const next = tokens[j];
    if (!next) {
      add('m:sorry_bare');
      continue;
    }
    if (next.word === 'if') add('m:sorry_if');
    else if (LISTENER.has(next.word)) add('m:sorry_you');
    else if (SPEAKER.has(next.word)) add('m:sorry_i');
    else if (next.word === 'for' || next.word === 'about')
      add(tokens[j + 1] && SPEAKER.has(tokens[j + 1]!.word) ? 'm:sorry_for_my' : tokens[j + 1]?.word === 'any' ? 'm:sorry_for_any' : 'm:sorry_for');
    else if (IT.has(next.word) || next.pos === 'NOUN' || next.pos === 'DET') add('m:sorry_agentless');
    else if (next.pos === 'PUNCT') add('m:sorry_bare');
    if (tokens.slice(i + 1, i + 12).some((x) => x.word === 'but')) add('m:sorry_but');
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.word === 'what' && tokens[i + 1]!.word === 'with') add('m:what_with');
    if (tokens[i]!.word === 'due' && tokens[i + 1]!.word === 'to') add('m:due_to');
    if (tokens[i]!.word === 'next' && tokens[i + 1]!.word === 'time') add('m:next_time');
    if (tokens[i]!.lemma === 'both' && (tokens[i + 1]!.word === 'sides' || tokens[i + 1]!.word === 'ways')) add('m:both_sides');
    // "it's not just a dinner", "it wasn't only the money": a minimiser denied, the opposite of minimising.
    if (tokens[i]!.neg && (tokens[i + 1]!.word === 'just' || tokens[i + 1]!.word === 'only' || tokens[i + 1]!.word === 'merely')) add('m:minimiser_denied');
  }

  // Lemmas of verbs and adjectives: one weight for "forgot", "forget" and "forgetting".
  for (const t of tokens) if ((t.pos === 'VERB' || t.pos === 'ADJ') && t.lemma.length > 2) out.push(`lm:${t.lemma}`);

  out.push(`m:balance:${bucket(speakerClauses, [0, 1, 3])}_${bucket(listenerClauses, [0, 1, 3])}`);

  // Restating the partner: content lemmas shared with their last line, and how much of the reply they are.
  if (contextStems !== undefined) {
    const ctx = contextStems;
    const stems = contentStemsOf(tokens);
    const { size, shared } = sharedWith(stems, 0, tokens.length - 1, ctx);
    const share = size === 0 ? 0 : shared / size;
    add(`m:overlap:${bucket(shared, [0, 1, 2, 4])}`);
    add(`m:overlap_share:${bucket(share, [0, 0.15, 0.35, 0.6])}`);
    if (shared > 0 && speakerClauses === 0) add('m:overlap_no_speaker');
    if (shared > 0 && listenerClauses > 0) add('m:overlap_you');
    if (shared > 0) restatingSentence(r, stems, sentenceSubjects, ctx, add);
  } else add('m:no_context');
}

/**
 * The sentence that restates the partner most, and who it is about. A reflection is often one
 * sentence inside a longer reply (an apology, then "you were scared and on your own"), and the
 * reply-wide share of shared words dilutes it; a sentence about the listener, or a fragment
 * with no subject ("Fourteen, and the latest one…"), that shares most of its content words
 * with their line is the restatement, whatever else the reply says.
 */
function restatingSentence(
  r: Read,
  stems: readonly (string | undefined)[],
  subjects: readonly (Person | 'NONE' | undefined)[],
  ctx: ReadonlySet<string>,
  add: (f: string) => void,
): void {
  let best = { shared: 0, share: 0, subject: 'NONE' as string };
  r.sentences.forEach(([from, to], k) => {
    const { size, shared } = sharedWith(stems, from, to, ctx);
    const share = size === 0 ? 0 : shared / size;
    if (shared > best.shared || (shared === best.shared && share > best.share)) {
      const who = subjects[k];
      best = { shared, share, subject: who === 'SPEAKER' || who === 'LISTENER' ? who : who === undefined ? 'NONE' : 'OTHER' };
    }
  });
  if (best.shared === 0) return;
  add(`m:restating:${bucket(best.shared, [1, 2, 3])}_${best.subject}`);
  add(`m:restating_share:${bucket(best.share, [0.2, 0.4, 0.6])}_${best.subject}`);
  if (r.sentences.length > 1) add(`m:restating_in_longer:${best.subject}`);
}

/** An act the listener could do, in its base form, not done to or shared with the speaker. */
function suggestsAct(tokens: readonly Token[], verb: Token, end: number): boolean {
  if (isPast(verb) || NOT_AN_ACT.has(verb.lemma)) return false;
  const i = tokens.indexOf(verb);
  for (let k = i + 1; k <= Math.min(end, i + 3); k++) if (SPEAKER.has(tokens[k]!.word)) return false;
  return true;
}

/** Clause openings after which a bare verb is telling someone what to do. */
const IMPERATIVE_AFTER = new Set(['start', 'comma', 'and', 'so', 'then']);

/**
 * An imperative: the clause's first word (after softeners such as "maybe just" or "next time")
 * is a verb in its base form with no subject before it — "next time just walk away",
 * "that makes sense — maybe just leave them in a box for now".
 */
function imperative(tokens: readonly Token[], from: number, to: number, sentenceStart: boolean, add: (f: string) => void): void {
  let k = from;
  const soft: string[] = [];
  while (k <= to && (SOFTENERS.has(tokens[k]!.word) || (tokens[k]!.word === 'next' && tokens[k + 1]?.word === 'time'))) {
    soft.push(tokens[k]!.word === 'next' ? 'next_time' : tokens[k]!.word);
    if (tokens[k]!.word === 'next') k++;
    k++;
  }
  const v = tokens[k];
  if (!v || k > to) return;
  if (v.pos === 'VERB' && v.word === v.lemma && !SPEAKER.has(v.word)) {
    add('m:imperative');
    add(sentenceStart ? 'm:imperative@sentence' : 'm:imperative@clause');
    for (const s of soft) add(`m:imperative+${s}`);
  } else if (v.lemma === 'do' && tokens[k + 1]?.neg && tokens[k + 2]?.pos === 'VERB') {
    add('m:imperative+neg');
  }
}
