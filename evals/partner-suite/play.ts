/**
 * Plays a script against a partner engine through the real AI SDK path (generateText on
 * the engine's model), labelling each turn with the offline scorer and folding the state
 * exactly as the server does.
 */
import { generateText, type ModelMessage } from 'ai';
import { coachTurn } from '../../server/practice/coach/turn-coach.js';
import { labelledTurnsOption, type Labeller } from '../../server/practice/partner/builtin-partner.js';
import type { PartnerEngine } from '../../server/practice/partner/partner-engine.js';
import type { LabelledTurn, PartnerState } from '../../server/practice/partner/partner-state.js';
import type { Scenario } from '../../server/practice/scenarios/scenario-schema.js';

export interface PlayedTurn {
  text: string;
  labels: string[];
  trustBefore: number;
  trustAfter: number;
  reply: string;
  resolved: boolean;
}

export interface PlayedConversation {
  turns: PlayedTurn[];
  state: PartnerState;
  /** 1-based turn at which the conversation resolved, if it did. */
  resolvedAt: number | null;
}

export async function playScript(scenario: Scenario, engine: PartnerEngine, label: Labeller, script: readonly string[]): Promise<PlayedConversation> {
  const messages: ModelMessage[] = [{ role: 'assistant', content: scenario.partner.opening }];
  const history: LabelledTurn[] = [];
  const turns: PlayedTurn[] = [];
  let context = scenario.partner.opening;
  let state: PartnerState | undefined;
  let resolvedAt: number | null = null;

  for (const text of script) {
    const turn: LabelledTurn = { text, ...label({ kind: scenario.kind, context, reply: text }) };
    const read = coachTurn(scenario, history, turn);
    history.push(turn);
    state = read.state;
    messages.push({ role: 'user', content: text });
    const call = engine.callFor(scenario, state);
    const { text: reply } = await generateText({
      model: call.model,
      system: call.system,
      messages,
      providerOptions: labelledTurnsOption(history),
    });
    messages.push({ role: 'assistant', content: reply });
    context = reply;
    if (state.resolved && resolvedAt === null) resolvedAt = turns.length + 1;
    turns.push({ text, labels: read.labels, trustBefore: read.trustBefore, trustAfter: read.trustAfter, reply, resolved: state.resolved });
  }
  return { turns, state: state!, resolvedAt };
}
