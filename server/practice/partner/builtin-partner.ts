/**
 * The built-in partner engine: an AI SDK language model that plays the scenario's partner
 * with no network, answering from the scenario's reaction lines for the state it is handed
 * (the turn function's fold; nothing is folded or labelled again here). Deterministic for a
 * given transcript.
 */
import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { PartnerCue } from './partner-engine.js';
import { planLatestReply } from './reaction-picker.js';
import { createScriptedModel } from './scripted-stream.js';

export function createBuiltinPartner({ scenario, turns, path }: PartnerCue, { paceMs = 0 }: { paceMs?: number } = {}): LanguageModelV3 {
  return createScriptedModel({
    modelId: `builtin:${scenario.id}`,
    paceMs,
    reply: () => planLatestReply(scenario, turns, path)?.text ?? scenario.partner.opening,
  });
}
