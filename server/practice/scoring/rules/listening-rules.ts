/**
 * Listening moves: validating the feeling (`validates_feelings`), reflecting what was said
 * (`reflects`) and inviting more (`asks_open_question`). Rules 5 and 6: a paraphrase naming the
 * feeling is both reflection and validation; repeating the feeling word alone is validation
 * only; an invitation phrased as a statement is an open question; a question that is really
 * advice ("have you tried…?") or a yes/no check is not.
 */
import type { Hit } from './evidence.js';
import { sentenceHit } from './evidence.js';
import { anyOf, matchSentences, type RuleInput } from './rule-input.js';
import { contentStems, negatedBefore, stripLead, type Sentence } from './text-analysis.js';

const FEELING_ADJ =
  '(?:awful|hard|painful|frightening|terrifying|scary|lonely|isolating|exhausting|infuriating|maddening|frustrating|heartbreaking|devastating|agoni[sz]ing|brutal|rough|tough|overwhelming|upsetting|stressful|heavy|difficult|horrible|humiliating|embarrassing|confusing|disorienting|deflating|draining|gutting|terrible|sad|wrenching|gut-wrenching|a gut punch|unbearable|miserable|nerve-wracking|worrying|distressing|disappointing|lonely|infuriating|enraging|unsettling|jarring|a blow|a shock|crushing|annoying|irritating|demoralising|demoralizing|disheartening)';
const FEELING_WORD =
  '(?:hurt|angry|upset|scared|afraid|frightened|terrified|anxious|worried|nervous|sad|lonely|exhausted|overwhelmed|frustrated|furious|mad|embarrassed|humiliated|ashamed|guilty|heartbroken|devastated|gutted|disappointed|let down|blindsided|reeling|shaken|panicking|panicked|stressed|jealous|betrayed|invisible|forgotten|unheard|disrespected|mortified|crushed|frazzled|deflated|insulted|hopeless|helpless|resentful|bitter|numb|drained|confused|sad|grieving|homesick|torn|conflicted|furious|fed up|miserable|unappreciated|unseen|dismissed|abandoned|hurting|rattled|on edge|uneasy|dreading|overlooked|annoyed|irritated|sidelined|ignored|unwanted|trapped|stuck|lost|alone|isolated|powerless|worn out|burnt out|anxious|shocked|stunned|nervous|uncertain|unsure|ashamed|small|judged|exposed|unsafe|defeated|pressured)';

/**
 * Validation beyond stock phrases: clearing the other of fault ("it isn't your fault", "none of
 * this is on you"), calling the feeling or reaction normal or legitimate ("it's normal to
 * freeze", "you have every reason to be annoyed", "what you're feeling is legit"), and naming
 * the feeling the other carries ("you feel overlooked", "a lot of nerves").
 */
const LEGITIMATE = '(?:fair|valid|understandable|justified|reasonable|legitimate|legit|normal|natural|real|okay|ok|human|warranted)';
const GENERAL_VALIDATION = [
  "(?:(?:it's|it is|it was|that's|that is|this is|that was) not|isn't|wasn't|none of (?:this|that|it) (?:is|was)) (?:really |honestly |completely |totally |at all )?(?:your fault|on you)",
  "(?:isn't|wasn't|is not|was not|not) (?:\\w+ )?your fault",
  'you (?:did|have done) nothing wrong',
  `(?:it's|it is|that's|that is) (?:really |so |completely |totally |perfectly |very )*${LEGITIMATE} to (?!me\\b)[a-z]+`,
  '(?:every|good|a lot of|all the) reasons? to (?:be|feel)',
  `(?:what|how) you(?:'re| are)? (?:feel|feeling|felt)(?:ing)? (?:is|was|makes) (?:completely |totally |so |perfectly |entirely )?(?:${LEGITIMATE}|sense)`,
  `you(?:'re| are)? (?:feel|feeling|felt)(?: so| really| pretty| quite| a bit| kind of)? (?!like|that|as|about|it|the|a|you|to|when|if|up|better|free|ready|safe|good|fine|okay|ok)[a-z]+(?:ed|ful|less|ous|ive|y)\\b`,
  "you(?:'re| are|'ve been| have been)? (?:\\w+ ){0,2}(?:a lot of|so much|all (?:that|this)|this much) (?:nerves|fear|grief|anger|pain|hurt|worry|guilt|shame|stress|pressure|dread|sadness|anxiety|tension)",
  'took (?:real |a lot of |so much )?(?:courage|guts)',
  'takes (?:real |a lot of |so much )?(?:courage|guts)',
];

const VALIDATION = anyOf([
  ...GENERAL_VALIDATION,
  'no wonder',
  "of course (?:you|you're|you'd|you were|you feel|you felt|it|that|it's)",
  '(?:makes?|made) (?:total |complete |perfect |a lot of |so much |such |)?sense',
  'understandabl[ey]',
  'every right',
  'right to (?:be|feel)',
  'allowed to (?:be|feel)',
  '(?:fair|okay|ok|normal|natural|valid|reasonable|human) (?:thing )?to (?:feel|be|want|worry)',
  "(?:that's|that is|that's a) (?:a )?fair(?: thing| way| reaction)?(?! to me)",
  '(?:i |i can |i totally |i completely )?(?:get|see|understand) why (?:you|that|it)',
  'i can see (?:how|why) (?:that|it|you)',
  'anyone would (?:be|feel|have felt|have been|react|get|struggle|find)',
  "who wouldn't",
  'would (?:hurt|sting|upset|anger|scare|frustrate|get to) anyone',
  '(?:make|makes|made) anyone (?:\\w+ )?(?:furious|angry|upset|sad|anxious|nervous|scared)',
  'for anyone',
  "i'd (?:be|have been|feel|probably be) (?:\\w+ )?(?:\\w+ )?too",
  '(?:i|we) would (?:be|have been) (?:\\w+ )?too',
  `(?:i can tell|it was obvious|i know) (?:how much )?(?:you(?:'re| are| were| felt| feel))(?: \\w+)? ${FEELING_WORD}`,
  `you (?:must|must've|must have) (?:felt|feel|be|been|have felt|have been)`,
  `how (?:\\w+ )?${FEELING_ADJ} (?:that|it|this) (?:must|is|was|would)`,
  'i can (?:only )?imagine how',
  "i can't imagine how",
  `must (?:have been|be|feel|have felt) (?:so |really |incredibly |pretty |such |absolutely )*${FEELING_ADJ}`,
  `must (?:have )?(?:really )?(?:stung|hurt|cut deep|sucked)`,
  `(?:that|it|this|which)(?:'s| is| was| sounds| seems| must be| must have been| feels) (?:so |really |such |incredibly |absolutely |pretty |a bit |just |completely |genuinely |its own kind of )*${FEELING_ADJ}`,
  `(?:sounds|sounded) (?:like )?(?:so |really |such |incredibly |absolutely |pretty |a bit |just |completely )*(?:a )?${FEELING_ADJ}`,
  `(?:such a|what a|so) ${FEELING_ADJ} (?:thing|feeling|moment|place|news|spot|position|way)`,
  `(?:that's|what a|that is) (?:such )?(?:a )?(?:gut punch|blow|shock|lot to carry|lot to sit with|heavy thing|painful thing)`,
  `${FEELING_ADJ} (?:thing )?to (?:sit with|carry|hear|go through|get|deal with)`,
  `you(?:'re| are| were|'ve been| have been| felt| feel| seem| sound) (?:so |really |feeling |pretty |still |completely |totally |this |that |a bit |a little )*${FEELING_WORD}`,
  "you(?:'re| are) not (?:being )?(?:dramatic|crazy|overreacting|wrong|silly|stupid|weak|alone in)",
  "(?:it's|that's|is) (?:completely |totally )?(?:valid|real)(?! quick)",
  '(?:pain|fear|anger|grief|hurt|feeling) (?:is|was) (?:completely |totally )?(?:real|valid|understandable)',
  "sorry (?:you're|you are|that you're|you've been) (?:going through|dealing with|carrying)",
  '(?:hear|see|tell) how much you',
  "i'm so sorry(?:[.!]| for your loss| about your)",
  'losing (?:a|your) \\w+ is',
  'that took (?:so much )?courage',
  'your (?:frustration|anger|hurt|disappointment|feelings?|reaction|upset|worry|worries|fear|fears|sadness|grief|concern|concerns) (?:is|are|was|were|makes?) (?:completely |totally |so |entirely |absolutely |perfectly )?(?:fair|valid|understandable|justified|reasonable|legitimate|sense|real|warranted)',
  '(?:sounds|sounded) like (?:so much|a lot)',
  "(?:that's|that is) (?:so much|a lot) to (?:carry|deal with|hold|handle)",
  `(?:that|this) (?:fear|anger|worry|sadness|grief|feeling) makes`,
  'so unfair (?:to|on) you',
  "(?:i feel|i'm) (?:so |really )?(?:sad|sorry) for you",
]);
const NOT_VALIDATION =
  /\b(?:for me too|to me too|i remember how|sorry (?:if|that you feel|you feel|you felt)|must be nice|sounds like a plan|sounds good|sounds great|too sensitive|you're right\b(?! to))/;

export function findValidation(input: RuleInput): Hit[] {
  return matchSentences('validates_feelings', input.reply.sentences, VALIDATION, (s, m) => {
    if (NOT_VALIDATION.test(s.text)) return false;
    if (s.isQuestion && /^(?:are|were|do|did|is|have) you/.test(s.text)) return false;
    const at = m.index + (m[0].length - m[0].trimStart().length);
    // "I'm so sorry" validates a loss in listening, not in an apology.
    if (/i'm so sorry/.test(m[0]) && input.kind !== 'listening') return false;
    // A match that carries its own negation ("none of this is on you") is not negated by an earlier clause.
    return !negatedBefore(s.text, at) || /not (?:being )?(?:dramatic|crazy|overreacting|wrong)|\b(?:not|isn't|wasn't|none)\b/.test(m[0]);
  });
}

/** Openers that announce a paraphrase. */
const REFLECTION_OPENER = anyOf([
  "^(?:so|and so|okay,? so|ok,? so|right,? so|mm,? so|and),? (?!sorry|glad|much|happy|proud|sad|i |i'm|i'll|i've|we |let|what |how |are |do |did |is |can |will |yeah|true|good|anyway)",
  '(?:it )?(?:sounds|seems|feels|looks) like (?!a plan|fun|a good|a great|good|great|a lot of fun)',
  "what i(?:'m| am)? hear(?:ing)?",
  "i(?:'m| am)? (?:also )?(?:am )?hearing (?:that|you)",
  'as you (?:said|say|mentioned|put it)',
  "you(?:'re| are| were) (?:saying|telling me)",
  "(?:it's )?(?:almost )?as if you",
  'on (?:the )?one hand',
  'on the other hand',
  '^sounds like (?:you|your|what|the|part|it)',
  "what i'm hearing",
  "if i'm (?:hearing|understanding) you",
  "you're saying",
  '(?:what|how) you (?:said|described|told me)(?: —| -|,)? (?:that|about)',
  'you (?:said|told me) (?:that |it )?(?:felt|feels|it felt|you felt|you feel|like|when)',
  'thinking about what you said',
  "^(?:it's|it is) like (?:losing|you|your|being|having|everyone|the)",
  '^like (?:everyone|you|your|the|being)',
  "(?:there's )?(?:a )?part of you",
  'you (?:mean|feel like|feel as if)',
  "^(?:so )?it's not (?:just |only |about |that |really )",
]);
const NOT_REFLECTION =
  /\b(?:you should|you need to|you have to|you've got to|you could(?!n't)|you can(?!')|you'll|you deserve|you're right|you know|you matter|you're not|you are not|you're (?:a great|so strong|amazing|lucky))\b/;
/** Advice inside an announced paraphrase still makes it advice. */
const ADVICE_IN_REFLECTION = /\b(?:you should|you need to|you have to|you've got to)\b/;
/** Content words that appear in almost any reply, so sharing them says nothing. */
const WEAK_STEMS = new Set(['time', 'really', 'feel', 'like', 'know', 'people', 'someth', 'thing', 'good', 'right', 'sure', 'week', 'day']);

function sharedStems(text: string, context: Set<string>): number {
  let n = 0;
  for (const w of contentStems(text)) if (context.has(w) && !WEAK_STEMS.has(w)) n++;
  return n;
}

export function findReflections(input: RuleInput, redFlagSentences: ReadonlySet<number>): Hit[] {
  const hasContext = input.context.norm.trim().length > 0;
  const hits: Hit[] = [];
  const ctxStems = input.contextStems;
  const ctxSize = ctxStems.size;
  for (const s of input.reply.sentences) {
    if (redFlagSentences.has(s.index)) continue;
    const t = s.text;
    const opener = REFLECTION_OPENER.exec(t) ?? REFLECTION_OPENER.exec(stripLead(t));
    if (opener && !ADVICE_IN_REFLECTION.test(t) && (!s.isQuestion || isDeclarativeQuestion(t))) {
      if (/^(?:so|okay so|ok so)/.test(t) && !/\b(?:you|your|you're|yourself|it's|it was|she|he|they|everyone|there's|the)\b/.test(t)) continue;
      hits.push(sentenceHit('reflects', s, s.start + opener.index));
      continue;
    }
    // A draft's context describes the situation; only the partner's own words can be reflected.
    if (!hasContext || input.kind === 'draft' || (s.isQuestion && !(input.kind === 'listening' && isDeclarativeQuestion(t)))) continue;
    if (isEchoReflection(s, ctxStems, ctxSize, input.kind)) hits.push(sentenceHit('reflects', s));
  }
  return hits;
}

/**
 * Reflections without a stock opener: a sentence about the other ("you…", "she…") or an echo
 * fragment ("Twelve years, and…") that shares content words with what they said but is not a
 * verbatim repeat, not advice, and not the speaker's own act.
 */
/** "You use it most weekends?": statement word order with a rising tone checks understanding. */
function isDeclarativeQuestion(text: string): boolean {
  const t = stripLead(text);
  if (
    /^(?:what|how|why|when|where|who|which|tell me|are|is|am|was|were|do|does|did|have|has|had|can|could|would|will|won't|shall|should|may|might|isn't|aren't|don't|doesn't|didn't|haven't|wouldn't|couldn't|right|or|any|anything)\b/.test(
      t,
    )
  )
    return false;
  return (
    /^(?:so |and |it sounds |sounds |you|your|like |the |a |some|part|kind of|sort of|almost|maybe|[a-z]+,? like\b)/.test(t) || /^[a-z' ]+, like\b/.test(t)
  );
}

/** A verdict on the other's feeling ("Your fear is completely reasonable") judges it; it does not paraphrase. */
const FEELING_VERDICT =
  /^(?:your (?:\w+ )?(?:reaction|feelings?|fear|anger|frustration|worry|hurt|upset|response|sadness|grief)|you have every reason|what you(?:'re| are) feeling|it (?:wasn't|isn't) your fault)\b/;

function isEchoReflection(s: Sentence, ctx: Set<string>, ctxSize: number, kind: RuleInput['kind']): boolean {
  const t = stripLead(s.text);
  if (NOT_REFLECTION.test(t) || FEELING_VERDICT.test(t)) return false;
  const shared = sharedStems(t, ctx);
  const own = contentStems(t).size;
  if (own === 0) return false;
  // Mostly the other's own words back at them: a repeat, not a paraphrase.
  if (shared / own > 0.75 && own <= ctxSize) return false;
  const fragment =
    /^(?:(?:a |the |all |both |again|only |just )?[a-z0-9'-]+(?: [a-z0-9'-]+){0,4}(?:,| —| -)|(?:running|holding|hearing|being|carrying|losing|getting|sitting|watching|doing|trying|having|juggling|waiting|finding|left|stuck)\b)/.test(
      t,
    );
  const secondPerson = /^(?:and |but |yeah,? )?(?:you|you're|you've|you'd|your)\b/.test(t) && !/^you(?:'re| are)? (?:must|probably)/.test(t);
  const thirdPerson =
    /^(?:she|he|they|your (?:\w+ )?(?:mom|mum|dad|son|daughter|boss|manager|sister|brother|partner|friend|wife|husband|kid|kids|girlfriend|boyfriend))\b/.test(
      t,
    ) &&
    /\byou|your\b/.test(t) &&
    !/\bi\b/.test(t);
  const mentionsThem = /\b(?:you|your|you're|you've|yourself)\b/.test(t);
  const words = t.split(/\s+/).length;
  // Echoes of a number or span from what they said: "Three years without…", "A whole season of…".
  const measured =
    /^(?:a|an|the|all|both|every|each|another|whole|after|still|even|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|a hundred|\d+)\b/.test(
      t,
    ) && !/^(?:the|a|an) (?:\w+ )?(?:was|is|were|are)\b/.test(t);
  if (kind === 'listening' && measured && shared >= 1 && !/^\S+ (?:i|we)\b/.test(t)) return true;
  // In listening a plain statement about the other's experience is a paraphrase even in new words.
  if (kind === 'listening' && secondPerson && words >= 6) return true;
  if (kind === 'listening' && thirdPerson && words >= 6) return true;
  if (kind !== 'listening' && !secondPerson) return false;
  if (
    fragment &&
    (shared >= 1 || mentionsThem) &&
    !/^(?:i|i'm|i've|i'd|i'll|we|my|sorry|okay|yes|no|well|look|honestly|hey|hi|dear|oh|ugh|wow|lol|omg|same|please|thanks|thank|of course|that|this|it|what|how|if|when|since|because|as|while|though|although|just|maybe|also|and|but|so|yeah|anyway|listen|sure|sorry)\b/.test(
      t,
    )
  )
    return shared >= 1 || kind === 'listening';
  if ((secondPerson || thirdPerson) && shared >= 1) return true;
  return false;
}

/** Open question words, once fillers are stripped from the front of a question. */
const OPEN_START =
  /^(?:(?:so|and|but|okay|ok|well|mm|hmm|honestly|also|then|right|i'm curious|can i ask|i wonder|i'm wondering|i guess),? )*(?:[a-z]{1,3}-)?(?:what|how|tell me|in what way|which part|why(?! (?:don't|didn't|not|would|wouldn't|won't|can't|on earth|the hell))|where|when do you|what's|how's|what're|(?:anything|what) else)\b/;
const NOT_OPEN =
  /^(?:(?:so|and|but|okay|well),? )*(?:how about|how (?:could|can|dare|is (?:that|this|it) my)|what if (?:you|we)|what about (?:trying|if|you)|what (?:else )?(?:was|am|could|should|were) i (?:supposed|meant|gonna|to)|what do you want me to do|what did you expect|what's (?:the (?:big )?deal|wrong with|there to be|the point)|what were you thinking|how long|how many|how much|how old|how often|what time|what day|what date|how come you didn't|what would you do|what (?:should|could) you)\b/;
const INVITATION = anyOf([
  "(?:i'd|i would|i) (?:really |genuinely |honestly )?(?:like|love|want) to (?:hear|know|understand) (?:more|what|how|about|your|where|why)",
  'i (?:really )?want to hear(?:[.!]| (?:it|more|what|how|about))',
  'tell me (?:(?:a (?:little )?(?:bit )?|some(?:thing)? |a bit )(?:more |about )?)?(?:more|about (?!it\\b)|what|how|everything|if there|whatever|why)',
  '(?:walk|take|talk) me through',
  "(?:i'm|i am) (?:\\w+ )?(?:interested in|keen to hear|wondering) (?:what|how|why|about|if you(?:'d| could| can| would) (?:tell|share|say|talk))",
  '(?:to|and) hear (?:how|what|about|more|all about|your side)',
  '(?:can|could|would|will) you (?:tell|share with) me (?:a (?:little )?(?:bit )?|some(?:thing)? |a bit )?(?:more|about|what|how)',
  "(?:i'm|i am) (?:curious|wondering) (?:what|how|about)",
  'i (?:wonder|was wondering) (?:what|how|about)',
  '(?:please )?(?:tell|let) me (?:know )?(?:what|how) (?:would|could|might) help',
  "if there's anything (?:else )?(?:that )?(?:would help|i can do)[^.]*(?:tell|let) me",
  'please tell me(?: if| what|[.!])',
  'talk me through',
]);

export function findOpenQuestions(input: RuleInput): Hit[] {
  const hits: Hit[] = [];
  for (const s of input.reply.sentences) {
    const t = s.text;
    if (s.isQuestion) {
      // A question may trail a statement inside one sentence ("No rush — how was it?").
      const tail = t.split(/(?:,| —| -|;|:) (?=(?:so |and |but )?(?:what|how|why|tell)\b)/).pop() ?? t;
      for (const part of tail === t ? [stripLead(t)] : [stripLead(t), stripLead(tail)]) {
        if (OPEN_START.test(part) && !NOT_OPEN.test(part)) {
          hits.push(sentenceHit('asks_open_question', s));
          break;
        }
      }
      if (hits.at(-1)?.start === s.start) continue;
    }
    const inv = INVITATION.exec(t);
    if (inv && !/tell me about it\b/.test(t)) hits.push(sentenceHit('asks_open_question', s, s.start + inv.index));
  }
  return hits;
}
