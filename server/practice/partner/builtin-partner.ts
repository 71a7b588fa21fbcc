/**
 * The built-in partner engine: an AI SDK language model that plays the scenario's partner
 * with no network. It folds the person's labelled turns into the partner's state and
 * answers from the scenario's reaction lines. Deterministic for a given transcript.
 *
 * The caller passes the turns' stored labels in `providerOptions.rehearse.turns`, so the
 * partner reacts to exactly what the coach showed; without them (e.g. in evals) it labels
 * the turns it finds in the prompt itself.
 */
import type { JSONObject, LanguageModelV3 } from '@ai-sdk/provider';
import { z } from 'zod';
import { criterionSchema } from '../criteria.js';
import type { Scenario } from '../scenarios/scenario-schema.js';
import type { ReplyToScore, ScoreResult } from '../scoring/scorer.js';
import type { LabelledTurn } from './partner-state.js';
import { turnsFromPrompt } from './prompt-turns.js';
import { planLatestReply } from './reaction-picker.js';
import { createScriptedModel } from './scripted-stream.js';

export type Labeller = (input: ReplyToScore) => ScoreResult;

export interface BuiltinPartnerOptions {
  scenario: Scenario;
  label: Labeller;
  paceMs?: number;
}

const labelledTurnsSchema = z.array(
  z.object({
    text: z.string(),
    labels: z.array(criterionSchema),
    evidence: z.array(z.object({ criterion: criterionSchema, start: z.number(), end: z.number(), quote: z.string() })),
  }),
);

/**
 * The provider options that hand the built-in partner the turns as the coach labelled them;
 * what `createBuiltinPartner` reads back (and validates) on the other side.
 */
export function labelledTurnsOption(turns: readonly LabelledTurn[]): Record<string, JSONObject> {
  return {
    rehearse: {
      turns: turns.map((turn) => ({
        text: turn.text,
        labels: [...turn.labels],
        evidence: turn.evidence.map(({ criterion, start, end, quote }) => ({ criterion, start, end, quote })),
      })),
    },
  };
}

export function createBuiltinPartner({ scenario, label, paceMs }: BuiltinPartnerOptions): LanguageModelV3 {
  return createScriptedModel({
    modelId: `builtin:${scenario.id}`,
    paceMs,
    reply({ prompt, providerOptions }) {
      const given = labelledTurnsSchema.safeParse(providerOptions?.rehearse?.turns);
      const turns: LabelledTurn[] = given.success
        ? given.data
        : turnsFromPrompt(prompt).map(({ context, text }) => ({ text, ...label({ kind: scenario.kind, context, reply: text }) }));
      return planLatestReply(scenario, turns)?.text ?? scenario.partner.opening;
    },
  });
}
