/**
 * Ownership: naming the harm (`acknowledges_harm`), owning it plainly (`takes_responsibility`)
 * and the apologies that dodge it (`non_apology`). These follow labelling rules 1-3: a
 * first-person statement of what the speaker did is both harm and ownership unless a deflection
 * follows; passive or softened naming is harm without ownership; conditional, feelings-directed
 * and passive apologies are non-apologies.
 */
import type { Hit } from './evidence.js';
import { sentenceHit } from './evidence.js';
import { anyOf, matchSentences, type RuleInput } from './rule-input.js';
import type { Sentence } from './text-analysis.js';

const I = '(?:i|we)';
const ADV = '(?:(?:just|totally|completely|really|basically|literally|honestly|then|also|even|kind of|sort of|pretty much|still|again|actually) )*';

/** Past-tense acts that, said of oneself, name a harm done to the other. */
const HARM_VERBS = [
  'forgot',
  'forgotten',
  'missed',
  'cancell?ed',
  'bailed',
  'yelled',
  'snapped',
  'shouted',
  'screamed',
  'swore',
  'lied',
  'broke',
  'ignored',
  'ditched',
  'dented',
  'scratched',
  'read',
  'opened',
  'posted',
  'shared',
  'mocked',
  'laughed',
  'interrupted',
  'cut (?:you|across|in)',
  'took (?:credit|your|the credit|it out)',
  'presented your',
  'reassigned',
  'sold',
  'ate',
  'invited',
  'dismissed',
  'contradicted',
  'overruled',
  'accused',
  'blurted',
  'skipped',
  'hung up',
  'walked out',
  'dropped',
  'let (?:you|it|my|the|that|them|her|him)',
  'failed',
  'charged',
  'embarrassed',
  'humiliated',
  'hurt',
  'insulted',
  'critici[sz]ed',
  'blamed',
  'abandoned',
  'ghosted',
  'flaked',
  'stood you up',
  'kept (?:you|it|dodging|doing|putting|cutting|pushing|checking)',
  'spaced',
  'dodged',
  'belittled',
  'raised my voice',
  'made (?:fun|a joke|a crack|a comment|jokes|plans|you)',
  'went through (?:your|my|the)',
  'borrowed',
  'lost (?!track|it\\b|my|sleep|touch)',
  'damaged',
  'spilled',
  'ruined',
  'spoiled',
  'revealed',
  'leaked',
  'gossiped',
  'undermined',
  'undercut',
  'excluded',
  'neglected',
  'stole',
  'crashed',
  'showed up late',
  'blew (?:you )?off',
  'blew up',
  'lashed out',
  'went off (?:at|on) ',
  'sat there',
  'left (?:you|it|the|your|them|her|him|before|early|without)',
  'pulled out',
  'piled on',
  'shut (?:you|it|the|that)',
  'spoke to you',
  'talked over',
  'went behind',
  'called (?:you|your|it|her|him)',
  'said (?:some|that|what|your|you|those|it|such|a|things)',
  'told (?:you (?:that )?you|my|your|his|her|the|our|everyone|everybody|people|them|him|\\w+ (?:about|that|your))',
  'sent (?:the|that|it|your|an?)',
  'changed (?:the|our|your|it|plans)',
  'booked',
  'gave (?:your|the client|away|it)',
  'pushed (?:it|the|that)',
  'was (?:late|rude|sharp|harsh|short|mean|cruel|dismissive|condescending|careless|thoughtless|distant|absent|out of line|a pretty absent|not there)',
  'delivered (?:it |the \\w+ |your \\w+ )?(?:late|a day late|the wrong)',
  'was wrong to',
  "(?:should not|shouldn't|shouldnt|should never|should|should've) (?:have |'ve )?(?!known|been more|done more)(?:said|called|told|made|done|yelled|snapped|posted|shared|read|opened|gone|taken|left|let|been there|stuck|checked|asked|come|shown|texted|warned|answered)",
  "wasn't (?:there|around|home|on time)",
  "was(?:n't)? being (?:rude|short|mean|dismissive|a jerk)",
  '[a-z]+(?:ed|t) (?:the|your|you|a) wrong',
  'showed up (?:two|three|an|\\d+|late)',
  'came (?:in|home) (?:late|at)',
  'got the dates mixed up',
  'may have (?:interrupted|been|said|hurt)',
];
/** Things not done: "I didn't call", "I never showed", "I haven't been around". */
const NOT_DONE = [
  "(?:didn't|did not|never|haven't|have not|hadn't|wasn't able to) " +
    ADV +
    '(?:show|come|call|text|visit|ask|tell|help|check|double-check|flag|deliver|return|reply|respond|answer|stick|stand|back|support|pay|listen|thank|consult|invite|include|warn|notice|remember|follow|give|send|submit|finish|turn up|make it|get back|pick|be there|write|defend|speak|let you know|bother)',
  "(?:haven't|have not) been (?:around|there|present|available|a good)",
];
/** Acts with their own subject: "I've been distant", "I did that", "I said I'd stop and then kept doing it". */
const OWN_SUBJECT_ACTS = [
  "(?:i've|we've|i have) (?:been (?:distant|short|out|absent|sneaking|taking|a pretty|ignoring|avoiding|dodging|missing)|owed|missed|done (?:it|that|this))",
  "(?:i|i've|we|we've) (?:did|done) (?:that|it|this|the same)(?! for)",
  'i (?:did|do) (?:break|miss|forget|keep|cut|say|tell|yell|snap|lie|let)',
  "i (?:said|promised|told you) (?:i'd|i would|i'll|i was going to) [^.;]{0,60}?(?:and|but) (?:then )?(?:i )?(?:didn't|did not|never|kept|forgot|broke|haven't|missed|i've missed|i wasn't)",
];

/** Past-tense verbs that, aimed at "you", are not harms ("I loved you", "I called your mum"). */
const BENIGN_ED =
  'assumed|expected|missed you|helped|needed|wanted|asked|thanked|trusted|believed|supported|noticed|texted|called|invited|hugged|kissed|visited|waited|promised|warned|offered|reminded|followed|liked|enjoyed|appreciated|respected|admired|adored|valued|hired|paid|joined|contacted|emailed|messaged|answered|picked|cooked|watched|heard|understood|showed|tried|hoped|wished|played|cared|owed|believed|figured|assumed|considered|imagined|noticed|realised|realized|worried|dreamed|expected|defended|backed|included|praised|encouraged|forgave|phoned|named|added|booked|mentioned|managed|stayed|signed|checked|booked|handed|passed|compared|treated|dated|married|raised';

const FIRST_PERSON_ACT = anyOf([
  `i (?:just |totally |really |basically |then )?(?!(?:${BENIGN_ED})\\b)[a-z]+ed (?:you|your)\\b`,
  'i [a-z]+(?:ed)? (?:off |out |away |home |ahead )?without (?:you|telling you|asking you|a word|saying|checking|letting you|waiting)',
  `${I} ${ADV}(?:${HARM_VERBS.join('|')})`,
  `${I} ${ADV}(?:${NOT_DONE.join('|')})`,
  ...OWN_SUBJECT_ACTS,
]);
/** Clauses where a named act is hypothetical, denied or conditional, so it names nothing. */
const HYPOTHETICAL = /\b(?:if|unless|wouldn't have|would have|would've|wouldn't've|i don't think|to the extent|whether|in case|before you|as if)\b[^,.;—]*$/;
/** "I'm sorry I forgot", unconditionally, with a named act after it. */
const SORRY_I = anyOf([
  `(?:sorry|apologi[sz]e|apologies|regret) (?:that |for how |for the way |about how )?i ${ADV}(?!can't|couldn't|'m not|am not|have a |don't|didn't mean|was only|was just)[a-z']+`,
]);
/** "Sorry for the late handoff", "I owe you an apology for the email I sent on Monday". */
const SORRY_FOR = anyOf([
  "sorry (?:that )?(?:the|my|your|our) [a-z' -]{2,30} (?:was|were|got|went|is) (?:late|missed|delayed|lost|broken|forgotten|cancell?ed|wrong)",
  "(?:sorry|apologi[sz]e|apologies|apology|regret) (?:for|about) (?!everything|earlier|that\\b|this\\b|it\\b|all this|all that|any |yesterday|last night|what happened|today|tonight|friday|monday|tuesday|wednesday|thursday|saturday|sunday|the confusion|the inconvenience|the mix-up|being|existing|breathing|caring|the way you|how you)(?:the |my |your |our |that |this |what i |how i |\\w+ing )[a-z' -]{3,}",
]);
/** The harm named as a thing or in the passive: "the late handoff", "the recital got missed". */
const NAMED_HARM = anyOf([
  '(?:the|my|your|our|this|that) (?:late|missed|delayed|cancell?ed|broken|forgotten|botched|failed|duplicate) [a-z]+',
  '(?:got|was|were|went|has been|have been) (?:unfortunately |completely |totally )?(?:missed|forgotten|dropped|overlooked|lost|broken|delayed|pushed without|sent with|sent out|delivered (?:on|late|a day)|out late)',
  '(?:slipped|slipped a little) (?:on|by)',
  '(?:got|was|were|went) (?:\\w+ )?(?:to|with|on|at|into|for) the wrong',
  '(?:errors?|mistakes?) (?:were made )?in (?:the|your|my|processing)',
  'caused by my',
  '(?:the|your) (?:delay|outage|errors?|mix-up) (?:on|in|with|to)',
  'my (?:jokes?|comments?|remarks?|email|message|text) (?:on|at|about|last)',
]);

/** Plain ownership phrases (rule 3): these survive a following "but". */
const OWNERSHIP = anyOf([
  'my (?:own )?fault',
  "(?:that's|it's|this is|that was|this was|it was|all|totally|completely|entirely|100%) (?:all )?on me",
  'on my part',
  'my (?:bad|doing|mistake|responsibility|call|decision|failure|planning failure|error)',
  '(?:was|were|is|are) (?:all )?mine(?! to)',
  'i own (?:that|it|this|what)',
  'i take (?:full |complete |total )?(?:responsibility|ownership|the blame)',
  "i(?:'m| am) (?:the one who|to blame|responsible)",
  `i ${ADV}(?:should|shouldn't|should not|should've|shouldnt|ought to) (?:have|'ve|of)?\\b`,
  "i should've",
  "i shouldn't've",
  'no (?:good )?(?:excuses?|reason)(?! for you)',
  "there's no (?:good )?(?:excuse|reason)",
  'not (?:an|any) excuse',
  'i (?:messed|screwed|fucked|effed) (?:up|it up)',
  'i dropped the ball',
  'i (?:let you down|blew it|got it wrong|was wrong|had no (?:right|business)|made (?:a|the) (?:mistake|wrong))',
  "i (?:was|am|'m) (?:a jerk|such a jerk|an idiot|a coward|being a jerk|selfish|out of line|way out of line)",
  "i've let you down",
  "(?:that|which|it|this) (?:was|is|'s) (?:really |so |totally |completely |just |a )*(?:wrong|unfair|selfish|cruel|unkind|thoughtless|careless|disrespectful|inconsiderate|unprofessional|childish|mean|hurtful|cowardly|not okay|not ok|not fair|not my place|out of line|a betrayal|a failure|a (?:real )?violation|a total invasion|an invasion|a selfish call|the wrong (?:choice|call|thing)|a (?:mean|crappy|cruel|awful|terrible|horrible|shitty|lousy|rotten) thing)",
  "(?:that|which|it) (?:wasn't|was not|isn't) (?:fair|okay|ok|right|kind|your fault|on you)",
  "that's not okay",
  'you deserved (?:better|a real|more)',
  "(?:not|isn't) (?:anyone|your|you) else's",
  "you're right(?: about that)?[,.;—] ?i",
  'i (?:chose|decided) (?:to|the)',
  '(?:i|we) got it wrong',
  'i (?:did|do) (?:that|it)(?: to you)?[.,]? (?:and|no)',
]);
const OWNERSHIP_BLOCKERS =
  /\b(?:if|to the extent|may have|might have|not to blame|not my fault|isn't my fault|wasn't my fault|not on me|you should have|he should have|she should have|they should have|should have told me|should have reminded)\b/;

/** Non-apologies: conditional, for the other's feelings, passive, sarcastic. */
const NON_APOLOGY = anyOf([
  '(?:sorry|apologi[sz]e|apologies|apology|apologise) if',
  'apologies to anyone',
  '(?:sorry|apologi[sz]e) to anyone who',
  "sorry (?:that )?(?:you|you're|you are) (?:feel|felt|were|are|got|get|took|take|think|thought|see|saw|heard|found|so|being|upset|offended|sensitive|hurt|mad|angry|disrespected|disappointed)(?! going through)",
  '(?:regret|sorry for|apologi[sz]e for|apologies for) any',
  'any inconvenience',
  '(?:mistakes|errors|things) were (?:made|said|done)',
  'words were (?:said|exchanged|spoken)',
  'we all said (?:things|stuff)',
  'i regret that (?:it|things|tensions|this|that|the)',
  "(?:it's|it is|that's|what) a (?:real |such a )?shame",
  'was unfortunately',
  'to the extent',
  'if i (?:hurt|offended|upset|made you)',
  "if (?:i|my|anything|that|it|what i)\\b[^.;?]{1,50}(?:,|then) (?:then )?(?:i'm |i am |i )?(?:so |truly |really |deeply )?(?:sorry|apologi[sz]e)",
  'if anything i said',
  'if (?:that|it|my \\w+|i) (?:came|come|was|were) (?:out|across)',
  "sorry (?:i'm|i am) not (?:perfect|a mind reader|a walking|psychic|a saint|a robot)",
  'sorry i have a (?:life|sense of humou?r|job)',
  'sorry for (?:existing|breathing|caring|having (?:a|an) (?:life|opinion))',
  'may not have been',
  'steps are being taken',
  '(?:some|the) feedback may',
]);

function ownershipBlocked(s: Sentence, index: number): boolean {
  const before = s.text.slice(0, index - s.start);
  return OWNERSHIP_BLOCKERS.test(before.slice(-40));
}

export function findOwnershipPhrases(input: RuleInput): Hit[] {
  return matchSentences('takes_responsibility', input.reply.sentences, OWNERSHIP, (s, m) => {
    const clause = s.text.slice(0, m.index + 1);
    if (/\b(?:if|to the extent that|may have|might have)\b[^,.;]*$/.test(clause) || /\bnot (?:the one|to blame|my fault)/.test(m[0])) return false;
    // "You should have reminded me" is blame, handled elsewhere; "i shouldn't have to" is a grievance.
    if (/should(?:n't| not)? (?:have|'ve) to\b/.test(s.text.slice(m.index, m.index + 30))) return false;
    // "It isn't your fault" with no "me/mine" clears the other: validation, not the speaker's ownership.
    if (/your fault|on you/.test(m[0]) && !/\b(?:i|me|my|mine|i'm)\b/.test(s.text)) return false;
    return !ownershipBlocked(s, s.start + m.index);
  });
}

/** First-person statements of the act ("I missed your recital") — harm, and ownership unless deflected. */
export function findFirstPersonActs(input: RuleInput): Hit[] {
  const listening = input.kind === 'listening';
  return matchSentences('acknowledges_harm', input.reply.sentences, FIRST_PERSON_ACT, (s, m) => {
    const before = s.text.slice(0, m.index + 1);
    if (HYPOTHETICAL.test(before)) return false;
    const after = s.text.slice(m.index, m.index + 60);
    if (/\b(?:didn't|did not|never) (?:mean|think|want|realis|realiz|know)/.test(after)) return false;
    if (/\bi (?:did|done) (?:that|it|this) (?:for|because)/.test(after)) return false;
    // In listening the speaker mostly tells their own stories; an act counts only when aimed at the other.
    if (listening && !/\b(?:you|your)\b/.test(s.text.replace(/,? you know,?/g, ' '))) return false;
    return true;
  });
}

export function findSorryForAct(input: RuleInput): Hit[] {
  return matchSentences('acknowledges_harm', input.reply.sentences, SORRY_I, (s, m) => !/\bif\b[^,.]*$/.test(s.text.slice(0, m.index + 1)));
}

/**
 * A first-person act the speaker judges in the same sentence ("I replied … in front of the team,
 * and that was unfair of me"): the judgement shows the act was a harm, whatever the verb.
 */
const OWN_ACT_START =
  /^(?:\W*(?:and|but|so|look|honestly|okay|ok),? )*(?:i|we) (?:\w+ly )?(?:[a-z]+ed|said|told|sent|took|made|put|wrote|gave|went|left|did|let|kept|threw|spoke|ran|brought|forgot|broke|shut|hid|sold|ate|bit|stole|got|lost|told)\b/;
const JUDGED =
  /\b(?:that|which|it|this) (?:was|is|'s) (?:really |so |totally |completely |just |a )*(?:wrong|unfair|selfish|cruel|unkind|thoughtless|careless|disrespectful|inconsiderate|unprofessional|childish|mean|hurtful|cowardly|out of line|not (?:okay|ok|fair|right))\b/;

export function findNamedHarm(input: RuleInput): Hit[] {
  const hits = matchSentences('acknowledges_harm', input.reply.sentences, SORRY_FOR);
  const sentences = input.reply.sentences;
  for (const s of sentences) {
    if (input.kind === 'listening' || !OWN_ACT_START.test(s.text) || HYPOTHETICAL.test(s.text)) continue;
    // The verdict may follow a quoted question that ended the sentence: "I wrote 'really?' — and that was mean".
    const next = sentences[s.index + 1];
    const continues =
      next !== undefined &&
      (/^\W*(?:and |but )?(?:that|which|it) (?:was|is)\b/.test(next.text) || /^[a-z]/.test(input.reply.raw[input.reply.rawIndex[next.start]!] ?? ''));
    if (JUDGED.test(s.text) || (continues && JUDGED.test(next.text))) hits.push(sentenceHit('acknowledges_harm', s));
  }
  for (const h of matchSentences('acknowledges_harm', input.reply.sentences, NAMED_HARM, (s, m) => {
    // "was cancelled due to the weather" reframes the act as nobody's doing.
    // "address the missed deadline" names a topic, not an act owned or described.
    if (/\b(?:address|addressing|about|regarding|re|discuss|following up on)\s*$/.test(s.text.slice(0, m.index + 1))) return false;
    if (/^\W*some\b/.test(s.text.slice(m.index + 1)) || /\bsome \w+ (?:were|was|got)\b/.test(s.text)) return false;
    // "I was lost for months", "you were dropped": a person's state or what was done to them, not our act.
    if (/\b(?:i|we|you|he|she|they)\s*$/.test(s.text.slice(0, m.index + 1))) return false;
    return !/\b(?:due to|because of)\b/.test(s.text) && !/^\s*(?:sorry|apologies|i'm sorry) for any/.test(s.text);
  })) {
    if (!hits.some((x) => x.start === h.start)) hits.push(h);
  }
  return hits;
}

export function findNonApologies(input: RuleInput): Hit[] {
  return matchSentences('non_apology', input.reply.sentences, NON_APOLOGY, (s, m) => {
    // "sorry if I was unclear, that's on me" style: ownership in the same sentence outweighs the hedge.
    if (/\bon me\b|\bmy fault\b/.test(s.text) && !/\bsorry (?:that )?you\b/.test(m[0])) return false;
    return true;
  });
}

export { sentenceHit };
