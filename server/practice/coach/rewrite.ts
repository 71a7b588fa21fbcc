/**
 * The offline rewrite of a weak turn: keep what the person said that helped, drop what
 * hurt, and add what was missing — in the scenario's own example words where the author
 * gave them, otherwise in plain first-person words.
 */
import { KIND_RUBRIC, isRedFlag, type Criterion, type PositiveCriterion } from '../criteria.js';
import type { LabelledTurn } from '../partner/partner-state.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { splitSentences } from './sentences.js';

const PLAIN_WORDS: Record<PositiveCriterion, (scenario: Scenario) => string> = {
  acknowledges_harm: () => 'I know what I did, and what it cost you.',
  takes_responsibility: () => 'That was my doing, and I am not going to dress it up.',
  validates_feelings: () => 'It makes sense that you feel the way you do.',
  proposes_action: () => 'Here is what I will do differently from now on, and I would like to hear what would help you.',
  reflects: (scenario) => `So what I am hearing is that this has been weighing on you, ${scenario.partner.name}.`,
  asks_open_question: () => 'What has this been like for you?',
};

/**
 * The turn with its red-flag sentences left out and the moves it was missing added — only
 * those not already made earlier in the conversation (`alreadyMet`), so a good turn is not
 * padded with what the person said a turn before. Undefined when there is nothing to change.
 */
export function suggestRewrite(scenario: Scenario, turn: LabelledTurn, alreadyMet: ReadonlySet<Criterion> = new Set()): string | undefined {
  const redSpans = turn.evidence.filter((e) => isRedFlag(e.criterion));
  const kept = splitSentences(turn.text)
    .filter((sentence) => !redSpans.some((span) => span.start < sentence.end && span.end > sentence.start))
    .map((sentence) => sentence.text);

  const missing = KIND_RUBRIC[scenario.kind].positive.filter((criterion) => !turn.labels.includes(criterion) && !alreadyMet.has(criterion));
  if (redSpans.length === 0 && missing.length === 0) return undefined;
  const added = missing.slice(0, 3).map((criterion) => wordsFor(scenario, criterion));
  return [...kept, ...added].join(' ').trim();
}

function wordsFor(scenario: Scenario, criterion: PositiveCriterion): string {
  const need = scenario.needs.find((n) => n.criterion === (criterion as Criterion) && n.example);
  return need?.example ?? PLAIN_WORDS[criterion](scenario);
}
