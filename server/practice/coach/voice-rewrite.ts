/**
 * With a model configured, the weakest turn's rewrite is written in the person's own voice:
 * their register, their words where they helped, and what was missing added. Any failure
 * falls back to the offline rewrite, so the scorecard never fails on the model's account.
 */
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { generateText } from 'ai';
import { CRITERION_LABELS, KIND_RUBRIC, type Criterion } from '../criteria.js';
import type { LabelledTurn } from '../partner/partner-state.js';
import type { Scenario } from '../scenarios/scenario-schema.js';

export const REWRITE_PROMPT_VERSION = 1;

export function rewritePrompt(scenario: Scenario, turn: LabelledTurn): { system: string; prompt: string } {
  const rubric = KIND_RUBRIC[scenario.kind];
  const missing = rubric.positive.filter((c) => !turn.labels.includes(c)).map((c) => CRITERION_LABELS[c]);
  const flags = rubric.redFlags.filter((c) => turn.labels.includes(c as Criterion)).map((c) => CRITERION_LABELS[c]);
  return {
    system: [
      'You help someone practise a hard conversation. Rewrite one thing they said so that it would land better.',
      'Keep their voice: their register, length, and any of their words that already helped. Write in the first person, as them.',
      'Answer with the rewritten words only: no quotes, no explanation, at most 70 words.',
    ].join('\n'),
    prompt: [
      `They are talking to ${scenario.partner.name}, ${scenario.partner.relationship}.`,
      `What happened, from ${scenario.partner.name}'s side: ${scenario.situation.theirSide}`,
      `What ${scenario.partner.name} needs to hear: ${scenario.needs.map((n) => n.says).join(' ')}`,
      `What they said: <turn>${turn.text}</turn>`,
      flags.length ? `In it they ${flags.join(' and ')}: leave that out.` : '',
      missing.length ? `It was missing: ${missing.join(', ')}. Add what fits.` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

export async function rewriteInVoice(
  model: LanguageModelV3,
  scenario: Scenario,
  turn: LabelledTurn,
  fallback: string,
  timeoutMs: number,
): Promise<{ text: string; by: 'model' | 'offline' }> {
  try {
    const { text } = await generateText({
      model,
      ...rewritePrompt(scenario, turn),
      abortSignal: AbortSignal.timeout(timeoutMs),
      maxRetries: 1,
      temperature: 0.4,
    });
    const clean = text.trim().replace(/^["“]|["”]$/g, '');
    return clean ? { text: clean, by: 'model' } : { text: fallback, by: 'offline' };
  } catch {
    return { text: fallback, by: 'offline' };
  }
}
