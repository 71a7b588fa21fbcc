/**
 * The twelve rubric criteria (see RUBRIC-CRITERIA.md): the one vocabulary shared by the
 * scorers, the partner's trust model, the datasets and the API. Everything else imports
 * the ids from here; nothing spells them out again.
 */
import { z } from 'zod';

export const POSITIVE_CRITERIA = [
  'acknowledges_harm',
  'takes_responsibility',
  'validates_feelings',
  'proposes_action',
  'reflects',
  'asks_open_question',
] as const;

export const RED_FLAGS = [
  'makes_excuses',
  'shifts_blame',
  'minimizes',
  'non_apology',
  'gives_unsolicited_advice',
  'self_focus',
] as const;

export const CRITERIA = [...POSITIVE_CRITERIA, ...RED_FLAGS] as const;

export const criterionSchema = z.enum(CRITERIA);
export type Criterion = z.infer<typeof criterionSchema>;
export type PositiveCriterion = (typeof POSITIVE_CRITERIA)[number];
export type RedFlag = (typeof RED_FLAGS)[number];

export const KINDS = ['apology', 'listening', 'draft'] as const;
export const kindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof kindSchema>;

const APOLOGY_RUBRIC = {
  positive: ['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action'],
  redFlags: ['makes_excuses', 'shifts_blame', 'minimizes', 'non_apology'],
} as const;

/** Which criteria each kind of exercise scores and shows to the person. */
export const KIND_RUBRIC: Record<Kind, { positive: readonly PositiveCriterion[]; redFlags: readonly RedFlag[] }> = {
  apology: APOLOGY_RUBRIC,
  listening: {
    positive: ['reflects', 'validates_feelings', 'asks_open_question'],
    redFlags: ['gives_unsolicited_advice', 'self_focus', 'minimizes'],
  },
  draft: APOLOGY_RUBRIC,
};

export function isRedFlag(criterion: Criterion): criterion is RedFlag {
  return (RED_FLAGS as readonly string[]).includes(criterion);
}

/** Human words for each criterion, for tips, trust reasons and the UI. */
export const CRITERION_LABELS: Record<Criterion, string> = {
  acknowledges_harm: 'named the harm',
  takes_responsibility: 'owned it',
  validates_feelings: 'validated their feelings',
  proposes_action: 'offered a concrete repair',
  reflects: 'reflected what they said',
  asks_open_question: 'asked an open question',
  makes_excuses: 'made an excuse',
  shifts_blame: 'shifted the blame',
  minimizes: 'minimised it',
  non_apology: 'gave a non-apology',
  gives_unsolicited_advice: 'gave advice they did not ask for',
  self_focus: 'made it about yourself',
};
