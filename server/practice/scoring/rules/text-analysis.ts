/**
 * Turns a reply into what the rules read: a normalised lower-case text (texting spellings
 * expanded, curly quotes straightened) with a map back to the raw offsets, split into
 * sentences, plus the content-word stems used to compare a reply with its context.
 *
 * The rules only need sentences, words and a crude stem, which a few regular expressions give
 * cheaply with offsets back into the raw text (for quoting evidence). Parts of speech, lemmas
 * and negation for the learned layer come from wink-nlp (`learned/meaning-features.ts`);
 * compromise was dropped: it parsed ~1,200 replies/s here, under the 2,000/s floor on its own.
 */

export interface Sentence {
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  /** The normalised sentence text (lower case, expanded). */
  text: string;
  isQuestion: boolean;
  index: number;
}

export interface AnalysedText {
  raw: string;
  norm: string;
  /** `rawIndex[i]` is the raw offset of normalised character `i` (length norm.length + 1). */
  rawIndex: number[];
  sentences: Sentence[];
}

/** Texting spellings and contractions without apostrophes, expanded so rules can use one spelling. */
const EXPANSIONS: Record<string, string> = {
  im: "i'm",
  ive: "i've",
  youre: "you're",
  youve: "you've",
  youll: "you'll",
  youd: "you'd",
  dont: "don't",
  cant: "can't",
  wont: "won't",
  didnt: "didn't",
  doesnt: "doesn't",
  isnt: "isn't",
  wasnt: "wasn't",
  werent: "weren't",
  arent: "aren't",
  shouldnt: "shouldn't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  havent: "haven't",
  hasnt: "hasn't",
  hadnt: "hadn't",
  thats: "that's",
  whats: "what's",
  theres: "there's",
  hes: "he's",
  shes: "she's",
  theyre: "they're",
  lets: "let's",
  shouldve: "should've",
  couldve: "could've",
  wouldve: "would've",
  u: 'you',
  ya: 'you',
  r: 'are',
  srry: 'sorry',
  sry: 'sorry',
  soz: 'sorry',
  sorryyy: 'sorry',
  pls: 'please',
  plz: 'please',
  bc: 'because',
  cuz: 'because',
  cos: 'because',
  coz: 'because',
  tho: 'though',
  rn: 'right now',
  idk: "i don't know",
  tbh: 'to be honest',
  ngl: 'not gonna lie',
  lemme: 'let me',
  gotta: 'got to',
  wanna: 'want to',
  ok: 'okay',
  k: 'okay',
  thx: 'thanks',
  w: 'with',
  yr: 'your',
  urself: 'yourself',
};

/**
 * `EXPANSIONS` as a Map: a keyed property load with a freshly sliced string is slow (the key
 * is internalised first), and a plain object would "expand" words like "constructor" into the
 * inherited function, which once broke the offsets of such replies.
 */
const EXPANSION_OF = new Map<string, string>(Object.entries(EXPANSIONS));

/** "ur" is "you're" before a state word and "your" before a noun. */
const UR_AS_YOU_ARE = new Set([
  'so',
  'not',
  'being',
  'allowed',
  'right',
  'too',
  'such',
  'really',
  'gonna',
  'going',
  'the',
  'a',
  'just',
  'always',
  'never',
  'doing',
  'still',
  'totally',
  'completely',
  'okay',
  'fine',
  'welcome',
]);
/** "ill" is "i'll" only before a verb it commonly precedes; otherwise it means unwell. */
const ILL_AS_I_WILL = new Set([
  'never',
  'be',
  'do',
  'make',
  'call',
  'text',
  'take',
  'get',
  'pay',
  'send',
  'try',
  'fix',
  'come',
  'bring',
  'tell',
  'talk',
  'sort',
  'stop',
  'always',
  'just',
  'definitely',
  'actually',
  'put',
  'buy',
  'drive',
  'pick',
  'book',
  'give',
  'keep',
  'have',
  'ask',
  'let',
  'see',
  'go',
  'help',
  'move',
  'cover',
  'replace',
  'check',
]);

const WORD = /[a-z0-9']+|[^a-z0-9'\s]+|\s+/g;

/** Lower-cases and expands the text, recording for every output character its raw offset. */
export function normalise(raw: string): { norm: string; rawIndex: number[] } {
  let lower = raw.toLowerCase();
  if (lower.length !== raw.length) {
    // A few characters change length when lower-cased; keep those as they are so offsets hold.
    lower = Array.from(raw, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
  }
  lower = lower.replace(/[’‘ʼ`´]/g, "'").replace(/[“”]/g, '"');
  // Pieces of the normalised text: whole tokens, or an expansion character by character.
  const out: string[] = [];
  const rawIndex: number[] = [];
  const tokens = lower.match(WORD) ?? [];
  let pos = 0;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    let rep: string | undefined = EXPANSION_OF.get(tok);
    if (tok === 'ur') rep = UR_AS_YOU_ARE.has(nextWord(tokens, t)) ? "you're" : 'your';
    else if (tok === 'ill') rep = ILL_AS_I_WILL.has(nextWord(tokens, t)) ? "i'll" : undefined;
    // "would of", "could of", "should of", "must of": a common spelling of the "'ve" contraction.
    else if (tok === 'of' && /^(?:would|could|should|must|might|wouldn't|couldn't|shouldn't)$/.test(prevWord(tokens, t))) rep = 'have';
    if (rep === undefined || rep === tok) {
      out.push(tok);
      for (let i = 0; i < tok.length; i++) rawIndex.push(pos + i);
    } else {
      // Every expanded character points at the start of the raw token; the last at its end.
      for (let i = 0; i < rep.length; i++) {
        out.push(rep[i]!);
        rawIndex.push(i === rep.length - 1 ? pos + tok.length - 1 : pos);
      }
    }
    pos += tok.length;
  }
  rawIndex.push(raw.length);
  return { norm: out.join(''), rawIndex };
}

function prevWord(tokens: string[], t: number): string {
  const tok = tokens[t - 2];
  return tokens[t - 1] === ' ' && tok !== undefined ? tok : '';
}

function nextWord(tokens: string[], t: number): string {
  for (let i = t + 1; i < tokens.length && i < t + 3; i++) {
    const tok = tokens[i]!;
    if (/^[a-z]/.test(tok)) return tok;
    if (!/^\s+$/.test(tok)) return '';
  }
  return '';
}

const ABBREVIATIONS = /(?:\b(?:mr|mrs|ms|dr|st|vs|etc|e\.g|i\.e|approx|no)\.)$/;
/** Sentence ends: terminal punctuation runs, newlines, and emoji used as full stops. */
const BOUNDARY = /[.!?…]+["')\]]*(?=\s|$)|\n+|[\u{1F300}-\u{1FAFF}\u2600-\u27BF]+(?=\s+[a-z])/gu;

export function splitSentences(norm: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(norm[s]!)) s++;
    while (e > s && /\s/.test(norm[e - 1]!)) e--;
    if (e > s && /[a-z0-9]/.test(norm.slice(s, e))) {
      const text = norm.slice(s, e);
      sentences.push({
        start: s,
        end: e,
        text,
        isQuestion: /\?["')\]]*\s*$|\?\s*[\u{1F300}-\u{1FAFF}\u2600-\u27BF]+\s*$/u.test(text),
        index: sentences.length,
      });
    } else if (sentences.length > 0 && e > s) {
      // Trailing emoji or punctuation belongs to the sentence before it.
      sentences[sentences.length - 1]!.end = e;
      sentences[sentences.length - 1]!.text = norm.slice(sentences[sentences.length - 1]!.start, e);
    }
  };
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(norm)) !== null) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && ABBREVIATIONS.test(norm.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    push(end);
    start = end;
  }
  push(norm.length);
  return sentences;
}

export function analyse(raw: string): AnalysedText {
  const { norm, rawIndex } = normalise(raw);
  return { raw, norm, rawIndex, sentences: splitSentences(norm) };
}

const STOPWORDS = new Set(
  (
    "a an the and or but so if then than that this these those it its it's i i'm i've i'd i'll me my mine myself you you're you've you'd you'll your yours yourself " +
    'he him his she her hers they them their we us our is are was were be been being am do does did doing have has had having not no nor ' +
    'to of in on at by for with about from up down out over into onto off again just only even really so very too much more most some any all ' +
    "can can't could couldn't would wouldn't should shouldn't will won't don't didn't doesn't isn't wasn't weren't haven't hasn't what when where who why how " +
    'there here as like get got go going know think feel felt thing things something anything everything one ever still also back now yeah okay well oh ' +
    "because though although while since until let let's make made say said tell told want way lot bit anyway honestly literally"
  ).split(/\s+/),
);

/** Crude stem: enough to match "trained"/"training", "invite"/"invited", "years"/"year". */
export function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Content-word stems of a normalised text (stop words dropped). */
export function contentStems(norm: string): Set<string> {
  const out = new Set<string>();
  const words = norm.match(/[a-z0-9][a-z0-9']*/g);
  if (!words) return out;
  for (const w of words) if (w.length > 2 && !STOPWORDS.has(w)) out.add(stem(w));
  return out;
}

/** Drops spoken fillers and discourse markers from the front of a sentence ("Okay. Um, so you…"). */
export function stripLead(text: string): string {
  return text.replace(
    /^(?:(?:okay|ok|so|and|but|yeah|yes|right|oh|mm|mmm|hmm|um|uh|er|well|alright|mhm|mm-hmm|uh-huh|sure|wow|ah|i see|now)[,.!-]*\s+|-+\s*)+/,
    '',
  );
}

/** True when one of the three words before `index` negates what follows ("not just", "isn't that"). */
export function negatedBefore(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  return /\b(?:not|never|no|n't|isn't|wasn't|aren't|don't|doesn't|didn't|hardly)\s+(?:\S+\s+){0,2}$/.test(before) || /n't\s+$/.test(before);
}
