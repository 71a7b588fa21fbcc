/**
 * The two partner engines behind one interface. Both hand back an AI SDK language model,
 * so one streaming path serves both: the built-in engine (no network) and the LLM engine
 * (any OpenAI-compatible chat-completions server).
 */
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Scenario } from '../scenarios/scenario-schema.js';
import { createBuiltinPartner, type Labeller } from './builtin-partner.js';
import { partnerSystemPrompt } from './partner-prompt.js';
import type { PartnerState } from './partner-state.js';

export interface PartnerCall {
  model: LanguageModelV3;
  /** The system prompt; the built-in engine needs none. */
  system?: string;
  /** Stored with the reply: which engine wrote it. */
  source: 'builtin' | 'llm';
}

export interface PartnerEngine {
  readonly name: 'builtin' | 'llm';
  /** Describes the model in health checks and logs, never the key. */
  readonly description: string;
  /** The model and prompt for the reply to the latest turn, given the state after that turn. */
  callFor(scenario: Scenario, state: PartnerState): PartnerCall;
}

export function createBuiltinEngine({ label, paceMs = 0 }: { label: Labeller; paceMs?: number }): PartnerEngine {
  const models = new Map<string, LanguageModelV3>();
  return {
    name: 'builtin',
    description: 'built-in scripted partner',
    callFor(scenario) {
      let model = models.get(scenario.id);
      if (!model) {
        model = createBuiltinPartner({ scenario, label, paceMs });
        models.set(scenario.id, model);
      }
      return { model, source: 'builtin' };
    },
  };
}

export function createLlmEngine({ apiKey, baseURL, model, fetch }: { apiKey: string; baseURL?: string; model: string; fetch?: typeof globalThis.fetch }): PartnerEngine {
  // `.chat()` speaks Chat Completions, which every OpenAI-compatible server agrees on.
  const provider = createOpenAI({ apiKey, baseURL, fetch });
  const chatModel = provider.chat(model);
  return {
    name: 'llm',
    description: `${model} at ${baseURL ? new URL(baseURL).host : 'api.openai.com'}`,
    callFor(scenario, state) {
      return { model: chatModel, system: partnerSystemPrompt(scenario, state), source: 'llm' };
    },
  };
}
