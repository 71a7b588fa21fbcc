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
 * Every feature is a string (`m:…` or `lm:…`); the learned layer weighs them with the others.
 * Only the reply is read with the model (~0.1–0.2 ms); the context's content words come stemmed
 * from the rules' analysis.
 */
import type { PartOfSpeech } from 'wink-nlp';
import { english as nlp } from '../../english-reader.js';
import { stem } from '../rules/index.js';

const its = nlp.its;

type Person = 'SPEAKER' | 'LISTENER' | 'THIRD' | 'NAMED' | 'GENERIC' | 'IT' | 'THING';

const SPEAKER = new Set(['i', "i'm", "i've", "i'd", "i'll", 'im', 'ive', 'me', 'my', 'myself', 'we', 'us', 'our', 'ourselves', 'mine']);
const LISTENER = new Set(['you', 'u', 'ya', 'ye', 'yous', "y'all", 'your', 'ur', 'yourself', 'yours', 'thou']);
const THIRD = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'their', 'himself', 'herself', 'themselves']);
const GENERIC = new Set([
  'anyone',
  'everyone',
  'anybody',
  'everybody',
  'nobody',
  'people',
  'someone',
  'somebody',
  'one',
  'no one',
  'folks',
  'everything',
  'nothing',
]);
const IT = new Set(['it', 'that', 'this', 'things', 'stuff', 'there', 'what']);
/** Nouns for people and groups: a subject among them is a third party, not a thing. */
const PEOPLE = new Set([
  'mum',
  'mom',
  'mam',
  'mother',
  'dad',
  'father',
  'parent',
  'brother',
  'sister',
  'son',
  'daughter',
  'kid',
  'child',
  'wife',
  'husband',
  'partner',
  'boyfriend',
  'girlfriend',
  'friend',
  'mate',
  'pal',
  'boss',
  'manager',
  'colleague',
  'team',
  'guy',
  'lad',
  'girl',
  'boy',
  'teacher',
  'coach',
  'client',
  'customer',
  'staff',
  'department',
  'management',
  'hr',
  'it',
  'neighbour',
  'neighbor',
  'flatmate',
  'roommate',
  'housemate',
  'grandma',
  'granny',
  'nan',
  'grandad',
  'uncle',
  'aunt',
  'cousin',
  'family',
  'doctor',
  'nurse',
  'company',
  'council',
  'school',
  'office',
  'bank',
  'landlord',
  'supplier',
  'contractor',
  'driver',
  'lawyer',
  'committee',
  'board',
  'everyone',
]);
/** Words that point at another's habit or share of the fault. */
const POINTED = new Set(['only', 'never', 'always', 'too', 'also', 'even', 'still', 'tend', 'keep', 'start', 'again', 'either']);
const NEGATORS = new Set(['not', 'never', 'no', "n't", 'nothing', 'nobody', 'nowhere', 'cannot']);
const LEAD_FILLERS = new Set(['so', 'well', 'look', 'honestly', 'ok', 'okay', 'yeah', 'oh', 'and']);
const POSSESSIVE = new Set(['my', 'your', 'ur', 'his', 'her', 'their', 'our']);
const MODALS = new Set(['should', 'could', 'would', 'must', 'might', 'may', 'can', 'shall', 'will', 'ought', 'need', 'gotta', 'have']);
const DIRECTIVE_MODALS = new Set(['should', 'must', 'need', 'ought', 'gotta', 'have', 'could', 'might']);
const SOFTENERS = new Set(['just', 'maybe', 'perhaps', 'try', 'probably', 'honestly', 'definitely', 'really']);
const CAUSAL = new Set(['because', 'cause', 'cos', 'coz', 'since', 'as', 'bc', 'cuz', 'b/c']);
const WH = new Set(['what', 'how', 'why', 'where', 'when', 'who', 'which', 'whats', "what's", "how's"]);
const FEELING_LEMMAS = new Set([
  'hurt',
  'angry',
  'upset',
  'scared',
  'afraid',
  'anxious',
  'worried',
  'nervous',
  'sad',
  'lonely',
  'exhausted',
  'overwhelmed',
  'frustrated',
  'furious',
  'mad',
  'embarrassed',
  'humiliated',
  'ashamed',
  'guilty',
  'heartbroken',
  'devastated',
  'gutted',
  'disappointed',
  'stressed',
  'jealous',
  'betrayed',
  'invisible',
  'alone',
  'ignored',
  'tired',
  'fed',
  'stuck',
  'trapped',
  'lost',
  'confused',
  'terrified',
  'miserable',
  'raw',
  'drained',
  'sick',
  'feel',
  'feeling',
  'sore',
  'livid',
  'crushed',
  'unheard',
  'unseen',
  'dismissed',
  'rejected',
  'abandoned',
  'pressured',
  'grief',
  'fear',
  'shame',
  'anger',
  'hurtful',
  'awful',
  'horrible',
  'rubbish',
]);
const CONTENT_POS = new Set<PartOfSpeech>(['NOUN', 'VERB', 'ADJ', 'PROPN', 'ADV', 'NUM']);
const STOP_LEMMAS = new Set([
  'be',
  'have',
  'do',
  'get',
  'go',
  'just',
  'really',
  'so',
  'very',
  'not',
  'then',
  'now',
  'like',
  'know',
  'think',
  'say',
  'tell',
  'make',
  'want',
  'thing',
  'way',
  'lot',
  'bit',
  'also',
  'even',
  'still',
  'too',
  'here',
  'there',
  'well',
  'yeah',
  'okay',
  'ok',
  'oh',
  'sorry',
  'feel',
  'mean',
  'sure',
]);

/** `neg`: the word itself negates (wink splits "didn't" into "did" and "not"). */
interface Token {
  word: string;
  lemma: string;
  pos: PartOfSpeech;
  neg: boolean;
}

interface Read {
  tokens: Token[];
  sentences: [number, number][];
}

function read(text: string): Read {
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out(its.normal);
  // wink's types declare `its.lemma` with an addons parameter that `out` supplies itself.
  const lemmas = doc.tokens().out(its.lemma as typeof its.normal);
  const pos = doc.tokens().out(its.pos) as PartOfSpeech[];
  const tokens: Token[] = words.map((word, i) => ({ word, lemma: lemmas[i] ?? word, pos: pos[i]!, neg: NEGATORS.has(word) }));
  return { tokens, sentences: doc.sentences().out(its.span) as unknown as [number, number][] };
}

function personOf(t: Token): Person | undefined {
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

const isVerbish = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';
const isPast = (t: Token) => t.pos === 'VERB' && t.word !== t.lemma && !t.word.endsWith('ing') && !t.word.endsWith('s');
const isBreak = (t: Token) => t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || CAUSAL.has(t.word);

/**
 * Content words of the reply (nouns, verbs, adjectives, adverbs that say something), stemmed as
 * the rules stem the context, so the two sides compare without reading the context twice.
 */
function contentStemsOf(tokens: readonly Token[]): (string | undefined)[] {
  return tokens.map((t) => (CONTENT_POS.has(t.pos) && !STOP_LEMMAS.has(t.lemma) && t.word.length > 2 ? stem(t.word) : undefined));
}

/** Distinct content stems among tokens `from`…`to`, and how many of them the context has. */
function sharedWith(stems: readonly (string | undefined)[], from: number, to: number, ctx: ReadonlySet<string>): { size: number; shared: number } {
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

function bucket(n: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && n > edges[i]!) i++;
  return i;
}

/** A clause: the stretch between two breaks, with the word that opened it. */
interface Clause {
  conn: string;
  start: number;
  end: number;
}

function clausesOf(tokens: readonly Token[], from: number, to: number): Clause[] {
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
