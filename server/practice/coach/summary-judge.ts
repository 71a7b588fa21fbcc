/**
 * With a model configured, the judge reads a written summary too. Word overlap misses a need
 * put in other words ("she's running on empty" for exhaustion) and cannot tell a paraphrase
 * from an invention; the model can. Its read wins where it is usable: the needs it names must
 * be the scenario's, and a claim it quotes must be in the summary, word for word. Any failure
 * keeps the offline read, so the summary box never fails on the model's account.
 */
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { Output, generateText } from 'ai';
import { z } from 'zod';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { withScore, type SummaryReview } from './written-summary.js';

export const SUMMARY_JUDGE_PROMPT_VERSION = 1;

const judgedSummarySchema = z.object({
  covered: z.array(z.string()).describe('ids of the needs the summary captures, in any words'),
  notSaid: z.array(z.string()).describe('sentences of the summary, quoted exactly, that claim something the partner never said'),
});

export interface SummaryToJudge {
  scenario: Scenario;
  partnerLines: readonly string[];
  summary: string;
}

export function summaryJudgePrompt({ scenario, partnerLines, summary }: SummaryToJudge): { system: string; prompt: string } {
  return {
    system: [
      'You check a summary someone wrote after listening to a person, as they would send it to them.',
      'Say which of the listed needs it captures (in any words: a paraphrase counts, a vague gesture does not),',
      'and quote, exactly as written, any sentence of it that claims something the person never said.',
      'The summariser\'s framing ("what I heard is", "that makes sense") and naming a feeling the person clearly showed are not claims.',
      'Answer with the JSON asked for only.',
    ].join('\n'),
    prompt: [
      `The person: ${scenario.partner.name}, ${scenario.partner.relationship}.`,
      'What they said, line by line:',
      ...partnerLines.map((line) => `<line>${line}</line>`),
      'Their needs (id: what it is):',
      ...scenario.needs.map((need) => `- ${need.id}: ${need.says}`),
      `The summary: <summary>${summary}</summary>`,
    ].join('\n'),
  };
}

export async function judgeSummary(
  model: LanguageModelV3,
  input: SummaryToJudge,
  offline: SummaryReview,
  timeoutMs: number,
): Promise<SummaryReview & { by: 'model' | 'offline' }> {
  try {
    const { output } = await generateText({
      model,
      ...summaryJudgePrompt(input),
      output: Output.object({ schema: judgedSummarySchema }),
      abortSignal: AbortSignal.timeout(timeoutMs),
      maxRetries: 1,
      temperature: 0,
    });
    const notSaid = output.notSaid.map((quote) => quote.trim()).filter((quote) => quote && input.summary.includes(quote));
    return { ...withScore(input.scenario, output.covered, notSaid), by: 'model' };
  } catch {
    return { ...offline, by: 'offline' };
  }
}
