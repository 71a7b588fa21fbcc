/**
 * Feedback on a written draft before it is sent: the whole draft's labels and evidence,
 * each sentence marked by criterion, what is missing, the red flags, a score, and the
 * recipient's likely first reaction (the scenario's partner when one is given).
 */
import { CRITERION_LABELS, KIND_RUBRIC, type Criterion } from '../criteria.js';
import type { Labeller } from '../partner/partner-engine.js';
import { foldPartnerPath } from '../partner/partner-state.js';
import { planLatestReply } from '../partner/reaction-picker.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import type { EvidenceSpan, ScoreResult } from '../scoring/scorer.js';
import { splitSentences } from './sentences.js';

export interface DraftFeedback {
  labels: Criterion[];
  spans: { start: number; end: number; criterion: Criterion }[];
  evidence: EvidenceSpan[];
  sentences: { start: number; end: number; text: string; criteria: Criterion[] }[];
  score: number;
  missing: { criterion: Criterion; why: string }[];
  redFlags: Criterion[];
  reaction: { text: string; by: string | null; trustAfter: number | null };
}

const WHY_MISSING: Partial<Record<Criterion, string>> = {
  acknowledges_harm: 'Name the specific thing you did and what it did to them.',
  takes_responsibility: 'Own it plainly, in the first person, with no "but" or "if".',
  validates_feelings: 'Say that their feeling makes sense.',
  proposes_action: 'Offer one concrete repair or change, or ask what would help.',
};

export function draftFeedback({ text, scenario, label }: { text: string; scenario?: Scenario; label: Labeller }): DraftFeedback {
  const kind = 'draft';
  const context = scenario?.partner.opening ?? '';
  const scored = label({ kind, context, reply: text });
  const rubric = KIND_RUBRIC[kind];
  const redFlags = scored.labels.filter((c) => (rubric.redFlags as readonly Criterion[]).includes(c));
  const met = rubric.positive.filter((c) => scored.labels.includes(c));

  const sentences = splitSentences(text).map((sentence) => {
    const inside = scored.evidence.filter((e) => e.start < sentence.end && e.end > sentence.start).map((e) => e.criterion);
    return { ...sentence, criteria: [...new Set(inside)] };
  });

  const score = Math.max(0, Math.min(100, Math.round((met.length / rubric.positive.length) * 100 - redFlags.length * 20)));
  return {
    labels: scored.labels,
    spans: scored.evidence.map(({ start, end, criterion }) => ({ start, end, criterion })),
    evidence: scored.evidence,
    sentences,
    score,
    missing: rubric.positive.filter((c) => !met.includes(c)).map((criterion) => ({ criterion, why: WHY_MISSING[criterion] ?? CRITERION_LABELS[criterion] })),
    redFlags,
    reaction: likelyReaction(text, scored, scenario, redFlags, met.length),
  };
}

function likelyReaction(text: string, scored: ScoreResult, scenario: Scenario | undefined, redFlags: Criterion[], metCount: number): DraftFeedback['reaction'] {
  if (scenario) {
    const turn = { text, ...scored };
    const path = foldPartnerPath(scenario, [turn]);
    const reply = planLatestReply(scenario, [turn], path);
    return { text: reply?.text ?? scenario.partner.opening, by: scenario.partner.name, trustAfter: path.at(-1)!.trust };
  }
  if (redFlags.includes('shifts_blame'))
    return { text: 'They are likely to feel blamed and defend themselves rather than hear the apology.', by: null, trustAfter: null };
  if (redFlags.includes('non_apology'))
    return { text: 'They are likely to read it as "sorry you feel that way" and feel dismissed.', by: null, trustAfter: null };
  if (redFlags.includes('makes_excuses')) return { text: 'They are likely to hear the reasons more than the apology.', by: null, trustAfter: null };
  if (redFlags.includes('minimizes')) return { text: 'They are likely to feel their hurt is being made small.', by: null, trustAfter: null };
  if (metCount >= 3) return { text: 'They are likely to feel heard, and to be open to talking.', by: null, trustAfter: null };
  return { text: 'They are likely to read it as a start, but wait to see whether you really understand what happened.', by: null, trustAfter: null };
}
