/**
 * The stages of the partner's arc, in words, and the summary of an arc that the scorecard,
 * the stream's metadata and the page share. Dependency-free (type imports only), so the page
 * names the stages exactly as the server does.
 */
import type { PartnerState } from './partner-state-shape.js';

/** The stages a conversation can pass, in the order they usually come. */
export const ARC_STAGES = ['reached', 'tested', 'held', 'revealed', 'answered', 'resolved'] as const;
export type ArcStage = (typeof ARC_STAGES)[number];

export const ARC_STAGE_LABELS: Record<ArcStage, string> = {
  reached: 'a good move landed',
  tested: 'they tested it',
  held: 'you held steady',
  revealed: 'they said what is underneath',
  answered: 'you answered it',
  resolved: 'resolved',
};

/** What the arc still waits for before the partner can resolve. */
export const ARC_WAITS = ['time', 'test', 'hidden-concern', 'answer'] as const;
export type ArcWait = (typeof ARC_WAITS)[number];

export const ARC_WAIT_LABELS: Record<ArcWait, string> = {
  time: 'more time: trust is rebuilt over several turns',
  test: 'to see your words hold when they push back',
  'hidden-concern': 'to be asked about what is underneath',
  answer: 'an answer to what they told you is underneath',
};

export type PushbackOutcome = 'held' | 'broke' | 'open';

export interface ArcPushback {
  /** The person's turn (from 1) after which the partner pushed back. */
  turn: number;
  /** The pushback, from the scenario's lines (the LLM engine says it in its own words). */
  line: string;
  /** How the person's next turn met it: held (no red flag), broke (a red flag), or open. */
  outcome: PushbackOutcome;
}

export interface ArcSummary {
  /** Each stage passed, with the person's turn (from 1) after which it was passed. */
  stages: { stage: ArcStage; turn: number }[];
  pushbacks: ArcPushback[];
  /** The fewest turns before this partner can resolve. */
  minTurns: number;
  hiddenConcernTurn: number | null;
  resolvedTurn: number | null;
  /** What the partner still waits for (empty once resolved). */
  waitingFor: ArcWait[];
}

/** The arc as the state after the latest turn holds it. */
export function summariseArc(state: PartnerState): ArcSummary {
  const { arc } = state;
  const passed: { stage: ArcStage; turn: number | null }[] = [
    { stage: 'reached', turn: arc.firstGainTurn },
    { stage: 'tested', turn: arc.pushbacks[0]?.turn ?? null },
    { stage: 'held', turn: firstHeld(arc.pushbacks) },
    { stage: 'revealed', turn: arc.hiddenConcernTurn },
    { stage: 'answered', turn: arc.answeredTurn },
    { stage: 'resolved', turn: arc.resolvedTurn },
  ];
  return {
    stages: passed.filter((s): s is { stage: ArcStage; turn: number } => s.turn !== null),
    pushbacks: arc.pushbacks.map(({ turn, line, outcome }) => ({ turn, line, outcome })),
    minTurns: arc.minTurns,
    hiddenConcernTurn: arc.hiddenConcernTurn,
    resolvedTurn: arc.resolvedTurn,
    waitingFor: state.resolved ? [] : arc.waitingFor,
  };
}

/** A test is held on the turn after the pushback. */
function firstHeld(pushbacks: PartnerState['arc']['pushbacks']): number | null {
  const held = pushbacks.find((p) => p.outcome === 'held');
  return held ? held.turn + 1 : null;
}
