/**
 * The twelve rubric criteria (see RUBRIC-CRITERIA.md) in words: their ids, which kind of
 * exercise scores which, their human labels, and how the coach asks about one it is not sure
 * of. Dependency-free (it imports nothing at run time), so the web page uses the very same
 * vocabulary without shipping the server's schemas; criteria.ts adds the zod schemas.
 */

export const POSITIVE_CRITERIA = [
  'acknowledges_harm',
  'takes_responsibility',
  'validates_feelings',
  'proposes_action',
  'reflects',
  'asks_open_question',
] as const;

export const RED_FLAGS = ['makes_excuses', 'shifts_blame', 'minimizes', 'non_apology', 'gives_unsolicited_advice', 'self_focus'] as const;

export const CRITERIA = [...POSITIVE_CRITERIA, ...RED_FLAGS] as const;
export type Criterion = (typeof CRITERIA)[number];
export type PositiveCriterion = (typeof POSITIVE_CRITERIA)[number];
export type RedFlag = (typeof RED_FLAGS)[number];

export const KINDS = ['apology', 'listening', 'draft'] as const;
export type Kind = (typeof KINDS)[number];

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

/** How the coach puts a doubtful label (see confidence.ts): as a question, not a verdict. */
export const CRITERION_QUESTIONS: Record<Criterion, string> = {
  acknowledges_harm: 'Did that name the harm?',
  takes_responsibility: 'Did that own it?',
  validates_feelings: 'Did that validate their feelings?',
  proposes_action: 'Was that a concrete repair?',
  reflects: 'Was that a reflection of what they said?',
  asks_open_question: 'Was that an open question?',
  makes_excuses: 'Was that an excuse?',
  shifts_blame: 'Did that shift the blame?',
  minimizes: 'Did that make it sound smaller than it was?',
  non_apology: 'Was that sorry for what you did, or only for how they feel?',
  gives_unsolicited_advice: 'Was that advice they had not asked for?',
  self_focus: 'Did that turn it towards you?',
};
