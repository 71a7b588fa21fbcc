/**
 * Features for the label model (`label-model.ts`): what the rules found, and what the words
 * say in ways a rule list cannot enumerate. The same functions run when the weights are trained
 * (`evals/train/train-scorer.ts`) and when a reply is scored, so the two cannot drift.
 *
 * Why these features: the rules are precise on the writers they were tuned on but each writer
 * words excuses, blame and minimising differently. The model keeps the rules' verdicts (and the
 * finer findings behind them) as strong features and adds evidence that transfers across
 * writers: words and word pairs with negation marked ("n:fault" in "not my fault"), who is the
 * subject ("I was…", "you should…", "they…" collapsed to I/YOU/THEY so "he forgot" and "she
 * forgot" share a weight), how each sentence opens and whether it asks, and what the context
 * asked for (why, advice) or named (a feeling). Every feature is a string, so the committed
 * weights are feature names and numbers only.
 */
import { CRITERIA } from '../../criteria.js';
import type { RuleFindings } from '../rules/index.js';
import { stripLead, type Sentence } from '../rules/index.js';
import { bucket } from './bucket.js';

const TOKEN = /[a-z][a-z']*|\d+|[,;:—–?!]/g;
const FILLERS = new Set(['um', 'uh', 'er', 'mm', 'mmm', 'hmm', 'mhm', 'like', 'kinda', 'sorta', 'lol', 'omg', 'ngl', 'tbh']);
const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'nothing', 'none', 'neither', 'nor', 'hardly', 'cannot']);
const isNegator = (w: string) => NEGATORS.has(w) || w.endsWith("n't");
const CLAUSE_END = new Set([',', ';', ':', '—', '–', '?', '!']);
const PERSON: Record<string, string> = {
  i: 'I',
  "i'm": 'I',
  "i've": 'I',
  "i'd": 'I',
  "i'll": 'I',
  me: 'I',
  my: 'I',
  myself: 'I',
  we: 'I',
  "we're": 'I',
  "we've": 'I',
  "we'll": 'I',
  "we'd": 'I',
  us: 'I',
  our: 'I',
  you: 'YOU',
  "you're": 'YOU',
  "you've": 'YOU',
  "you'd": 'YOU',
  "you'll": 'YOU',
  your: 'YOU',
  yourself: 'YOU',
  yours: 'YOU',
  he: 'THEY',
  she: 'THEY',
  they: 'THEY',
  "he's": 'THEY',
  "she's": 'THEY',
  "they're": 'THEY',
  "they've": 'THEY',
  him: 'THEY',
  her: 'THEY',
  them: 'THEY',
  his: 'THEY',
  their: 'THEY',
};
/**
 * `PERSON` as a Map: a keyed property load with a freshly sliced string is slow (the key is
 * internalised first), and a plain object would answer for words like "constructor" too.
 */
const PERSON_OF = new Map<string, string>(Object.entries(PERSON));
const WH = /^(?:what|how|why|where|when|who|which|what's|how's|tell)\b/;
const AUX =
  /^(?:are|is|am|was|were|do|does|did|have|has|had|can|could|would|will|won't|shall|should|may|might|isn't|aren't|don't|doesn't|didn't|haven't|wouldn't|couldn't)\b/;
const FEELING =
  /\b(?:hurt|angry|upset|scared|afraid|anxious|worried|nervous|sad|lonely|exhausted|overwhelmed|frustrated|furious|mad|embarrassed|humiliated|ashamed|guilty|heartbroken|devastated|gutted|disappointed|stressed|jealous|betrayed|invisible|stupid|awful|terrible|horrible|miserable|hate|cry|crying|cried|feel|feeling|felt)\b/;

/**
 * Word classes that carry a criterion whatever the exact word, so a writer's own choice of word
 * still meets a weight: the speaker's state (excuses), institutions and third parties as agents
 * (blame), dismissive and laughing tones (minimising), hedges that precede a justification.
 */
const LEXICON: readonly [string, RegExp][] = [
  [
    'state',
    /\b(?:busy|slammed|swamped|stressed|exhausted|tired|knackered|shattered|drunk|hungover|sick|ill|overwhelmed|distracted|rushed|panicking|drowning|skint|broke|agonising|terrified|scared)\b/,
  ],
  [
    'agent',
    /\b(?:team|department|hr|office|system|policy|council|supplier|manufacturer|contractor|firm|committee|management|procedure|procedures|portal|rota|staff|vendor|client|courier|school|bank|board)\b/,
  ],
  ['laugh', /\b(?:lol|haha+|lmao|jk)\b|😂|🙄|🤣|😅/u],
  ['dismiss', /\b(?:chill|relax|whatever|literally|technically|anyway|drama|dramatic|touchy|sensitive|paranoid|deep|banter|joke|joking|only|just)\b/],
  ['hedge', /\b(?:honestly|to be fair|tbf|in fairness|for the record|just so you know|as per|please note|to clarify|first of all)\b/],
  ['because', /\b(?:because|since|as i|so i|due to|the reason)\b/],
  ['always', /\b(?:always|never|every time|constantly)\b/],
  ['rhetorical', /\b(?:what was i (?:meant|supposed) to|what's the point|do i\?|did i\?|seriously\?|really\?)/],
];
const CONNECTIVE = new Set(['but', 'because', 'cause', 'so', 'and', 'though', 'although', 'since', 'as', 'if', 'when', 'which', 'or', 'then', 'yet', 'while']);
const OPENERS = new Set([
  'honestly',
  'well',
  'look',
  'listen',
  'okay',
  'ok',
  'so',
  'yeah',
  'tbh',
  'tbf',
  'sorry',
  'oh',
  'ah',
  'mate',
  'babe',
  'love',
  'hey',
  'hi',
  'dear',
]);
const DEMONSTRATIVE = new Set(['the', 'this', 'that']);

const LEXICON_NAMES = LEXICON.map(([name]) => `lex:${name}`);

/**
 * Feature families that name the writer's own words (words, word pairs, negated words, pronoun
 * pairs, sentence openings, verb lemmas and subject–verb pairs), as against what the rules found
 * and the meaning read by wink-nlp. The trainer regularises these harder (`--word-l2`): they are
 * where a model memorises how our writers phrase things.
 */
const WORD_FAMILY = /^(?:w|b|n|p|s1|s2|f1|f2|l1|l2|lm):|^m:sv:/;
export const isWordFeature = (name: string): boolean => WORD_FAMILY.test(name);

/** Feature-name prefixes by family; a feature is `prefix + a` or `prefix + a + "_" + b`. */
const KIND = 'k:';
const RULE = 'r:';
const SIGNAL = 's:';
const WORD = 'w:';
const BIGRAM = 'b:';
const NEGATED = 'n:';
const PERSON_BIGRAM = 'p:';
const CLAUSE = 'cl:';

/**
 * Who does what in each clause: the clause's connective ("but", "because") and its subject as
 * a person class, or a name (capitalised mid-sentence in the raw text) or "the …" noun phrase.
 * "…, but you never reply" and "because HR sent it" are blame and excuse in any words.
 */
function clauseFeatures(raw: string, norm: string, rawIndex: readonly number[], out: string[]): void {
  const re = /[a-z][a-z']*|[,;:—–.!?]/g;
  let conn = 'start';
  let expectSubject = true;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    const w = m[0];
    const c0 = w.charCodeAt(0);
    if (c0 < 97 || c0 > 122) {
      conn = w === '.' || w === '!' || w === '?' ? 'start' : 'comma';
      expectSubject = true;
      continue;
    }
    if (!expectSubject) {
      if (CONNECTIVE.has(w)) {
        conn = w;
        expectSubject = true;
      }
      continue;
    }
    if (CONNECTIVE.has(w)) {
      conn = w;
      continue;
    }
    if (OPENERS.has(w)) continue;
    const ch = raw[rawIndex[m.index] ?? 0] ?? '';
    const subject =
      PERSON_OF.get(w) ?? (DEMONSTRATIVE.has(w) ? 'THE' : ch !== ch.toLowerCase() && conn !== 'start' ? 'NAME' : w === 'it' || w === "it's" ? 'IT' : 'OTHER');
    out.push(`${CLAUSE}${conn}_${subject}`);
    if (subject !== 'OTHER') out.push(CLAUSE + subject);
    expectSubject = false;
  }
}

/**
 * Word features of one stretch of normalised text: unigrams, bigrams, negation-marked unigrams
 * (up to three words after a negator, within the clause), and person-collapsed bigrams that
 * start at a pronoun ("p:YOU_should", "p:THEY_forgot"). Trigrams were tried and cost more
 * time than they gave out of writer.
 */
export function textFeatures(norm: string, out: string[]): void {
  const tokens = (norm.match(TOKEN) ?? []).filter((w) => !FILLERS.has(w));
  let negate = 0;
  let prev = '';
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    if (CLAUSE_END.has(w)) {
      negate = 0;
      prev = w === '?' ? '?' : '';
      if (w === '?') out.push('w:?');
      continue;
    }
    out.push(WORD + w);
    if (prev) out.push(`${BIGRAM}${prev}_${w}`);
    if (negate > 0) {
      out.push(NEGATED + w);
      negate--;
    }
    if (isNegator(w)) negate = 3;
    const p = PERSON_OF.get(w);
    if (p !== undefined) {
      const a = tokens[i + 1];
      if (a !== undefined && !CLAUSE_END.has(a)) {
        out.push(`${PERSON_BIGRAM}${p}_${a}`);
      }
    }
    prev = w;
  }
}

/** The feature prefixes of one sentence position ("s" every sentence, "f" first, "l" last). */
interface Position {
  one: string;
  two: string;
  q: string;
  subj: string;
}
const position = (p: string): Position => ({ one: `${p}1:`, two: `${p}2:`, q: `${p}q:`, subj: `${p}subj:` });
const EVERY = position('s');
const FIRST = position('f');
const LAST = position('l');

/** The words a sentence opens with once fillers are stripped (read by `sentenceShape`). */
function leadWords(s: Sentence): string[] {
  return stripLead(s.text).match(/[a-z][a-z']*/g) ?? [];
}

/** How a sentence opens and whether (and how) it asks. */
function sentenceShape(lead: readonly string[], isQuestion: boolean, position: Position, out: string[]): void {
  if (lead[0]) out.push(position.one + lead[0]);
  if (lead[1]) out.push(`${position.two}${lead[0]!}_${lead[1]}`);
  const first = lead[0] ?? '';
  if (isQuestion) {
    const t = lead.join(' ');
    out.push(position.q + (WH.test(t) ? 'wh' : AUX.test(t) ? 'aux' : 'other'));
  }
  const person = PERSON_OF.get(first);
  if (person) out.push(position.subj + person);
}

function contextFeatures(findings: RuleFindings, out: string[]): void {
  const ctx = findings.rules.context.norm;
  if (ctx.trim() === '') {
    out.push('c:empty');
    return;
  }
  if (/\bwhy\b|how could you|what happened|explain/.test(ctx)) out.push('c:why');
  if (findings.rules.adviceRequested) out.push('c:advice');
  if (FEELING.test(ctx)) out.push('c:feeling');
  if (/\?/.test(ctx)) out.push('c:question');
  if (/\b(?:you|your)\b/.test(ctx)) out.push('c:you');
  let shared = 0;
  for (const s of findings.rules.contextStems) if (findings.reply.norm.includes(s)) shared++;
  out.push(`c:shared${bucket(shared, [0, 1, 3])}`);
}

/** Number of pieces `text.split(/\s+/)` gives, without building them. */
function splitCount(text: string): number {
  const runs = text.match(/\s+/g);
  return runs === null ? 1 : runs.length + 1;
}

/**
 * All features of a reply: the kind, the rules' labels and finer findings (also crossed with
 * the kind, since a rule can be reliable in one kind and not another), the words, the shape of
 * the first, last and every sentence, the balance of "I" and "you", and the context.
 * `reflectsProbability` is the listening second opinion of `reply-classifier.ts`, when consulted.
 */
export function labelFeatures(findings: RuleFindings, reflectsProbability?: number): string[] {
  const out: string[] = [];
  const { reply, found, signals } = findings;
  const kind = findings.rules.kind;
  out.push('bias');
  out.push(KIND + kind);
  for (const c of CRITERIA) {
    const n = found[c].length;
    if (n === 0) continue;
    out.push(RULE + c);
    out.push(`${RULE}${c}&${kind}`);
    if (n > 1) out.push(`${RULE}${c}:many`);
  }
  for (const [name, n] of Object.entries(signals)) {
    if (n > 0) {
      out.push(SIGNAL + name);
      out.push(`${SIGNAL}${name}&${kind}`);
    }
  }
  if (reflectsProbability !== undefined) out.push(`clf:reflects${bucket(reflectsProbability, [0.2, 0.4, 0.6, 0.8])}`);

  textFeatures(reply.norm, out);
  const sentences = reply.sentences;
  // Each sentence's lead words once, though the first and last are shaped twice.
  let firstLead: string[] | undefined;
  let lastLead: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    lastLead = leadWords(s);
    if (i === 0) firstLead = lastLead;
    sentenceShape(lastLead, s.isQuestion, EVERY, out);
  }
  if (firstLead !== undefined) sentenceShape(firstLead, sentences[0]!.isQuestion, FIRST, out);
  if (sentences.length > 1) sentenceShape(lastLead, sentences.at(-1)!.isQuestion, LAST, out);
  out.push(`len:${bucket(splitCount(reply.norm), [4, 8, 15, 30, 60])}`);
  out.push(`sents:${bucket(sentences.length, [1, 2, 4])}`);
  const mine = reply.norm.match(/\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b/g)?.length ?? 0;
  const yours = reply.norm.match(/\b(?:you|your|you're|you've|you'd|yours|yourself)\b/g)?.length ?? 0;
  out.push(`iyou:${bucket(mine, [0, 2, 5])}_${bucket(yours, [0, 2, 5])}`);
  if (/\bsorry\b[^.?!]*\bbut\b/.test(reply.norm)) out.push('sorry_but');
  for (let i = 0; i < LEXICON.length; i++) if (LEXICON[i]![1].test(reply.norm)) out.push(LEXICON_NAMES[i]!);
  if (/\b(?:was|were|been|is|are|got) (?:\w+ )?[a-z]+(?:ed|en|nt) by\b/.test(reply.norm)) out.push('passive_by');
  clauseFeatures(reply.raw, reply.norm, reply.rawIndex, out);
  contextFeatures(findings, out);
  return out;
}
