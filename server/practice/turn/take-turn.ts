/**
 * One turn of a practice conversation, the only place its sequence is written: label the
 * person's words (with a confidence per label), fold the partner's state once, read the turn
 * as the coach, check safety, and say what the partner is to answer. The server's chat route,
 * the partner suites and `scenarios play` all call this, so the evals measure what ships.
 */
import { coachTurn, type TurnRead } from '../coach/turn-coach.js';
import { foldPartnerPath, initialPartnerState, type LabelledTurn, type PartnerState } from '../partner/partner-state.js';
import type { CheckInContext } from '../partner/check-in-arc.js';
import type { Labeller, PartnerCue } from '../partner/partner-engine.js';
import { detectSafetyConcern, safetyReply, type SafetyConcern } from '../safety/safety-check.js';
import type { Scenario } from '../scenarios/scenario-schema.js';

export interface TurnRequest {
  scenario: Scenario;
  /** The person's earlier turns still in the conversation, labelled, oldest first. */
  history: readonly LabelledTurn[];
  /** What the partner said last: the context the scorer reads the turn in. */
  context: string;
  /** The person's new turn. */
  text: string;
  /** The offline scorer (or a stand-in in tests). */
  label: Labeller;
  /** In a check-in session: what was promised and where the first conversation ended. */
  checkIn?: CheckInContext;
}

/** What the partner is to answer: in the role-play, or outside it with where to get help. */
export type PartnerAsk = { to: 'partner'; cue: PartnerCue } | { to: 'safety'; concern: SafetyConcern; reply: string };

export interface TakenTurn {
  /** The new turn with its labels, evidence and scores. */
  turn: LabelledTurn;
  /** The coach's read: labels with the words that show them, scores, tip, trust before → after. */
  read: TurnRead;
  /** The partner's state after the turn. */
  state: PartnerState;
  concern?: SafetyConcern;
  ask: PartnerAsk;
}

export function takeTurn({ scenario, history, context, text, label, checkIn }: TurnRequest): TakenTurn {
  const turn: LabelledTurn = { text, ...label({ kind: scenario.kind, context, reply: text }) };
  return continueTurn(scenario, [...history, turn], { concern: detectSafetyConcern(text), checkIn });
}

/**
 * The same steps for a turn already labelled (the last of `turns`): a retry of a stored turn,
 * or a turn whose read was replaced by a better one. The state is folded here, once.
 */
export function continueTurn(
  scenario: Scenario,
  turns: readonly LabelledTurn[],
  { concern = detectSafetyConcern(turns.at(-1)?.text ?? ''), checkIn }: { concern?: SafetyConcern; checkIn?: CheckInContext } = {},
): TakenTurn {
  const turn = turns.at(-1);
  if (!turn) throw new Error('continueTurn: no turn to answer');
  const path = foldPartnerPath(scenario, turns, checkIn);
  const state = path.at(-1) ?? initialPartnerState(scenario, checkIn);
  const read = coachTurn(scenario, state, turn);
  const ask: PartnerAsk = concern ? { to: 'safety', concern, reply: safetyReply(concern) } : { to: 'partner', cue: { scenario, turns, path } };
  return { turn, read, state, ask, ...(concern ? { concern } : {}) };
}

/** One of the person's turns in a conversation that already happened, with what it answered. */
export interface PastTurn {
  /** What the other person said just before: the context the scorer reads the turn in. */
  context: string;
  text: string;
}

export interface PastTurnRead {
  turn: LabelledTurn;
  read: TurnRead;
  state: PartnerState;
}

/**
 * The same steps for a whole conversation that already happened (an imported thread): label
 * each turn in its context, fold the partner's state once over all of them, and read each turn
 * as the coach from the state after it. One fold rather than one per turn, so a long thread
 * costs its labelling and no more; safety is not asked, as nobody is answering.
 */
export function readPastTurns(scenario: Scenario, past: readonly PastTurn[], label: Labeller): PastTurnRead[] {
  const turns: LabelledTurn[] = past.map(({ context, text }) => ({ text, ...label({ kind: scenario.kind, context, reply: text }) }));
  const path = foldPartnerPath(scenario, turns);
  return turns.map((turn, index) => ({ turn, read: coachTurn(scenario, path[index]!, turn), state: path[index]! }));
}
