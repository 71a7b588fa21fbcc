/**
 * The two partner engines behind one interface. Both hand back an AI SDK language model,
 * so one streaming path serves both: the built-in engine (no network) and the LLM engine
 * (any OpenAI-compatible chat-completions server). Each is handed the partner's state as the
 * turn function folded it; neither folds it again.
 */
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Scenario } from '../scenarios/scenario-schema.js';
import type { ReplyToScore, ScoreResult } from '../scoring/scorer.js';
import { createBuiltinPartner } from './builtin-partner.js';
import { partnerSystemPrompt } from './partner-prompt.js';
import type { LabelledTurn, PartnerState } from './partner-state.js';

export type Labeller = (input: ReplyToScore) => ScoreResult;

/** What the partner answers: the person's labelled turns and the partner's state after each. */
export interface PartnerCue {
  scenario: Scenario;
  turns: readonly LabelledTurn[];
  /** The state after each turn (same length as `turns`); the last is the state now. */
  path: readonly PartnerState[];
}

export interface PartnerCall {
  model: LanguageModelV3;
  /** The system prompt; the built-in engine needs none. */
  system?: string;
  /** Stored with the reply: which engine wrote it (`safety`: the answer outside the role-play). */
  source: 'builtin' | 'llm' | 'safety';
}

export interface PartnerEngine {
  readonly name: 'builtin' | 'llm';
  /** Describes the model in health checks and logs, never the key. */
  readonly description: string;
  /** The model and prompt for the reply to the latest turn of `cue`. */
  callFor(cue: PartnerCue): PartnerCall;
}

export function createBuiltinEngine({ paceMs = 0 }: { paceMs?: number } = {}): PartnerEngine {
  return {
    name: 'builtin',
    description: 'built-in scripted partner',
    callFor(cue) {
      return { model: createBuiltinPartner(cue, { paceMs }), source: 'builtin' };
    },
  };
}

export function createLlmEngine({
  apiKey,
  baseURL,
  model,
  fetch,
}: {
  apiKey: string;
  baseURL?: string;
  model: string;
  fetch?: typeof globalThis.fetch;
}): PartnerEngine {
  // `.chat()` speaks Chat Completions, which every OpenAI-compatible server agrees on.
  const provider = createOpenAI({ apiKey, baseURL, fetch });
  const chatModel = provider.chat(model);
  return {
    name: 'llm',
    description: `${model} at ${baseURL ? new URL(baseURL).host : 'api.openai.com'}`,
    callFor({ scenario, path }) {
      const state = path.at(-1);
      if (!state) throw new Error('the LLM partner is asked to answer a turn, and there is none');
      return { model: chatModel, system: partnerSystemPrompt(scenario, state), source: 'llm' };
    },
  };
}
