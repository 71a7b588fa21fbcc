/**
 * Self-focus (`self_focus`): turning the conversation to the speaker's own experience or
 * feelings. A brief disclosure that turns straight back to the other is fine (rule 7), so
 * besides unmistakable phrases ("this has been so hard for me too") the rule weighs how much
 * of the reply is about "I" against how much is about "you".
 */
import type { Hit } from './evidence.js';
import { sentenceHit } from './evidence.js';
import { anyOf, type RuleInput } from './rule-input.js';

const STRONG = anyOf([
  '^(?:ugh,? |oh,? |honestly,? )?tell me about it',
  '^(?:same|me too|same here|relatable|mood)\\b',
  'that reminds me',
  '(?:this|that|the same thing|it) (?:has )?happened to me',
  'i know exactly how (?:that|you|it)',
  'hard for me(?: too)?',
  'for me too',
  'join the club',
  'you have no idea how',
  'i (?:feel|felt) (?:so |really |just )?(?:awful|terrible|sick|horrible|like (?:the worst|a terrible|a monster|garbage|crap))',
  "i(?:'ve| have) (?:been )?(?:crying|a mess|a wreck|struggling|beating myself up|barely slept|felt sick|not slept)",
  "i (?:can't|cannot|couldn't) (?:handle|sleep|eat|focus|function|stop thinking|stop crying|breathe)",
  "i'm (?:the worst|a wreck|a mess|struggling|exhausted|not okay|falling apart)",
  'i cried',
  "(?:i find|i found|i'm finding) it (?:so |really )?(?:hard|difficult|tough) too",
  "i'll tell you what i did",
  'when (?:that|it|this) happened to me',
  'when i (?:got|was) (?:made redundant|fired|dumped|laid off|diagnosed|divorced|let go|sacked)',
  'let me tell you about (?:my|me|him|her|when)',
  'my (?:ex|aunt|uncle|mum|mom|dad|friend|cousin|sister|brother|boss) (?:used to|has|had|does|did) [^.]*\\b(?:me|my|i)\\b',
  'how guilty i',
  'i (?:really |just )?need you to (?:forgive|tell me|say)',
  'a lot for me',
  '(?:makes|made) me (?:so )?(?:sad|upset|anxious) too',
  '(?:freaks|freaked) me out',
  "what i (?:went|'ve been) through",
  '(?:when|after) my (?:\\w+ )?(?:daughter|son|kids?|ex|husband|wife|mom|mum|dad|boss|manager|brother|sister|dog|cat|grandma|grandpa) (?:was|did|left|had|died|passed)',
  'my (?:grandma|grandmother|grandpa|mom|mum|dad|sister|brother|friend|cousin|aunt|uncle|ex|boss|manager|husband|wife|kid|son|daughter) (?:had|went through|did|does) (?:that|the same|this|it)\\b',
  'when i had my',
  'i was a (?:zombie|wreck|mess)',
  "my (?:ex|daughter|husband|wife|manager|boss) (?:hid|does|did|won't|doesn't|took)",
  'i wish i had your',
  'mine takes',
  'falling apart for me',
  'hardest (?:months?|weeks?|years?) of my',
]);
/** Disclosures that count only when the sentence does not turn back to the other. */
const STORY = /\bmy own (?:manager|boss|daughter|son|kids|mom|dad|ex)\b/;
const NOT_ABOUT_ME = /\b(?:this isn't about me|not about me|but enough about me|anyway,? (?:how|what)|that's mine to)\b/;
const I_WORDS = /\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b/g;
const YOU_WORDS = /\b(?:you|your|you're|you've|you'd|yours|yourself)\b/g;
/** Sentences about the speaker that are still for the other: owning, apologising, offering. */
const OTHER_DIRECTED = /\b(?:sorry|apologi|my fault|on me|i'll|i will|let me|i'd like|i'd love|i should|i shouldn't|i was wrong)\b/;

/**
 * The speaker's own parallel story, told in the first person: "When I lost mine…", "My dad had
 * cancer too", "I went through my divorce last year…", "I'm worn out too". In listening such a
 * sentence is self-focus unless a later sentence turns back to the other (rule 7).
 */
const PAST =
  "(?:[a-z]+ed|went|got|had|was|were|did|lost|found|felt|took|made|thought|knew|ended up|haven't|hadn't|never|used to|remember|spent|left|quit|broke|fell|cried|couldn't|didn't|wasn't)";
const KIN =
  '(?:mum|mom|dad|mother|father|sister|brother|ex|aunt|uncle|gran|granny|grandma|grandad|grandpa|nan|cousin|friend|mate|boss|manager|husband|wife|partner|son|daughter|kid|kids|dog|cat|flatmate|roommate|neighbour|neighbor|teacher|colleague)';
const PARALLEL = anyOf([
  `^(?:(?:honestly|oh|omg|yeah|god|ugh|lol|haha|same|and|but|so),? )*(?:when|after|before|back when|the time) (?:i|my|we)\\b`,
  `^(?:(?:honestly|oh|omg|yeah|god|ugh|lol|haha|and|but|so),? )*i (?:\\w+ )?${PAST}\\b`,
  `^(?:(?:honestly|oh|omg|yeah|god|ugh|lol|haha|and|but|so),? )*my (?:old |own |\\w+'s )?${KIN} (?:\\w+ )?(?:${PAST}|has|does|is)\\b`,
  '\\bmine (?:does|did|was|is|got|had|takes|used to|went)\\b',
  '\\b(?:when|after) i [a-z]+ mine\\b',
  "\\b(?:i'm|i am|i was|i've been|i feel|i felt) (?:\\w+ ){0,3}too\\b",
  '\\b(?:hard|tough|brutal|awful|difficult|rough|a lot|scary|sad|horrible|stressful) (?:for|on) me\\b',
]);
/** Sentences that speak to the other; "you know" is a filler, not a turn back. */
const ADDRESSES_OTHER = /\b(?:you|your|you're|you've|you'd|yours|yourself)\b/;

function parallelStory(input: RuleInput): Hit[] {
  if (input.kind !== 'listening') return [];
  const sentences = input.reply.sentences;
  const addresses = sentences.map((s) => ADDRESSES_OTHER.test(s.text.replace(/,? you know,?/g, ' ')));
  for (const s of sentences) {
    const m = PARALLEL.exec(s.text);
    if (!m || addresses[s.index] || OTHER_DIRECTED.test(s.text)) continue;
    // A disclosure followed by a turn back to the other ("…anyway, how are you?") is allowed.
    if (addresses.slice(s.index + 1).some(Boolean)) continue;
    return [sentenceHit('self_focus', s, s.start + m.index)];
  }
  return [];
}

export function findSelfFocus(input: RuleInput): Hit[] {
  const sentences = input.reply.sentences;
  if (sentences.some((s) => NOT_ABOUT_ME.test(s.text))) return [];
  const turnsBack = sentences.length > 0 && /\b(?:you|your)\b/.test(sentences.at(-1)!.text) && sentences.at(-1)!.isQuestion;
  // Asked "what did you do?", a story of one's own is the answer, not a hijack.
  if (/\bwhat did you do\b|\byou went through this\b/.test(input.context.norm)) return [];
  const hits: Hit[] = [];
  let selfSentences = 0;
  let firstSelf = -1;
  for (const s of sentences) {
    const strong = STRONG.exec(s.text);
    if (strong && !turnsBack) {
      hits.push(sentenceHit('self_focus', s, s.start + strong.index));
      continue;
    }
    const story = STORY.exec(s.text);
    if (story && !turnsBack && !/\b(?:you|your)\b/.test(s.text)) {
      hits.push(sentenceHit('self_focus', s, s.start + story.index));
      continue;
    }
    const mine = s.text.match(I_WORDS)?.length ?? 0;
    const yours = s.text.match(YOU_WORDS)?.length ?? 0;
    if (mine >= 2 && yours === 0 && !OTHER_DIRECTED.test(s.text)) {
      selfSentences++;
      if (firstSelf < 0) firstSelf = s.index;
    }
  }
  if (hits.length === 0 && selfSentences >= 2 && !turnsBack && selfSentences * 2 >= sentences.length) {
    hits.push(sentenceHit('self_focus', sentences[firstSelf]!));
  }
  return hits.length > 0 || turnsBack ? hits : parallelStory(input);
}
