/**
 * Unsolicited advice (`gives_unsolicited_advice`): telling the other what to do when they have
 * not asked. Questions that are really suggestions ("Have you tried…?", "Why don't you just…?")
 * count; advice the other explicitly asked for does not (rule 7).
 */
import type { Hit } from './evidence.js';
import { anyOf, matchSentences, type RuleInput } from './rule-input.js';

/**
 * Advice beyond "you should": other second-person modals and hedges ("you must", "perhaps you
 * could consider", "it's worth looking into"), the speaker's own verdict on what to do ("that's
 * what I'd do"), and, in listening, the speaker stepping in to act on the other's behalf ("I'll
 * have a word with him"), which takes the problem out of their hands.
 */
const HEDGED_ADVICE = [
  "you (?:really |just |absolutely )?must(?!n't| (?:be|have|like|love|hate|feel|know|think|miss|get|mean)\\b)(?! [a-z]+ed\\b)",
  '(?:perhaps|maybe) you (?:could|might|can)',
  'consider [a-z]+ing',
  "(?:it's|it is|it'd be|it would be|might be|could be) (?:well |really |definitely )?worth (?:[a-z]+ing|a (?:try|look|shot))",
  "(?:that's|that is) what i(?:'d| would) do",
  "i(?:'d| would) (?:definitely |honestly )?(?:just )?(?:tell|ask|leave|dump|report|quit|talk to|go to|ring|call|block|ignore) (?:him|her|them|it|your|the)\\b",
  'try not to (?:stress|worry|think|dwell|panic|overthink|let)',
  'just try (?:to|and)\\b',
];
/** Listening: the speaker will confront or sort out a third party for them. */
export const STEP_IN =
  /\bi(?:'ll| will|'m (?:going to|gonna)) (?:\w+ )?(?:have a (?:word|chat|talk)|talk|speak|sort (?:him|her|them|it) out|tell (?:him|her|them)|call (?:him|her|them)|ring (?:him|her|them)|deal with (?:him|her|them))\b(?! to you| with you)/;

const MODAL_ADVICE = anyOf([
  ...HEDGED_ADVICE,
  "you (?:really |honestly |just |seriously |definitely |probably )*(?:should|shoud|shld|ought to)(?:n't)?(?! have| of|'ve| be (?:over|relieved|glad|proud|happy|fine))",
  'you (?:really |honestly |just |seriously )*(?:need|have|got) to(?! understand| admit| be (?:kidding|joking))',
  "you've got to(?! understand)",
  'you gotta',
  'you (?:might|may) want to',
  'have you (?:tried|thought about|considered|looked into)',
  "why (?:don't|dont|not) you",
  'why not (?:just )?(?!a |an |the |one |two |zero |\\d)[a-z]+',
  "wouldn't it be (?:easier|better|smarter)",
  'could you (?:just |maybe )?(?:try|video|call|talk|ask|go|get|move|take|put|tell (?:her|him|them)|block|delete|see)',
  'you could (?:always |just |try|maybe )',
  "maybe (?:you should|try|it's time|just|get|go|talk|see)",
  "it(?:'s| is) time to",
  'if i were you',
  'if it were me',
  "i(?:'d| would) just",
  "i wouldn't (?:read|worry|bother|take|let)",
  'my advice',
  'the best thing (?:to do )?(?:is|would be)',
  'it (?:might|would|could) help to',
  "(?<!i'll |i will |we'll |i'm going to )make sure you",
  'you can always (?!call|talk|come|text|reach|ask|tell)',
  'what you need (?:to do )?is',
  "you'd be crazy (?:to|not)",
  "trust me,? (?:it's|that's) the only",
  'did you even (?:apply|try|ask|think)',
  'you should always',
  "i(?:'d| would)? (?:strongly |really |definitely )?(?:recommend|suggest|advise)",
  // The speaker's recommendation or wish for the other's act, however it is wrapped ("what I'd
  // like to recommend is", "we strongly recommend that you", "I wish you'd quit").
  "(?:i|we)(?:'d| would| am| are|'m|'re)? (?:like to |going to |gonna |strongly |really )*(?:recommend|suggest|advise)(?: is)? (?:that )?(?:you|people)\\b",
  "i (?:really |just )?wish you(?:'d| would) (?!have\\b|'ve\\b)",
  "i hope you(?:'ll| will)? (?:really )?(?:consider|heed|listen to)\\b",
  'my (?:recommendation|suggestion|advice)',
  "it(?:'d| would| might| could) be (?:really )?(?:good|helpful|best|wise|a good idea|useful) (?:if you|to|for you)",
  'it (?:helps|might help|would help|can help|could help) (?:if|to)',
  'what if you',
  'how about (?:you|trying)',
  'what about (?:trying|you)',
  '(?:^|you |then |honestly,? |so )just (?:say|tell|ignore|block|delete|go|get|move|stop|breathe|focus|be|leave|quit|text|call|talk|ask|let|give)',
]);
/** Sentence-initial imperatives that tell someone what to do (listening only: in an apology "let me" and "blame him" are not advice). */
const IMPERATIVE =
  /^(?:(?:honestly|seriously|look|okay|ok|bro|dude|girl|babe|just|so|and|but|oh|well|then|please),? )*(?:stop|delete|block|put|take|download|go|get|hit|push back|give|try|talk|sit|make|write|quit|leave|move|find|see a|look into|consider|sleep|eat|drink|breathe|journal|avoid|ignore|start|reach out|text her|text him|call her|call him|forget|focus|join|update|hide|drop|dump|cut|set|book|tell (?:her|him|them|your|the)|don't (?:quit|give up|leave|stay|answer|reply|text|call|sign|sell|buy|go|let|take|waste|throw)|never|always|ask (?:her|him|them|your)|keep|lean|sign up|apply|switch|change|delete)\b/;

/** "Ground her for a month", "Dump him": a bare verb first, then the person it is done to. */
const VERB_OBJECT = /^(?:(?:honestly|seriously|look|just|so|and|then|please),? )*([a-z]+) (?:her|him|them|it|yourself)\b/;
const NOT_A_VERB =
  /^(?:love|bless|poor|good|lucky|miss|same|typical|told|saw|met|and|but|so|not|just|even|with|for|to|at|about|from|all|both|like|tell|let|call|text|thank|thanks|hug|hugs|give|got|get|had|made|was|is|would|could|should|can|will|might|must|shall|may|are|were|have|as|than|or|if|when|because|after|before|i|you|we|they|he|she|it|what|how|why|who|where|that|this|there|then|sounds|seems|means|makes|ask|help|see|hear|trust|believe|today|tonight|now|then|here|there|yesterday|tomorrow|maybe|probably|also|still|yes|no|yeah|okay|wow|oh|well|sure|right|honestly|guess|mean|know|think|hope|wish|bet|which|once|until|unless|since|while|though|although|whether|my|your|his|her|their|our|a|the|an)$/;

/** The speaker asks leave to advise or inform ("would it be okay if I…", "can I suggest…", "do you mind if I…"). */
const PERMISSION =
  /^(?:(?:so|and|okay|ok|well|um|uh|now|but|all right|alright),? )*(?:(?:would|is) it (?:be )?(?:ok|okay|alright|all right|fine)(?: with you)? if i|(?:can|could|may|might) i\b|(?:do|would) you mind if i)/;
/** After "why don't you": an invitation to talk to the speaker, not a suggestion to act. */
const INVITES_TALK =
  /^\W*(?:(?:just |start by |begin by )?(?:tell(?:ing)? me|fill(?:ing)? me in|talk(?:ing)? me|walk(?:ing)? me|shar(?:e|ing) (?:with me|what|how|a (?:bit|little))|describe|explain))\b/;

/** Does the context ask for advice, ideas or what the speaker would do? */
export function contextAsksForAdvice(contextNorm: string): boolean {
  return /\b(?:what (?:should|would|do|can) i do|what would you do|if you were me|any (?:advice|ideas|tips|suggestions)|(?:give|need|want) (?:me )?(?:some )?(?:advice|ideas|tips|a plan|suggestions)|tell me what to do|should i\b|how do i\b|what do i do|what did you do|be honest|what do you think i should|where to start|any thoughts)/.test(
    contextNorm,
  );
}

export function findAdvice(input: RuleInput): Hit[] {
  if (input.adviceRequested) return [];
  const hits = matchSentences('gives_unsolicited_advice', input.reply.sentences, MODAL_ADVICE, (s, m) => {
    // An open question that mentions what they need ("what do you think you need to do?") asks; it does not tell.
    if (
      s.isQuestion &&
      /^(?:(?:so|and|okay|ok|well|um|uh),? )*(?:what|how|do you|does|are you|is there)\b/.test(s.text) &&
      !/\b(?:what if you|how about|what about (?:trying|you))\b/.test(m[0])
    )
      return false;
    // An obligation the other feels or describes is reflected, not imposed ("one of the reasons you
    // have to quit", "a part of you knows you need to", "you have to provide for your kids" said back).
    if (
      /\b(?:you (?:have|need|got|'ve got) to|you've got to)\b/.test(m[0]) &&
      /\b(?:feel|feels|feeling|felt|know|knows|think|thinks|thought|saying|said|reasons?|like|when|whenever|where|whatever|that|now|what|how)\s+(?:\w+\s+)?$/.test(
        s.text.slice(0, m.index + 1),
      )
    )
      return false;
    // Asking leave to advise is the opposite of jumping in: "Would it be okay if I made a
    // suggestion?", "Can I suggest something?" (the advice, if it follows, is its own sentence).
    if (s.isQuestion && PERMISSION.test(s.text)) return false;
    // "Why don't you tell me / fill me in on…" invites them to talk; "why don't you tell them" advises.
    if (/why (?:don't|dont|not)/.test(m[0]) && INVITES_TALK.test(s.text.slice(m.index + m[0].length))) return false;
    // "Where do you think you should go from here?" asks for their plan, wherever it sits in the sentence.
    if (s.isQuestion && /\b(?:what|how|where|when|which|who) (?:do|would|did) you think\b/.test(s.text.slice(0, m.index + 1))) return false;
    // "Have you thought about what/when…?" explores; "have you thought about trying X?" suggests.
    if (/have you (?:thought about|considered)/.test(m[0]) && /^\W*(?:what|when|how|where|why|who|whether|if)\b/.test(s.text.slice(m.index + m[0].length)))
      return false;
    // "Maybe you could tell me…" invites; it does not advise.
    if (
      /(?:you could|could you)/.test(m[0]) &&
      /^\W*(?:(?:just|maybe) )?(?:tell|share|say|describe|talk me|walk me|explain)\b/.test(s.text.slice(m.index + m[0].length - 4).replace(/^\S*\s*/, ''))
    )
      return false;
    // "before you got to tell me": "got to" after a time word is past tense, not an order.
    if (/\b(?:before|after|when|until|once|since|never|finally)\s+(?:you|u)\s+(?:got|get) to\b/.test(s.text)) return false;
    // "You could always call me" offers help; "could you tell me more" invites.
    return !/(?:call|text|talk to|come to|lean on) me\b/.test(s.text.slice(m.index, m.index + 40)) || /\bshould\b/.test(m[0]);
  });
  if (input.kind !== 'listening') return hits;
  for (const s of input.reply.sentences) {
    const m = STEP_IN.exec(s.text);
    if (m && !hits.some((h) => h.start === s.start)) hits.push({ criterion: 'gives_unsolicited_advice', start: s.start, end: s.end });
  }
  for (const s of input.reply.sentences) {
    if (hits.some((h) => h.start === s.start)) continue;
    const vo = VERB_OBJECT.exec(s.text);
    const bareVerbFirst = vo !== null && !NOT_A_VERB.test(vo[1]!) && !/(?:ed|ing|ly|s)$/.test(vo[1]!);
    if (
      (IMPERATIVE.test(s.text) || bareVerbFirst) &&
      !/^(?:let me|tell me|call me|text me|talk to me)\b/.test(s.text) &&
      !/\b(?:me|us) (?:know|when)\b/.test(s.text)
    ) {
      hits.push({ criterion: 'gives_unsolicited_advice', start: s.start, end: s.end });
    }
  }
  return hits;
}
