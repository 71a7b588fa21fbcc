/**
 * The coach's read of one turn the person typed: the labels with the words that show them,
 * the partner's trust before and after, a one-line reason, and one short tip naming the next
 * move for this conversation (drawn from the scenario's needs, not generic advice).
 */
import { CRITERION_QUESTIONS, KIND_RUBRIC, criterionSchema, type RedFlag } from '../criteria.js';
import { z } from 'zod';
import { isDoubtful } from '../confidence.js';
import { missingNeeds, type LabelledTurn, type PartnerState } from '../partner/partner-state.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import type { EvidenceSpan } from '../scoring/scorer.js';

/** Words of the reply that show a criterion: the scorer's EvidenceSpan, as a schema. */
export const evidenceSpanSchema = z.object({
  criterion: criterionSchema,
  start: z.number(),
  end: z.number(),
  quote: z.string(),
}) satisfies z.ZodType<EvidenceSpan>;

/**
 * The coach's read of one turn, defined once: the domain makes it, the database stores its
 * fields (schema.ts types its columns from it) and the API sends it (api/schemas.ts extends it).
 */
export const turnReadSchema = z.object({
  labels: z.array(criterionSchema),
  evidence: z.array(evidenceSpanSchema),
  /** The scorer's probability for each of the twelve criteria (see confidence.ts). */
  scores: z.partialRecord(criterionSchema, z.number()),
  tip: z.string(),
  trustBefore: z.number(),
  trustAfter: z.number(),
  reason: z.string(),
});
export type TurnRead = z.infer<typeof turnReadSchema>;

const RED_FLAG_TIPS: Record<RedFlag, string> = {
  makes_excuses: 'Leave the why for later; lead with what it cost them.',
  shifts_blame: 'Take the blame back: say what was yours, and stop there.',
  minimizes: "Don't shrink it; say how big it was for them.",
  non_apology: 'Apologise for what you did, not for how they feel.',
  gives_unsolicited_advice: 'Hold the advice: reflect what you heard, or ask what they need.',
  self_focus: 'Bring it back to them: ask about their side of it.',
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Reads `turn` from the partner's state after it (`after.last` is what the turn did). */
export function coachTurn(scenario: Scenario, after: PartnerState, turn: LabelledTurn): TurnRead {
  const effect = after.last!;
  return {
    labels: turn.labels,
    evidence: turn.evidence,
    scores: turn.scores ?? {},
    tip: nextMoveTip(scenario, after, turn),
    trustBefore: effect.trustBefore,
    trustAfter: effect.trustAfter,
    reason: effect.reason,
  };
}

/** One short, specific next move: fix a red flag first, then the most important unmet need. */
export function nextMoveTip(scenario: Scenario, state: PartnerState, turn: LabelledTurn): string {
  const rubric = KIND_RUBRIC[scenario.kind];
  const flag = rubric.redFlags.find((criterion) => turn.labels.includes(criterion));
  const need = missingNeeds(scenario, state)[0];
  const needTip = need?.tip ?? need?.says;

  if (flag) {
    // A doubtful red flag is put as a question: the coach may have misread it.
    const flagTip = isDoubtful(turn.scores?.[flag]) ? `${CRITERION_QUESTIONS[flag]} If so: ${lowerFirst(RED_FLAG_TIPS[flag])}` : RED_FLAG_TIPS[flag];
    return needTip ? `${flagTip} ${needTip}` : flagTip;
  }
  if (state.resolved) return `${scenario.partner.name} is ready to move on. Keep what you promised, and let them lead now.`;
  // The arc comes before the needs: a test or a revealed concern is what the partner is waiting on now.
  const pushback = state.arc.pushbacks.at(-1);
  if (pushback?.outcome === 'open') {
    return `${scenario.partner.name} is testing you: "${pushback.line}" Hold steady — no excuse, no defending yourself; say again what you did and what you will do.`;
  }
  const concern = scenario.hiddenConcern;
  if (concern && state.arc.hiddenConcernTurn !== null && state.arc.answeredTurn === null) return concern.answerTip;

  if (scenario.kind === 'listening') {
    const reflections = state.counts.reflects ?? 0;
    const questions = state.counts.asks_open_question ?? 0;
    if (questions > reflections) return `Before another question, say back what you heard from ${scenario.partner.name}, in your own words.`;
  }
  if (needTip) return needTip;
  if (scenario.hiddenConcern && !state.hiddenConcernReached) {
    return `There may be more under this. Ask ${scenario.partner.name} an open question about how things have been, or reflect what seems heaviest.`;
  }
  return `Check in: ask ${scenario.partner.name} what would help now.`;
}
