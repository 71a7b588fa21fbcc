/**
 * Repair (`proposes_action`): a specific repair or change, or a sincere "what would help?".
 * "I'll do better" promises nothing checkable, so a commitment counts only when what follows
 * it names a concrete act or a time.
 */
import type { Hit } from './evidence.js';
import { sentenceHit } from './evidence.js';
import { STEP_IN } from './advice-rules.js';
import { anyOf, type RuleInput } from './rule-input.js';

const DAYS = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?';
const ASK_WHAT_HELPS = anyOf([
  'what (?:would|could|can|might|will) (?:\\w+ )?(?:help|make (?:it|this|things|you|up)|feel (?:right|better|fair|more|okay)|be (?:most |more |the most )?(?:useful|helpful|fair|better|right|good)|you (?:want|need|like) (?:me|from me))',
  'what can i do',
  'what (?:should|could) i do (?:to|for)',
  'how (?:can|could|do) i (?:make|help|fix|earn|show|rebuild|regain|repair|put)',
  'what do you need (?:from me|me to)',
  'is there anything (?:i can do|that would help|i could do)',
  "if there's anything (?:else )?(?:that )?(?:would help|i can do)",
  'what would you want me to',
  'how (?:can|could) we (?:fix|repair|make|rebuild)',
]);
const COMMIT = anyOf([
  "i'll",
  'i will',
  "i'm (?:going to|gonna)",
  'i am going to',
  "(?<!you'd |you |would |'d )let me",
  "let's(?! not| just| both| move| forget| drop)",
  'let us',
  "i'd (?:really |genuinely |honestly )?(?:like|love) to",
  'i want to (?!hear|know|understand|say|be)',
  "(?:i've|i have|we have) (?:since |already |just )?(?:set|added|booked|moved|refunded|deleted|asked|corrected|reverted|thrown|threw|cancell?ed|made|put|paid|sent|scheduled|started|blocked|arranged|told|emailed|called|fixed|ordered|signed)",
  '(?:i|we) (?:just |already )?(?:threw (?:it|them|the \\w+) out|threw out|deleted|refunded|corrected|reverted)',
  "i'd (?:appreciate|welcome) the chance to",
  'can i',
  'could i',
  'could we',
  'can we',
  'how about (?:we|i|if i)',
  'would you (?:be )?(?:comfortable|okay|ok|open|like me|let me|be up for)',
  'from now on',
  'going forward',
  'next (?:time|season|week|month)',
  'in (?:the )?future',
  'to make (?:it|this|things) right',
  "i'm (?:sending|taking|driving|coming|booking|calling|paying|putting|setting|cooking|hosting|buying|picking|handling|covering|clearing|blocking|flying)",
  "we'll",
  'we will',
  "we've (?:refunded|added|fixed|sent|credited|booked|changed)",
  "i promise (?:to|i'll|i will)",
  "i won't",
  'i will never',
  "i'll never",
  `from (?:tonight|today|tomorrow|now|${DAYS})`,
  '(?:is|are) there (?:another|a|any) \\w+ (?:i|we) (?:can|could)',
  'my phone (?:stays|will)',
]);
const CONCRETE = anyOf([
  'call',
  'text',
  'email',
  'message',
  'ring',
  'pay',
  'refund',
  'book',
  'take (?:you|over|the|it|them|care)',
  'tell (?:them|her|him|the|your|everyone|my)',
  'write',
  'send',
  'set up',
  'set (?:a|an|two|reminders?)',
  'add',
  'put',
  'cover',
  'host',
  'bake',
  'replace',
  'buy',
  'drive',
  'come (?:over|up|to|round|with)',
  'sort (?:out|through)',
  'walk',
  'apologi[sz]e',
  'check',
  'ask (?:if|whether|before|you before|them to|her to|him to)',
  'reopen',
  'give (?:you|it|them|the)(?! (?:some )?(?:space|time))',
  'help (?:with|you|out)',
  'pick',
  'cook',
  'clean',
  'fix (?:the|your)',
  'delete',
  'stick (?:to|with)',
  'stays?',
  'wait',
  'pull over',
  'stop',
  'schedule',
  'plan (?:a|the|something)',
  'make sure you',
  'meet',
  'sit down',
  'talk (?:through|it through|tonight|tomorrow|properly|to)',
  'go (?:over|through)',
  'review',
  'brief',
  'transfer',
  'return',
  'hand',
  'bring',
  'share',
  'teach',
  'join',
  'show up',
  'read',
  'double-check',
  'flag',
  'loop',
  'include',
  'invite',
  'treat',
  'celebrate',
  'visit',
  'arrange',
  'organi[sz]e',
  'announce',
  'finish',
  'listen',
  '(?:bring|mention|comment on|raise|touch|open|go through|read|post|share|say) (?:it|that|your|anything|this)',
  'repay',
  'clear',
  'correct',
  'redo',
  'reschedule',
  'block (?:out|off)',
  'prepare',
  'drop (?:off|by)',
  'make (?:it|dinner|breakfast|lunch|time|a plan)',
  'be there (?:on|at|for|every)',
  'keep (?:this|sunday|saturday|friday|every|the)',
  'get (?:you|it) (?:back|to you by|a new)',
  'take out',
  'clean up',
  'do (?:the|all the)',
]);
const TIME = new RegExp(
  `\\b(?:today|tonight|tomorrow|${DAYS}|weekend|this week|next week|end of (?:the )?(?:day|week)|by (?:noon|\\d|end|the|${DAYS})|at \\d|noon|\\d|every (?:day|week|night|morning|month|${DAYS})|right now|first thing|this (?:morning|afternoon|evening)|the \\d+(?:st|nd|rd|th))\\b`,
);
const VAGUE_ONLY =
  /^\W*(?:(?:we will|we'll|all|really|totally|definitely|honestly|just|try to|try and|always|actually|seriously|promise to|going to)\s+)*(?:do better|be better|be a better|make it up|make up for|change|try harder|be different|improve|fix (?:it|this|things)|make (?:it|things) right|work on|be more|get it to you|sort it|understand|be here|be there for you|leave you alone|give you (?:some )?(?:space|time)|think about|look into|talk (?:later|soon)|catch up|let it go|not let it|never do (?:it|that) again|do it again|happen again|catch the next)/;

/** COMMIT for scanning every commitment in a sentence (compiled once; `lastIndex` reset per sentence). */
const COMMIT_ALL = new RegExp(COMMIT.source, 'g');

export function findRepairs(input: RuleInput): Hit[] {
  const hits: Hit[] = [];
  for (const s of input.reply.sentences) {
    const t = s.text;
    // Listening: "I'll have a word with him" takes over the other's problem; it repairs nothing of ours.
    if (input.kind === 'listening' && STEP_IN.test(t)) continue;
    const ask = ASK_WHAT_HELPS.exec(t);
    if (ask && !/what would you do\b/.test(t)) {
      hits.push(sentenceHit('proposes_action', s, s.start + ask.index));
      continue;
    }
    const re = COMMIT_ALL;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      const from = m.index + m[0].length;
      // The commitment's scope runs to the next clause break or the end of the sentence.
      const scope = t.slice(from).split(/[;—]|, (?:but|so) |\.\s/)[0] ?? '';
      const concrete = CONCRETE.test(scope) || TIME.test(scope) || /^(?:i've|we've|i |we |from (?:tonight|today))/.test(m[0].trim());
      if (concrete && !(VAGUE_ONLY.test(scope) && !TIME.test(scope))) {
        // "if I were you, I'd…" is advice; "if you need anything, I'll be here" is comfort.
        if (/\bif (?:i were you|it were me)\b/.test(t)) break;
        hits.push(sentenceHit('proposes_action', s, s.start + m.index));
        break;
      }
    }
  }
  return hits;
}

/** Whether a sentence asks what would help (also an open question by rule 5). */
export function asksWhatWouldHelp(text: string): boolean {
  return ASK_WHAT_HELPS.test(text) && !/what would you do\b/.test(text);
}
