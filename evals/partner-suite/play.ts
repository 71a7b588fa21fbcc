/**
 * Plays a script against a partner engine through the real AI SDK path (generateText on
 * the engine's model). Each turn goes through `takeTurn`, the same function the server's
 * chat route calls, so the suite measures exactly what ships.
 */
import { generateText, type ModelMessage } from 'ai';
import type { Labeller, PartnerEngine } from '../../server/practice/partner/partner-engine.js';
import type { CheckInContext } from '../../server/practice/partner/check-in-arc.js';
import type { LabelledTurn, PartnerState } from '../../server/practice/partner/partner-state.js';
import type { Scenario } from '../../server/practice/scenarios/scenario-schema.js';
import { takeTurn } from '../../server/practice/turn/take-turn.js';

export interface PlayedTurn {
  text: string;
  labels: string[];
  trustBefore: number;
  trustAfter: number;
  reply: string;
  resolved: boolean;
  /** The conversation resolved on this turn. */
  resolvedNow: boolean;
  /** The partner's reply to this turn revealed the hidden concern. */
  revealed: boolean;
  /** The partner's reply to this turn tested it (the pushback line the state chose). */
  pushback: string | null;
  /** How this turn met the partner's previous pushback, if there was one. */
  testOutcome: 'held' | 'broke' | null;
  /** What this turn's red flags cost, before the floor at zero (0 when it had none). */
  setbackCost: number;
  /** In a check-in, what this turn reported about the promise. */
  checkInReport: string | null;
}

export interface PlayedConversation {
  turns: PlayedTurn[];
  state: PartnerState;
  /** 1-based turn at which the conversation resolved, if it did. */
  resolvedAt: number | null;
}

/** `checkIn` plays a check-in session: the partner opens with `opening` and folds what was promised. */
export async function playScript(
  scenario: Scenario,
  engine: PartnerEngine,
  label: Labeller,
  script: readonly string[],
  { checkIn, opening = scenario.partner.opening }: { checkIn?: CheckInContext; opening?: string } = {},
): Promise<PlayedConversation> {
  const messages: ModelMessage[] = [{ role: 'assistant', content: opening }];
  const history: LabelledTurn[] = [];
  const turns: PlayedTurn[] = [];
  let context = opening;
  let state: PartnerState | undefined;
  let resolvedAt: number | null = null;

  for (const text of script) {
    const taken = takeTurn({ scenario, history, context, text, label, checkIn });
    history.push(taken.turn);
    state = taken.state;
    messages.push({ role: 'user', content: text });
    let reply: string;
    if (taken.ask.to === 'safety') reply = taken.ask.reply;
    else {
      const call = engine.callFor(taken.ask.cue);
      reply = (await generateText({ model: call.model, system: call.system, messages })).text;
    }
    messages.push({ role: 'assistant', content: reply });
    context = reply;
    if (state.resolved && resolvedAt === null) resolvedAt = turns.length + 1;
    const { read } = taken;
    const effect = state.last!;
    turns.push({
      text,
      labels: read.labels,
      trustBefore: read.trustBefore,
      trustAfter: read.trustAfter,
      reply,
      resolved: state.resolved,
      resolvedNow: effect.resolvedNow,
      revealed: effect.revealedHiddenConcern,
      pushback: effect.pushback ?? null,
      testOutcome: effect.testOutcome ?? null,
      setbackCost: -effect.contributions.reduce((sum, c) => sum + Math.min(0, c.delta), 0),
      checkInReport: effect.checkInReport ?? null,
    });
  }
  return { turns, state: state!, resolvedAt };
}
