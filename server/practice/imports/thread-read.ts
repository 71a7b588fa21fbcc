/**
 * The coach's read of a conversation that already happened: each of the person's turns read in
 * the context of the turn before it, the other person's likely trust after each (the same fold
 * that drives the partner, from the general partner's neutral start for the kind), and a summary
 * naming the turn where it went wrong and what would have helped (the scorecard's own pieces).
 *
 * The kind is chosen from the person's own turns: they are read as an apology first, and read
 * again as listening only when more of them show listening moves (reflecting, open questions,
 * advice, talking about oneself) than apology moves (naming the harm, owning it, a non-apology,
 * excuses, blame). A caller that knows the kind passes it and skips the guess.
 */
import { z } from 'zod';
import { criterionSchema, type Criterion } from '../criteria.js';
import { buildScorecard, type ScoredTurn } from '../coach/scorecard.js';
import type { TurnRead } from '../coach/turn-coach.js';
import type { Labeller } from '../partner/partner-engine.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { readPastTurns, type PastTurnRead } from '../turn/take-turn.js';
import type { ThreadTurn } from './thread-parser.js';

export const PRACTICE_KINDS = ['apology', 'listening'] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];
export const practiceKindSchema = z.enum(PRACTICE_KINDS);

/** The general partner of each kind (scenarios/general/): its trust model reads the thread. */
export type GeneralPartners = Record<PracticeKind, Scenario>;

const APOLOGY_SIGNS: readonly Criterion[] = ['acknowledges_harm', 'takes_responsibility', 'non_apology', 'makes_excuses', 'shifts_blame'];
const LISTENING_SIGNS: readonly Criterion[] = ['reflects', 'asks_open_question', 'gives_unsolicited_advice', 'self_focus'];

const highlightSchema = z.object({ index: z.number(), text: z.string(), labels: z.array(criterionSchema), trustDelta: z.number() });

/** The summary's shape, defined once: the API answers it and the page imports its type. */
export const threadSummarySchema = z.object({
  /** The turn of yours that raised trust most, or null when none did. */
  strongest: highlightSchema.nullable(),
  /** Where it went wrong: the turn of yours that cost most trust, and words that would have helped. */
  weakest: highlightSchema.extend({ rewrite: z.string() }).nullable(),
  redFlags: z.array(z.object({ criterion: criterionSchema, turns: z.array(z.number()) })),
  tips: z.array(z.string()),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export interface ThreadRead {
  kind: PracticeKind;
  /** The coach's read of each of your turns, by the turn's index. */
  reads: Map<number, TurnRead>;
  /** Trust at the neutral start, then after each of your turns. */
  trustPath: number[];
  summary: ThreadSummary;
}

export function readThread({
  turns,
  you,
  partners,
  label,
  kind,
}: {
  turns: readonly ThreadTurn[];
  you: string;
  partners: GeneralPartners;
  label: Labeller;
  kind?: PracticeKind;
}): ThreadRead {
  const mine = turns.filter((turn) => turn.speaker === you);
  const past = mine.map((turn) => ({ context: turns[turn.index - 1]?.text ?? '', text: turn.text }));
  let chosen: PracticeKind = kind ?? 'apology';
  let read = readPastTurns(partners[chosen], past, label);
  if (!kind && count(read, LISTENING_SIGNS) > count(read, APOLOGY_SIGNS)) {
    chosen = 'listening';
    read = readPastTurns(partners.listening, past, label);
  }
  const scenario = partners[chosen];
  const scored: ScoredTurn[] = read.map(({ turn }, i) => ({ ...turn, messageId: String(mine[i]!.index) }));
  const card = buildScorecard(scenario, scored);
  const highlight = <T extends { messageId: string }>({ messageId, ...rest }: T) => ({ index: Number(messageId), ...rest });
  const strongest = card.strongest && card.strongest.trustDelta > 0 ? highlight(card.strongest) : null;
  const weakest = card.weakest && card.weakest.trustDelta <= 0 ? highlight(card.weakest) : null;
  return {
    kind: chosen,
    reads: new Map(read.map(({ read: turnRead }, i) => [mine[i]!.index, turnRead])),
    trustPath: card.trustPath,
    summary: {
      strongest,
      weakest: weakest ? { index: weakest.index, text: weakest.text, labels: weakest.labels, trustDelta: weakest.trustDelta, rewrite: weakest.rewrite } : null,
      redFlags: Object.entries(card.redFlags)
        .filter(([, result]) => result?.met)
        .map(([criterion, result]) => ({
          criterion: criterion as Criterion,
          turns: [...new Set(result!.where.map((w) => Number(w.messageId)))],
        })),
      tips: card.tips,
    },
  };
}

function count(read: readonly PastTurnRead[], signs: readonly Criterion[]): number {
  return read.filter(({ turn }) => turn.labels.some((label) => signs.includes(label))).length;
}
