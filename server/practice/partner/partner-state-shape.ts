/**
 * The shapes of the partner's state (partner-state.ts folds them): a labelled turn in, the
 * state and what the turn did out. Apart from the fold so that its phases, each in its own
 * file, read the same shapes without importing the fold that calls them.
 */
import type { Criterion } from '../criteria.js';
import type { LabelScores } from '../confidence.js';
import type { EvidenceSpan } from '../scoring/scorer.js';
import type { CheckInReport } from '../follow-through/check-in-report.js';
import type { ArcWait, PushbackOutcome } from './arc-stages.js';
import type { CheckInState } from './check-in-arc.js';
import type { RepairKind } from './repair-worth.js';

export interface LabelledTurn {
  text: string;
  labels: Criterion[];
  evidence: EvidenceSpan[];
  /** The scorer's probability per criterion; a label moves trust in proportion to it (see confidence.ts). */
  scores?: LabelScores;
}

/** What one turn did to the partner. */
export interface TurnEffect {
  trustBefore: number;
  trustAfter: number;
  /** Each scored criterion's contribution, after difficulty, repetition, repair worth and setback scaling. */
  contributions: { criterion: Criterion; delta: number }[];
  newlyMetNeeds: string[];
  revealedHiddenConcern: boolean;
  /** This turn answered the hidden concern the partner revealed earlier. */
  answeredHiddenConcern: boolean;
  resolvedNow: boolean;
  /** The partner tests this turn in its reply: the pushback line to say. */
  pushback?: string;
  /** How this turn met the partner's last pushback, when it had just pushed back. */
  testOutcome?: Exclude<PushbackOutcome, 'open'>;
  /** How the repair offered in this turn was read, if one was. */
  repair?: RepairKind;
  /** In a check-in, what this turn reported about the promise (check-in-arc.ts says what each does). */
  checkInReport?: CheckInReport;
  /** The difficulty's per-turn cap limited the rise. */
  capped: boolean;
  /** Trust reached the resolve level but the arc was not complete, so it was held one below. */
  heldBack: boolean;
  /** One line for the trust meter: "trust rose: you owned it". */
  reason: string;
}

export interface PushbackRecord {
  /** The person's turn (from 1) after which the partner pushed back. */
  turn: number;
  line: string;
  outcome: PushbackOutcome;
  /** The trust the tested turn gained, lost again if the test breaks. */
  atStake: number;
}

/** Where the conversation is on its arc (arc-stages.ts puts it in words). */
export interface ArcState {
  minTurns: number;
  /** The person's turn (from 1) whose reply first showed trust rising, or null. */
  firstGainTurn: number | null;
  pushbacks: PushbackRecord[];
  /** The person's turn after which the partner revealed the hidden concern, or null. */
  hiddenConcernTurn: number | null;
  /** The later turn that answered it, or null. */
  answeredTurn: number | null;
  /** The person's turn after which the conversation resolved, or null. */
  resolvedTurn: number | null;
  /** Content words of every repair offered so far: a repeat with nothing new earns nothing. */
  repairWords: string[];
  /** What the partner still waits for before it can resolve. */
  waitingFor: ArcWait[];
}

export interface PartnerState {
  trust: number;
  turns: number;
  counts: Partial<Record<Criterion, number>>;
  needsMet: string[];
  ownershipShown: boolean;
  hiddenConcernReached: boolean;
  resolved: boolean;
  /** Trust at the start, then after each turn. */
  trustPath: number[];
  arc: ArcState;
  /** Present in a check-in session: what was promised, and what the person has reported. */
  checkIn?: CheckInState;
  last?: TurnEffect;
}
