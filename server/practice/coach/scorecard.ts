/**
 * The scorecard at the end of a session: which criteria were met and where, the red flags,
 * the trust path, the strongest and weakest turn (with a rewrite of the weakest), the
 * commitments the person made, and for listening the reflection-to-question ratio against
 * the MITI 4.2 thresholds; and the partner's arc: the stages passed, each pushback and how it
 * was met, and the turns after which the hidden concern came out and the conversation resolved.
 */
import { z } from 'zod';
import { KIND_RUBRIC, criterionSchema, kindSchema, type Criterion } from '../criteria.js';
import { summariseArc } from '../partner/arc-stages.js';
import type { CheckInContext } from '../partner/check-in-arc.js';
import { foldPartnerState, missingNeeds, requiredTests, type LabelledTurn } from '../partner/partner-state.js';
import { arcSummarySchema } from './arc-schema.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { suggestRewrite } from './rewrite.js';
import { listeningBalance, type ListeningBalance } from './listening-balance.js';
import { splitSentences } from './sentences.js';

export { listeningBalance, type ListeningBalance };

export interface ScoredTurn extends LabelledTurn {
  messageId: string;
}

/** The scorecard's shape, defined once: the API validates its answer against it and the web imports its type. */
export const criterionEvidenceSchema = z.object({ messageId: z.string(), quote: z.string(), start: z.number(), end: z.number() });
export type CriterionEvidence = z.infer<typeof criterionEvidenceSchema>;

export const criterionResultSchema = z.object({
  met: z.boolean(),
  count: z.number(),
  /** The quoted words, in the order they were said. */
  evidence: z.array(z.string()),
  where: z.array(criterionEvidenceSchema),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

export const turnHighlightSchema = z.object({ messageId: z.string(), text: z.string(), labels: z.array(criterionSchema), trustDelta: z.number() });
export type TurnHighlight = z.infer<typeof turnHighlightSchema>;

export const listeningBalanceSchema = z.object({
  reflections: z.number(),
  questions: z.number(),
  ratio: z.number().nullable(),
  rating: z.enum(['good', 'fair', 'below']),
}) satisfies z.ZodType<ListeningBalance>;

export const scorecardSchema = z.object({
  scenarioId: z.string(),
  kind: kindSchema,
  turns: z.number(),
  resolved: z.boolean(),
  hiddenConcernReached: z.boolean(),
  /** The person's turn (from 1) after which the partner's reply first revealed the hidden concern, or null. */
  hiddenConcernTurn: z.number().int().min(1).nullable(),
  /** The person's turn (from 1) after which the conversation resolved, or null; later than hiddenConcernTurn when both are set. */
  resolvedTurn: z.number().int().min(1).nullable(),
  /** The stages passed, each pushback and how it was met. */
  arc: arcSummarySchema,
  criteria: z.partialRecord(criterionSchema, criterionResultSchema),
  redFlags: z.partialRecord(criterionSchema, criterionResultSchema),
  needs: z.array(z.object({ id: z.string(), says: z.string(), met: z.boolean() })),
  trustPath: z.array(z.number()),
  strongest: turnHighlightSchema.nullable(),
  /** The weakest turn and a suggested rewrite: built offline from what was missing, or by the model. */
  weakest: turnHighlightSchema.extend({ rewrite: z.string(), rewriteBy: z.enum(['offline', 'model']) }).nullable(),
  commitments: z.array(z.string()),
  listening: listeningBalanceSchema.nullable(),
  tips: z.array(z.string()),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

/** `checkIn` for a check-in session, so the card's trust path is the one the partner played. */
export function buildScorecard(scenario: Scenario, turns: readonly ScoredTurn[], checkIn?: CheckInContext): Scorecard {
  const state = foldPartnerState(scenario, turns, checkIn);
  const rubric = KIND_RUBRIC[scenario.kind];
  const results = (ids: readonly Criterion[]) => Object.fromEntries(ids.map((id) => [id, criterionResult(id, turns)]));

  const highlights = turns.map((turn, index) => ({
    messageId: turn.messageId,
    text: turn.text,
    labels: turn.labels,
    trustDelta: state.trustPath[index + 1]! - state.trustPath[index]!,
  }));
  const ranked = [...highlights].sort((a, b) => b.trustDelta - a.trustDelta);
  const weakestTurn = ranked.at(-1);
  const weakestIndex = turns.findIndex((t) => t.messageId === weakestTurn?.messageId);
  const metBefore = new Set(turns.slice(0, Math.max(0, weakestIndex)).flatMap((t) => t.labels));
  // A weakest turn is worth a rewrite only when something in it hurt or was still missing.
  const rewrite = weakestIndex >= 0 && turns.length > 1 ? suggestRewrite(scenario, turns[weakestIndex]!, metBefore) : undefined;

  return {
    scenarioId: scenario.id,
    kind: scenario.kind,
    turns: turns.length,
    resolved: state.resolved,
    hiddenConcernReached: state.hiddenConcernReached,
    hiddenConcernTurn: state.arc.hiddenConcernTurn,
    resolvedTurn: state.arc.resolvedTurn,
    arc: summariseArc(state),
    criteria: results(rubric.positive),
    redFlags: results(rubric.redFlags),
    needs: scenario.needs.map((need) => ({ id: need.id, says: need.says, met: state.needsMet.includes(need.id) })),
    trustPath: state.trustPath,
    strongest: turns.length > 0 ? ranked[0]! : null,
    weakest: weakestTurn && rewrite ? { ...weakestTurn, rewrite, rewriteBy: 'offline' } : null,
    commitments: extractCommitments(turns),
    listening: scenario.kind === 'listening' ? listeningBalance(turns) : null,
    tips: closingTips(scenario, turns, state),
  };
}

function criterionResult(criterion: Criterion, turns: readonly ScoredTurn[]): CriterionResult {
  const where = turns.flatMap((turn) =>
    turn.evidence.filter((e) => e.criterion === criterion).map((e) => ({ messageId: turn.messageId, quote: e.quote, start: e.start, end: e.end })),
  );
  const count = turns.filter((turn) => turn.labels.includes(criterion)).length;
  return { met: count > 0, count, evidence: where.map((w) => w.quote), where };
}

/**
 * The concrete actions the person proposed, in their words, so they can follow through. The
 * scorecard lists them and follow-through stores them (follow-through/commitments.ts).
 */
export function extractCommitments(turns: readonly ScoredTurn[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const turn of turns) {
    for (const span of turn.evidence.filter((e) => e.criterion === 'proposes_action')) {
      // Quote the whole sentence the offer sits in: "I'll ..." reads better than a fragment.
      const sentence = splitSentences(turn.text).find((s) => s.start <= span.start && s.end >= span.end)?.text ?? span.quote;
      if (sentence.trim().endsWith('?')) continue; // asking what would help is not a promise
      const key = sentence.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(sentence);
      }
    }
  }
  return out;
}

function closingTips(scenario: Scenario, turns: readonly ScoredTurn[], state: ReturnType<typeof foldPartnerState>): string[] {
  const tips: string[] = [];
  const flags = KIND_RUBRIC[scenario.kind].redFlags.filter((flag) => turns.some((t) => t.labels.includes(flag)));
  for (const need of missingNeeds(scenario, state).slice(0, 2)) tips.push(need.tip ?? `Next time, make sure they hear: ${need.says}`);
  if (flags.includes('makes_excuses')) tips.push('Keep the explanation for after they feel heard, and only if they ask for it.');
  if (flags.includes('shifts_blame')) tips.push('Leave out what they or others could have done; own your part alone.');
  if (flags.includes('minimizes')) tips.push('Let the size of it be what it was for them.');
  if (flags.includes('non_apology')) tips.push('Apologise for the act ("I\'m sorry I…"), not for their feelings ("sorry if you…").');
  if (flags.includes('gives_unsolicited_advice')) tips.push('Wait to be asked before offering solutions; reflect first.');
  if (flags.includes('self_focus')) tips.push('Keep the spotlight on them; your story can wait.');
  const broken = state.arc.pushbacks.find((p) => p.outcome === 'broke');
  if (broken) {
    tips.push(
      `When ${scenario.partner.name} tested you ("${broken.line}"), you defended yourself and lost the ground you had gained. Next time, hold steady: own it again.`,
    );
  }
  if (!state.resolved && state.arc.pushbacks.filter((p) => p.outcome === 'held').length < requiredTests(scenario)) {
    tips.push(`${scenario.partner.name} was still testing whether you meant it; keep making good moves through the pushback.`);
  }
  if (scenario.hiddenConcern && state.arc.hiddenConcernTurn !== null && state.arc.answeredTurn === null) tips.push(scenario.hiddenConcern.answerTip);
  if (scenario.hiddenConcern && !state.hiddenConcernReached) {
    tips.push(
      `There was more under this for ${scenario.partner.name}. An open question about how things have been, or a reflection of what seemed heaviest, would have reached it.`,
    );
  }
  if (scenario.kind === 'listening') {
    const balance = listeningBalance(turns);
    if (balance.rating !== 'good') tips.push('Aim for two reflections for every question (MITI 4.2 "good": 2:1).');
  }
  if (tips.length === 0) tips.push('That was a strong conversation. Now follow through on what you promised.');
  return tips;
}
