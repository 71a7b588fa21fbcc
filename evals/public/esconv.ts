/**
 * ESConv (crowd workers giving emotional support to a stranger, each supporter turn tagged by
 * its writer with one strategy) as a check on the listening criteria on text no one here wrote.
 * Each supporter turn is scored as a `listening` reply to the seeker's turn before it.
 *
 * One strategy per turn, chosen by the writer, so a tag says what the writer meant the turn to
 * do, not everything it does. Each criterion therefore names the strategies that count for it
 * and the ones too close to call either way, which are left out of its figures:
 *   [Restatement or Paraphrasing]          -> reflects            (left out: Reflection of feelings)
 *   [Reflection of feelings]               -> validates_feelings  (left out: Affirmation and Reassurance, Restatement)
 *   [Providing Suggestions], not asked for -> gives_unsolicited_advice (left out: Information, and
 *                                              every turn whose seeker line asked for advice)
 * `[Questions]` holds open and closed questions alike, so it only bounds `asks_open_question`
 * from above; the result notes how often each side reads as an open question.
 * Develop on the dev file; report on the test file.
 */
import type { Criterion } from '../../server/practice/criteria.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';
import { binaryMetrics, confusionOf } from '../metrics.js';
import type { Progress } from '../progress.js';
import type { PublicResult } from './public-result.js';

export type EsconvSplit = 'dev' | 'report';

export const ESCONV_FILES: Record<EsconvSplit, string> = { dev: 'devWithStrategy_short.tsv', report: 'testWithStrategy_short.tsv' };

export const ESCONV_STRATEGIES = [
  'Questions',
  'Restatement or Paraphrasing',
  'Reflection of feelings',
  'Self-disclosure',
  'Affirmation and Reassurance',
  'Providing Suggestions',
  'Information',
  'Other',
] as const;
export type EsconvStrategy = (typeof ESCONV_STRATEGIES)[number];

interface CodeRule {
  criterion: Criterion;
  counts: EsconvStrategy;
  leftOut: readonly EsconvStrategy[];
  /** Leave out an item whatever its strategy (advice the seeker asked for). */
  skip?: (item: EsconvItem) => boolean;
}

/**
 * A seeker line that asks for advice or ideas: what the supporter suggests next is then not
 * unsolicited (rubric: "advice that the other explicitly asked for"). Written for the gold
 * side, apart from the scorer's own reading of a request, so the check does not grade itself.
 */
const ASKS_FOR_ADVICE =
  /\b(?:what (?:should|can|could|do|would) i\b|how (?:do|can|should|could|would) i\b|should i\b|any (?:advice|suggestions?|tips|ideas)|(?:advice|suggestions?|tips|ideas) (?:on|for|about)\b|what (?:would|do) you (?:do|suggest|recommend|think i)|do you (?:have|know) (?:any|of)\b|can you (?:help|give|suggest|recommend)|what do you think)/i;

const CODES: readonly CodeRule[] = [
  {
    criterion: 'reflects',
    counts: 'Restatement or Paraphrasing',
    leftOut: ['Reflection of feelings'],
  },
  {
    criterion: 'validates_feelings',
    counts: 'Reflection of feelings',
    leftOut: ['Affirmation and Reassurance', 'Restatement or Paraphrasing'],
  },
  {
    criterion: 'gives_unsolicited_advice',
    counts: 'Providing Suggestions',
    leftOut: ['Information'],
    skip: (item) => ASKS_FOR_ADVICE.test(item.context),
  },
];

export interface EsconvItem {
  /** The seeker's turn before the supporter's ('' when the window starts with the supporter). */
  context: string;
  text: string;
  strategy: EsconvStrategy;
}

const TURN = /^\s*\S+ ([01]) (\d+) (.*)$/s;
const TAG = /^\[([^\]]+)\]\s*(.*)$/s;

/**
 * The supporter turns of one file. Each line is the conversation up to one supporter turn (its
 * last), so each line gives one item; a line that is not in that shape is an error naming it.
 */
export function esconvItems(tsv: string): EsconvItem[] {
  const items: EsconvItem[] = [];
  tsv.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const turns = line.split(' EOS ').map((turn) => {
      const m = TURN.exec(turn);
      if (!m) throw new Error(`ESConv line ${index + 1}: a turn is not "weight speaker number text": "${turn.slice(0, 60)}"`);
      return { speaker: m[1] === '1' ? 'supporter' : 'seeker', text: m[3]!.trim() };
    });
    const last = turns[turns.length - 1]!;
    if (last.speaker !== 'supporter') throw new Error(`ESConv line ${index + 1}: does not end with a supporter turn`);
    const tag = TAG.exec(last.text);
    const strategy = tag?.[1] as EsconvStrategy | undefined;
    if (!tag || !strategy || !ESCONV_STRATEGIES.includes(strategy)) {
      throw new Error(`ESConv line ${index + 1}: the supporter turn has no known [strategy]: "${last.text.slice(0, 60)}"`);
    }
    const seeker = turns.slice(0, -1).findLast((t) => t.speaker === 'seeker');
    items.push({ context: seeker?.text ?? '', text: tag[2]!.trim(), strategy });
  });
  return items;
}

/** How a reply is read: the shipped offline scorer, or the trainer's candidate model. */
export type ReadLabels = (reply: { kind: 'listening'; context: string; reply: string }) => readonly Criterion[];

const shippedScorer: ReadLabels = (reply) => scoreReply(reply).labels;

export function measureEsconv(tsv: string, split: EsconvSplit, progress?: Progress, read: ReadLabels = shippedScorer): PublicResult {
  const items = esconvItems(tsv).filter((item) => item.text);
  const predictions = items.map((item) => {
    const labels = read({ kind: 'listening', context: item.context, reply: item.text });
    progress?.tick();
    return labels;
  });
  progress?.done();
  const criteria: PublicResult['criteria'] = {};
  for (const code of CODES) {
    const pairs = items.flatMap((item, i) =>
      code.leftOut.includes(item.strategy) || code.skip?.(item) ? [] : [[item.strategy === code.counts, predictions[i]!.includes(code.criterion)] as const],
    );
    criteria[code.criterion] = {
      source: `[${code.counts}]${code.skip ? ', not asked for' : ''}; left out: ${code.leftOut.join(', ')}`,
      metrics: binaryMetrics(confusionOf(pairs)),
    };
  }
  const f1s = Object.values(criteria).map((v) => v!.metrics.f1);
  const openRate = (pick: (item: EsconvItem) => boolean) => {
    const chosen = items.flatMap((item, i) => (pick(item) ? [predictions[i]!.includes('asks_open_question')] : []));
    return `${((100 * chosen.filter(Boolean).length) / Math.max(1, chosen.length)).toFixed(1)} % of ${chosen.length}`;
  };
  return {
    dataset: 'ESConv',
    split: split === 'dev' ? 'dev: devWithStrategy_short' : 'report: testWithStrategy_short',
    items: items.length,
    mapping: CODES.map((c) => `[${c.counts}] -> ${c.criterion}`).concat('context = the seeker turn before each supporter turn; kind = listening'),
    criteria,
    meanF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    notes: [
      "one strategy per turn, chosen by its writer: the figures are agreement with the writer's intent, not F1 against a full labelling",
      `advice: turns whose seeker line asked for advice are left out (${items.filter((item) => CODES[2]!.skip!(item)).length} of ${items.length})`,
      `read as an open question: [Questions] turns ${openRate((item) => item.strategy === 'Questions')}; turns with no question mark ${openRate((item) => !item.text.includes('?'))}`,
      'no human-human agreement: each turn has one tag, by its writer',
    ],
  };
}
