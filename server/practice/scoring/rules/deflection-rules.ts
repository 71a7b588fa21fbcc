/**
 * Deflections that erode trust: excuses (`makes_excuses`), blame (`shifts_blame`) and
 * downplaying (`minimizes`). Rule 4: bare counterfactual blame ("if you'd reminded me") is
 * blame only; blame told with a story of why it happened is an excuse as well. Rule 7: an
 * explanation that follows plain ownership and is itself disowned ("but that's mine to deal
 * with", "no excuse") is not an excuse.
 */
import type { Hit } from './evidence.js';
import { anyOf, matchSentences, type RuleInput } from './rule-input.js';
import { negatedBefore } from './text-analysis.js';

const STATE =
  '(?:busy|slammed|swamped|stressed|exhausted|tired|overwhelmed|distracted|sick|out sick|ill|ashamed|excited|panicking|overloaded|snowed under|run off my feet|under (?:a lot of |so much |huge )?pressure|in a (?:bad )?mood|a mess|not (?:myself|thinking)|running (?:late|on (?:no|empty|fumes))|on edge|flustered|hungry|drunk|jet-?lagged|knackered|wrecked|shattered|fried|frazzled|wiped(?: out)?|burnt out|burned out|hungover|hangry|nervous|anxious|half asleep|sleep-deprived|running on (?:\\w+ )+(?:sleep|coffee)|on nights|on (?:a|the) (?:night|late|double) shift|not in a good place|all over the place|in a rush|rushing|preoccupied)';

/**
 * Why excuses generalise: the speaker states their own condition (tired, drunk, rushed), a
 * circumstance that did it (the bus, the signal, the app, "so much going on"), or that the act
 * "just slipped" — each explains the act instead of owning it.
 */
const CIRCUMSTANCE = [
  `i (?:was|am|'m|'d been|had been|'ve been) (?:[a-z]+ )?(?:after|from) (?:a|the|my|two|three|\\d+) (?:[a-z-]+ )?(?:shift|day|week|night|flight|meeting|nights)`,
  "(?:i'd|i had) had (?:a few|too many|a couple|one too many|\\w+ (?:glasses|pints|drinks|beers|shots))",
  "(?:hadn't|had not) (?:eaten|slept|had (?:a|any))",
  "(?:i had|i've had|there was|there's been) (?:just )?so much (?:going on|on|to do)",
  '(?:it|that) (?:just )?(?:slipped|got away from me|went out of my head|slipped my mind)',
  '(?:i|we) got (?:carried away|caught up|sidetracked|held up|stuck)',
  'there (?:were|was) (?:just )?so (?:many|much)',
  "(?:the|my) (?:signal|wifi|internet|connection|charger|laptop|app|system|printer|sat ?nav|satnav|bus|train|flight|car|alarm|battery|phone|taxi|uber) (?:\\w+ )?(?:was|were|did not|didn't|died|crashed|broke|stopped|froze|kept)",
];

const EXCUSE = anyOf([
  ...CIRCUMSTANCE,
  `(?:i was|i am|i'm|i'd been|i had been|i've been|i have been) (?:just |so |really |super |totally |completely |absolutely |pretty |a bit |kind of )*${STATE}`,
  `(?:work|things|life|my day|this week|the week|everything|my week|the month|this month|the kids|the baby|my schedule|my inbox|my calendar|the move|school)(?:'s| has| have| is| was)? (?:been )?(?:just |so |absolutely |totally |really |super )*(?:insane|crazy|mental|manic|a nightmare|hectic|a lot|mad|nuts|killing me|chaos|chaotic|so busy|busy|a disaster|overwhelming|brutal|nonstop|full on|tight|rough)`,
  "you know how (?:it's been|it is|things are|things have been|crazy|busy|i am|stressed|hard|work|it's|much)",
  "you know what i'm like",
  "you know (?:that|i)'?m? (?:always|not)",
  '(?:my )?(?:phone|battery) (?:died|was dead|ran out)',
  'traffic',
  "(?:the )?(?:train|trains|bus|flight|tube|subway|car|alarm)s? (?:was |were |got |had |didn't |)(?:late|delayed|stuck|moved|cancell?ed|a (?:total )?mess|broke|go off|broken down|didn't go off)",
  '(?:meeting|call|shift|class) (?:ran|went) (?:over|late|long)',
  'something came up',
  'i had no (?:choice|other option|option)',
  "there (?:was|wasn't) (?:literally |really )?(?:nothing|no way|anything) (?:i|we) could",
  'nothing (?:i|we) could (?:have )?do(?:ne)?',
  "i couldn't (?:just )?(?:walk out|leave|help it|get away|say no|get out)",
  "i (?:honestly |really |just )?thought (?:it was|you|it'd|you'd)",
  "i (?:just )?(?:figured|assumed|didn't think|didn't realis|didn't realiz|didn't want to (?:worry|upset|bother)|didn't mean (?:anything|to)|did(?:n't| not) know)",
  "didn't realis|didn't realiz",
  'i was (?:also |just |already |still )?(?:working on|juggling|dealing with|handling|covering|looking after|stuck (?:in|at|with)|between|in the middle of)',
  'in my defen[cs]e',
  'i was (?:just |only )(?:answering|trying|doing|saying|being|asking|helping|following|telling)',
  'i was going to (?:tell|do|call|say|fix|send)',
  'got away from me',
  '(?:my )?phone was (?:on )?(?:airplane|aeroplane|silent|off|flat|dead|do not disturb)',
  'i had (?:it|the date|the time|the day) down (?:as|for)',
  'so i had to',
  'anyone would have (?:done|[a-z]+ed)',
  `i was [a-z ]{0,25}\\b(?:and|so) (?:really |so |super )?(?:stressed|exhausted|busy|tired|slammed|swamped|overwhelmed|drunk)`,
  'in fairness',
  'to be fair',
  'to be clear',
  'just to explain',
  'you have to understand',
  "you've got to understand",
  '(?:grown-ups|adults|parents) have',
  'i have (?:a|every) right to',
  'insisted',
  "wouldn't let me",
  'booked us',
  'without (?:checking|asking|telling) (?:with )?me',
  '(?:fire|sack|kill) me',
  '(?:made|forced|asked|told|wanted) me (?:to )?(?:stay|work|go|come|leave|cover|do|finish|help)',
  'i (?:only|just) (?:said|did|meant|wanted|asked|mentioned|told)',
  "because (?:\\w+ ){1,3}(?:didn't|never|changed|took|kept|forgot|wouldn't|couldn't)",
  'as (?:a|your) (?:parent|mother|father|mum|mom|dad|manager|boss)',
  "i'm your (?:mother|father|mum|mom|dad|boss|manager)",
  'it was an accident',
  'i was only trying',
  'i do (?:a lot|so much) more',
  "that's (?:just )?how i (?:talk|am|joke)",
  'i just get (?:excited|carried away|nervous|emotional)',
  '(?:kept|keep) changing',
  'incomplete (?:data|information)',
  'short-?staffed',
  'took forever',
  "(?:it was|it's|it is) (?:a )?(?:friday|the weekend|late|my birthday|a one-off|a holiday)",
  'a one-?off',
  'everyone (?:was|else was) (?:out|there|on edge|doing it|drinking)',
  'tense (?:meeting|day|week)',
  'the call i had to make',
  "there (?:wasn't|was no) time",
  'i had (?:work|an early|a deadline|to work|plans|other plans)',
  'the drive is',
  'tight turnarounds?',
  "money(?:'s| has| is)? (?:been )?(?:super |really |so )?tight",
  'they were rude first',
  'started it',
  'what do you want me to do',
  "didn't think it was my place",
  'had it handled',
  "(?:i've|i have) just been (?:busy|swamped|stressed|tired)",
  "i'd had (?:the|a) (?:worst|long|rough|bad|awful) (?:day|week|night)",
  '(?:had|having) (?:a|the) (?:long|bad|rough|worst|awful|terrible) (?:day|week|night)',
  'due to',
  'because of (?:the|my|work|traffic|an?)',
  'babysitter',
  'unprecedented',
  'bank holiday',
  'portal',
  "it's easy to (?:miss|forget)",
  'it was easy to (?:miss|forget)',
  'i (?:got|get) so caught up',
  'i (?:had|have) a lot on my plate',
  'has a lot on (?:his|her|my) plate',
  "i'm only human",
  'what was i supposed to do',
  'what else (?:was|could) i',
  'i was (?:just )?(?:trying to|joking)',
  'my (?:day|week) was',
  'i was under',
  "i've been under",
  'these things (?:happen|occur) (?:with|when|in|occasionally)',
  'it happens when',
  '(?:the|my|a) (?:project|deadline|client) (?:landed|came up|blew up)',
]);
/** Excuses disowned in the same breath ("I've been stressed, but that's mine to deal with"). */
const DISOWNED =
  /\b(?:but|and) (?:that's|that is|it's|this is) (?:mine|on me|no excuse|not an excuse|not your problem|my problem)|\bno excuse\b|\bnot an excuse\b|\bisn't an excuse\b|\bthat's not on you\b/;

/**
 * Why blame generalises: the other (or a third party) is the agent of what went wrong, said
 * through a counterfactual ("you could have…", "if you had…, I would have…"), an obligation
 * ("you were supposed to", "it was your job"), or a contrast that hands the act back ("…, not
 * me", "You left it unlocked though").
 */
const AGENT_BLAME = [
  "you (?:should|could|might)(?:n't)? (?:have|'ve) (?!been (?:hurt|killed|injured|badly)|felt|had a|lost)(?:just |simply |at least |easily )?[a-z]+",
  "if (?:you|u) (?:had |'d )?[a-z]+(?:ed)?\\b[^.;?]{0,60}(?:i|we|it|this|that)(?:'d| would| could)(?:n't)? (?:have|'ve)\\b",
  "(?:it was|that was|it's|that's) (?:your|his|her|their) (?:job|responsibility|call|idea)",
  "(?:you were|you're|he was|she was|they were) (?:the one who|meant to|supposed to)",
  '\\bnot me[.!]?$',
  '\\bnot mine[.!]?$',
  '(?:check|look at|mind) your own',
  'take it up with (?:him|her|them|\\w+)',
  '^(?:well,? )?you (?:left|wrote|put|said|told|gave|forgot|started|knew|agreed|chose|signed|sent|let|were the)\\b[^.;?]*',
  '(?:supplied|provided|sent|caused|given|started) by (?:your|his|her|their|the (?:\\w+ )?(?:team|department|vendor|supplier|client|manager|contractor|office))\\b',
  "(?:the|your|our) (?:\\w+ )?(?:team|vendor|supplier|department|manager|boss|client|update|contractor)(?:'s \\w+)? (?:caused|broke|sent|supplied|gave|missed|forgot)",
  "if (?:the|your|my|his|her|their) (?:\\w+ ){1,2}(?:had|hadn't|'d)\\b[^.;?]{1,60}(?:i|we|it)(?:'d| would| could)(?:n't)? (?:have|'ve)",
];
/** A contrastive "though" on a fact about the other ("You left your phone unlocked though."). */
const CONTRAST_THOUGH = /^(?!.*\b(?:i|i'm|i've|my|me)\b).*\b(?:you|your|it|he|she|they|the)\b.*,? (?:though|tho)[.!]?$/;

const BLAME = anyOf([
  ...AGENT_BLAME,
  "if you(?:'d| had| would have| would've)? (?:just |only |actually |even )?(?:not |hadn't |had |didn't |did |wasn't |weren't |(?:were|was) (?:so|more|less|not) |talked|listened|let|told|reminded|put|sent|called|cleaned|asked|said|been|given|done|checked|warned|answered|picked|bothered|stopped|kept|made|stayed|come)",
  "if you(?:'d| had)n't",
  "if you(?:'d| had)[^,.;]{1,60},? (?:then )?(?:i|we|this|it|none of this|that)(?:'d| would(?:n't)?| could(?:n't)?) (?:have|'ve|not have|never)",
  "if you (?:weren't|wasn't|didn't|talked|listened|let|would|hadn't|never)",
  "(?:you're|you are) the one who",
  'you (?:were|are) (?:supposed|meant) to',
  "you (?:should|could)(?:'ve| have) (?:told|reminded|said|asked|checked|picked|sent|called|warned|mentioned|put|let|double-checked|spoken|spoke up|raised|flagged|read|looked|come|been)",
  "you (?:never|didn't) (?:told|tell|said|say|reminded|remind|asked|ask|sent|send|let|mention|warned|warn|rode|use|used|check)",
  'you know you (?:push|always|never|do|started|make|like)',
  'you (?:forgot|missed|did) (?:mine|it too|the same|that too)',
  'you (?:made|make) me',
  'you (?:push|pushed|started|provoked|kept pushing|caught me|brought (?:it|that|up))',
  'you (?:told|said to) me (?:in|that|it was|you|yourself)',
  'because of you',
  "(?:it's|that's|this is|it was|that was) (?:all |partly |also )?(?:your|his|her|their) (?:fault|doing|problem)",
  "(?:that's|it's|this is|that is|which is) (?:all |also |partly )?on (?:you|him|her|them)(?! for)",
  'blame (?:him|her|them|you|\\w+ for)',
  '(?:data|info|information|numbers|input|assets|files?) from (?!now|today|tonight|here|me\\b)(?:\\w+)',
  'what did you expect',
  "you'd (?:stress|drive|annoy) anyone",
  'the way you (?:nag|talk|act|behave|go on|push)',
  "i'd expect you to",
  "you're enabling",
  'how could you (?:forget|let|not|do|be)',
  'you did (?:sit|wait|leave|ignore|forget)',
  'you sat on it',
  "(?:it's|that's) (?:really )?affecting how you",
  "(?:design|ops|hr|finance|management|legal|the client|the team|the other team|the vendor|the printer|the courier|my boss|my manager|the babysitter|the accountant|the cat|the dog|maya|he|she|they) (?:didn't send|changed|took forever|asked for|insisted|started it|should have|should've|was supposed|were supposed|jumped|booked us|made me|wouldn't let|never sent|forgot|dropped)",
  "(?:because|since) (?:design|ops|hr|finance|management|the \\w+|he|she|they|someone|\\w+) (?:didn't|never|changed|took|kept|forgot|sent)",
  "(?:that's|it's) on (?:mark|dan|tom|them|him|her)",
  'without (?:checking|asking|telling) (?:with )?me',
  '(?:half|most|all) (?:the|of the) (?:chat|team|group) had already',
  "you're (?:too|so|way too) (?:secretive|controlling)",
  'maybe if you',
  'well,? if you',
  'in fairness,? you',
  'you told me in',
  'they were supposed to',
  "i (?:just )?(?:assumed|expected|thought|figured) you(?:'d| would| were going to| to)",
  'like you (?:usually|always) do',
  '(?:finance|ops|design|hr|legal|management|the client|the team|the vendor|he|she|they) only (?:sent|gave|told|replied|got back|delivered|shared|emailed)',
  "if (?!i\\b|i'd|i had|we\\b)(?:\\w+ ){1,2}(?:had|hadn't|'d|would have|did|didn't)\\b[^.;]{1,60}(?:none of this|this|it|i|we)(?:'d| would(?:n't)?| could(?:n't)?) (?:have|'ve|never|not)",
  "(?:it )?wasn't (?:just|only) me",
  "i wasn't the only one",
  '(?:is|was|are|were) the ones? who',
  'not me[.!]?$',
  'you did say',
]);

/**
 * Why minimising generalises: comparison with something worse ("could be worse", "at least"),
 * a silver lining ("better off", "dodged a bullet"), a dismissive frame for the act or feeling
 * ("it was banter", "it's only a mug", "one exam is nothing", "reading too much into it"),
 * rhetorical doubt ("was it really that bad?") and reassurance by the odds.
 */
const DOWNPLAY = [
  "(?:could|might)(?:'ve| have)? (?:been |be )?(?:so |a lot |much |far |way )*worse",
  'worse things (?:happen|have happened)',
  'better off',
  'dodged a bullet',
  'better (?:to find out|now than|that it happened)',
  'for the best',
  'good innings',
  '(?:it|that) was (?:only |just )?(?:a joke|banter|a laugh|a bit of fun|harmless|nothing|fun)\\b',
  "(?:not|isn't|wasn't) that deep",
  '(?:nobody|no one|no-one) (?:\\w+ )?(?:even )?(?:minded|cared|noticed|was bothered)',
  "(?:it's|it is|that's|it was) (?:(?:only|just|hardly) (?:a|an|one)|one) [a-z]+(?! thing)",
  "(?:one|a single|1) [a-z]+ (?:is|isn't|won't|doesn't) (?:nothing|the end|matter|define)",
  'reading (?:way |far |a bit )?too much into',
  '(?:was|is) it (?:really|honestly|even) (?:that|so) (?:bad|serious|big|hard)',
  'if it (?:was|were|is) (?:really |honestly )?(?:that|so) (?:bad|serious|awful)',
  'times out of (?:ten|10|a hundred)',
  '(?:lots|loads|plenty) of people would (?:kill|love|give anything)',
  '(?:some|other|lots of|loads of|most) people (?:have it|fail|go through|deal with|get) (?:way |much |far )?(?:worse|more)',
  '(?:he|she|they) (?:\\w+ )?(?:shouts?|yells?|does that|is like that|are like that|snaps?) (?:at|to|with) everyone',
  "we've had (?:loads|lots|plenty) of (?:good|other)",
  "(?:odds|chances) are (?:it's|you'll|he'll|she'll)",
  "it's probably (?:nothing|fine|benign|just)",
];

const REPORTED =
  /\b(?:(?:says?|said|saying|tells?|told|telling|cheering|thinks?|thought|keeps? saying)(?: you)?(?: that)?|(?:you're|you are|you) (?:wondering|worried|afraid|scared|thinking|feel|feeling)(?: like| that| if| whether)?)\s[^.,;]{0,40}$/;

const MINIMIZE = anyOf([
  ...DOWNPLAY,
  "(?:it's|it is|it was|that's|this is|he's|she's|was|it's only|they're|you're) (?:just |only |literally |basically )(?:a |an |one |the |food|joking|kidding|dinner|lunch|words)",
  '(?:just|only) (?:joking|kidding|a joke|teasing|banter|one (?:day|night|game|deck|time|cigarette|drink))',
  "(?:not|isn't|wasn't|no) (?:that |such |a |so |)+big (?:a )?deal",
  'no big deal',
  "(?:not|isn't) a big thing",
  'make (?:it|this|that) (?:a|into a) (?:big|whole) (?:thing|deal)',
  'make a (?:whole|big) thing',
  'no (?:real )?harm done',
  'at least',
  'bright side',
  'silver lining',
  'everything happens for a reason',
  "there(?:'s| is|'ll be| will be) (?:always |plenty (?:more|of) |other |more )",
  'plenty (?:more|of fish)',
  "(?:you'll|you will|he'll|she'll|they'll|it'll) be (?:fine|okay|over (?:him|her|it|them))",
  "(?:he'll|she'll|they'll|you'll) (?:get over|come around|understand when)",
  '(?<!(?:me|ages|while|long|years|months|weeks|time) to |i )get over (?:it|yourself)',
  "(?:you're|you are|you) (?:being )?(?:too|way too|so|a bit|overly|kind of|really) (?:sensitive|dramatic|precious|touchy|emotional)",
  'overreact',
  'overthinking',
  '(?:a bit|bit|little|a tad) (?:strong|much|dramatic)',
  'calm down',
  'relax',
  'lighten up',
  'chill out',
  'come on',
  'it is what it is',
  'mistakes happen',
  '(?:these|such) things (?:happen|occur)',
  '(?<!before |if |when |so |until |make sure )it happens',
  'happens to (?:everyone|everybody|the best)',
  'welcome to (?:corporate|adulthood|the club|parenthood|my world)',
  'join the club',
  'kids (?:say|do) (?:that|this)',
  '(?:everyone|everybody|all parents|lots of people|most people|plenty of people) (?:snaps?|struggles?|fails?|feels? like that|has|goes through|do|does|gets)',
  'lots of people (?:fail|do)',
  "that's nothing",
  "(?:it's|it is) probably nothing",
  'probably (?:fine|nothing)',
  'nobody (?:cares|gets fired|noticed|even noticed|will notice|will remember)',
  "(?:didn't|don't|won't) even (?:notice|care)",
  'it was funny',
  "(?:it's|it was|it is) tiny",
  "(?:it's|it was|this isn't) not like",
  "(?:isn't|wasn't|not) that (?:long|bad|serious|much)",
  "hope it wasn't too bad",
  'no hard feelings',
  "don't talk like that",
  'so much to live for',
  "what's there to be",
  'must be nice',
  '(?:he|she|it|the cat|the dog) (?:was|is) fine',
  "(?:he|she|they) (?:doesn't|don't|didn't) mean (?:it|anything)",
  "(?:he's|she's|it's|they're|he is|she is|they are) (?:fine|ok|okay|alright|all right)(?! to| with)",
  '(?:kids|teenagers|teens|men|guys|people) (?:that|his|her|their) age',
  "(?:i )?didn't make a (?:whole|big) (?:thing|deal)",
  'you should be (?:relieved|glad|grateful|happy|thankful|flattered)',
  "i don't think i \\w+ (?:that|so) (?:much|often)",
  'here we go(?: again)?',
  "you(?:'d)? had it (?:handled|covered|under control)",
  "you can't (?:seriously )?expect me to",
  "(?:that's|that is|that isn't|it's) not true",
  "(?:was|it's|is|it was) (?:honestly |kind of |pretty |actually |sort of )*funny",
  "that's just how (?:she|he|they) (?:is|are)",
  '(?:silly|stupid|little|small|minor) (?:argument|fight|thing|mistake|joke|misunderstanding)',
  'bounce back',
  'could be worse',
  "you're lucky",
  'not the actual',
  'the important part',
  'the rest (?:of it |of the \\w+ )?(?:went|was) (?:fine|great|well|okay|ok)',
  '(?:made|make|making) it (?:sound|look|seem) worse',
  'blessing in disguise',
  "(?:not|isn't) the end of the world",
  '(?:loads|plenty|lots|tons) of (?:other )?(?:jobs|fish|people|options|guys|girls|men|women) out there',
  "(?:it's )?probably just",
  '(?:tomorrow|things|it) will (?:be|get) (?:better|fine|okay)',
  "you (?:weren't|wasn't|aren't) (?:really|exactly) (?:alone|on your own|by yourself|that|so)",
  "(?:doesn't|don't|didn't) (?:even )?care (?:who|what|about|that|if)",
  'such a big (?:thing|deal)',
  'make (?:such )?a (?:big|whole) (?:thing|deal)',
  'basically like i was there',
  'pretty much the same',
  'everyone still had',
  'everyone was laughing',
  "everyone's busy",
  'you can always',
  "it doesn't matter",
  "doesn't care about",
  'one day out of',
  "you'll understand when",
  'in passing',
  'a couple (?:of )?days',
  'cats can',
  'the client will',
  'lol,? (?:it|nobody|welcome|relax|sorry)',
  "don't worry",
  "don't sweat",
  'try not to think about it',
  'in good hands',
  '(?:you two|you) should be over',
  'let.s (?:just |both )?(?:move on|forget (?:it|about it)|drop it)',
  'forget about it',
  '(?:slipped|ran|went) (?:a )?(?:little|bit|tad)',
  'you basically',
  'anytime',
]);

export function findExcuses(input: RuleInput): Hit[] {
  return matchSentences('makes_excuses', input.reply.sentences, EXCUSE, (s, m) => {
    if (DISOWNED.test(s.text)) return false;
    // "if I'm running late I'll text" plans for a future case; it excuses nothing.
    if (/\b(?:if|when|whenever|in case)\b[^,.;]*$/.test(s.text.slice(0, m.index + 1))) return false;
    // "I'm not making excuses, but ..." is still an excuse; "not busy" is not.
    return !(negatedBefore(s.text, m.index + 1) && /\b(?:busy|stressed|tired|a mess)\b/.test(m[0]));
  });
}

export function findBlame(input: RuleInput): Hit[] {
  const listening = input.kind === 'listening';
  const hits = matchSentences('shifts_blame', input.reply.sentences, BLAME, (s, m) => {
    // "None of this is on you", "it isn't your fault": clearing the other is validation, not blame.
    if (/\b(?:none of|not|isn't|wasn't|never)\b[^.,;]{0,12}$/.test(s.text.slice(0, m.index + 1)) || /\b(?:not|isn't|wasn't) (?:your|on you)\b/.test(m[0]))
      return false;
    // Listening: the speaker has no act of their own to deflect; only holding the other responsible
    // through a counterfactual, obligation or "you did" ("they dropped you" is a reflection).
    if (
      listening &&
      (!/\b(?:you|your)\b/.test(m[0]) || /^\W*you (?:left|wrote|put|said|told|gave|forgot|started|knew|agreed|chose|signed|sent|let|were the)\b/.test(m[0]))
    )
      return false;
    // "sorry if you were upset" is a non-apology; "makes sense if you were" validates.
    if (/(?:sorry|apologi[sz]e|apologies|sense|okay|understandable|fair) $/.test(s.text.slice(0, m.index + 1).replace(/\s*$/, ' '))) return false;
    // "That's my fault, not the accountant's" names a third party to clear them.
    if (/\bnot (?:the|your|his|her|their|anyone)\b/.test(s.text) && /\b(?:my fault|on me|mine)\b/.test(s.text)) return false;
    // Second-person "if you'd" inside an offer ("if you'd like", "if you'd rather") is no blame.
    const rest = s.text.slice(m.index);
    return !/^\W*if you(?:'d| would) (?:like|rather|prefer|let me|be|want)/.test(rest) || /(?:would(?:n't)?|'d|could(?:n't)?) (?:have|'ve)\b/.test(rest);
  });
  if (listening) return hits;
  for (const s of input.reply.sentences) {
    if (!hits.some((h) => h.start === s.start) && CONTRAST_THOUGH.test(s.text)) hits.push({ criterion: 'shifts_blame', start: s.start, end: s.end });
  }
  return hits;
}

export function findMinimizing(input: RuleInput): Hit[] {
  return matchSentences('minimizes', input.reply.sentences, MINIMIZE, (s, m) => {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (negatedBefore(s.text, at)) return false;
    // Downplaying that others said, or the other fears, is being reflected, not done by the speaker
    // ("everyone's cheering that you dodged a bullet", "wondering if people would be better off").
    if (REPORTED.test(s.text.slice(0, at))) return false;
    // "You can always call me" is an offer, not a brush-off; "at least" in "at least checked in" is a measure.
    if (/you can always (?:call|talk|come|text|reach)/.test(s.text)) return false;
    if (/at least (?:checked|called|texted|told|asked|let)/.test(s.text)) return false;
    if (/\banytime\b/.test(m[0]) && !/(?:go|do it|come|see it|have it) anytime/.test(s.text)) return false;
    return true;
  });
}
