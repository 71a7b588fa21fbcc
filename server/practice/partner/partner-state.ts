/**
 * The partner's state is a pure fold over the person's labelled turns, weighted by the
 * scenario: trust, which needs have been met, whether the hidden concern came out, and
 * whether the conversation resolved. Nothing is kept between requests; any server can
 * recompute it from the stored transcript, so it never drifts.
 */
import { CRITERION_LABELS, KIND_RUBRIC, isRedFlag, type Criterion } from '../criteria.js';
import { labelWeight, type LabelScores } from '../confidence.js';
import type { EvidenceSpan } from '../scoring/scorer.js';
import type { Need, Scenario } from '../scenarios/scenario-schema.js';

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
  /** Each scored criterion's contribution, after difficulty and repetition scaling. */
  contributions: { criterion: Criterion; delta: number }[];
  newlyMetNeeds: string[];
  revealedHiddenConcern: boolean;
  resolvedNow: boolean;
  /** One line for the trust meter: "trust rose: you owned it". */
  reason: string;
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
  last?: TurnEffect;
}

/** Difficulty changes how far moves carry the partner, never their direction. */
const DIFFICULTY_SCALE = {
  1: { positive: 1.25, negative: 0.75 },
  2: { positive: 1, negative: 1 },
  3: { positive: 0.8, negative: 1.25 },
} as const;

/** An excuse or blame before any ownership is what a hurt person fears most. */
const EARLY_DEFLECTION_SCALE = 1.5;
/** First time a specific need is met: being heard on the exact thing counts extra. */
const NEED_MET_BONUS = 3;

export function initialPartnerState(scenario: Scenario): PartnerState {
  return {
    trust: scenario.trust.start,
    turns: 0,
    counts: {},
    needsMet: [],
    ownershipShown: false,
    hiddenConcernReached: false,
    resolved: false,
    trustPath: [scenario.trust.start],
  };
}

export function foldPartnerState(scenario: Scenario, turns: readonly LabelledTurn[]): PartnerState {
  return foldPartnerPath(scenario, turns).at(-1) ?? initialPartnerState(scenario);
}

/** The state after each turn, in order: one fold that the coach and the built-in partner both read. */
export function foldPartnerPath(scenario: Scenario, turns: readonly LabelledTurn[]): PartnerState[] {
  const path: PartnerState[] = [];
  let state = initialPartnerState(scenario);
  for (const turn of turns) path.push((state = stepPartnerState(scenario, state, turn)));
  return path;
}

export function hiddenConcernRequired(scenario: Scenario): boolean {
  const concern = scenario.hiddenConcern;
  if (!concern) return false;
  return concern.requiredToResolve ?? scenario.difficulty === 3;
}

export function stepPartnerState(scenario: Scenario, state: PartnerState, turn: LabelledTurn): PartnerState {
  const rubric = new Set<Criterion>([...KIND_RUBRIC[scenario.kind].positive, ...KIND_RUBRIC[scenario.kind].redFlags]);
  const scale = DIFFICULTY_SCALE[scenario.difficulty];
  const counts = { ...state.counts };
  const contributions: TurnEffect['contributions'] = [];
  const ownershipNow = turn.labels.includes('takes_responsibility');

  for (const criterion of new Set(turn.labels)) {
    counts[criterion] = (counts[criterion] ?? 0) + 1;
    if (!rubric.has(criterion)) continue;
    // A doubtful label moves trust less than a sure one (confidence.ts).
    const weight = (scenario.trust.weights[criterion] ?? 0) * labelWeight(turn.scores?.[criterion]);
    let delta: number;
    if (isRedFlag(criterion)) {
      const early = !state.ownershipShown && !ownershipNow && (criterion === 'makes_excuses' || criterion === 'shifts_blame');
      delta = weight * scale.negative * (early && scenario.kind !== 'listening' ? EARLY_DEFLECTION_SCALE : 1);
    } else {
      // Saying the same good thing again still helps, but less each time.
      const repeat = counts[criterion]! - 1;
      delta = (weight * scale.positive) / (1 + 0.5 * repeat);
    }
    if (delta !== 0) contributions.push({ criterion, delta });
  }

  const newlyMetNeeds = scenario.needs.filter((need) => !state.needsMet.includes(need.id) && meetsNeed(need, turn)).map((need) => need.id);
  const needBonus = newlyMetNeeds.reduce((sum, id) => sum + labelWeight(turn.scores?.[scenario.needs.find((need) => need.id === id)!.criterion]), 0);
  let trust = state.trust + contributions.reduce((sum, c) => sum + c.delta, 0) + needBonus * NEED_MET_BONUS * scale.positive;

  const concern = scenario.hiddenConcern;
  const revealedHiddenConcern =
    !!concern && !state.hiddenConcernReached && turn.labels.some((label) => concern.unlockedBy.includes(label)) && trust >= concern.minTrust;
  if (revealedHiddenConcern) trust += concern.trustBonus * scale.positive;

  trust = Math.round(Math.min(100, Math.max(0, trust)));
  const hiddenConcernReached = state.hiddenConcernReached || revealedHiddenConcern;
  const canResolve =
    trust >= scenario.trust.resolveAt && state.turns + 1 >= scenario.trust.minTurns && (hiddenConcernReached || !hiddenConcernRequired(scenario));
  const resolved = state.resolved || canResolve;

  return {
    trust,
    turns: state.turns + 1,
    counts,
    needsMet: [...state.needsMet, ...newlyMetNeeds],
    ownershipShown: state.ownershipShown || ownershipNow,
    hiddenConcernReached,
    resolved,
    trustPath: [...state.trustPath, trust],
    last: {
      trustBefore: state.trust,
      trustAfter: trust,
      contributions,
      newlyMetNeeds,
      revealedHiddenConcern,
      resolvedNow: resolved && !state.resolved,
      reason: explainTrustChange(state.trust, trust, contributions, revealedHiddenConcern),
    },
  };
}

/** A need is met by its criterion, tied to this situation by one of its cue words if it has any. */
export function meetsNeed(need: Need, turn: LabelledTurn): boolean {
  if (!turn.labels.includes(need.criterion)) return false;
  if (!need.cues || need.cues.length === 0) return true;
  const text = turn.text.toLowerCase();
  return need.cues.some((cue) => new RegExp(`\\b${escapeRegExp(cue.toLowerCase())}`).test(text));
}

export function missingNeeds(scenario: Scenario, state: PartnerState): Need[] {
  return scenario.needs.filter((need) => !state.needsMet.includes(need.id));
}

function explainTrustChange(before: number, after: number, contributions: TurnEffect['contributions'], revealed: boolean): string {
  const ranked = [...contributions].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const helped = ranked.filter((c) => c.delta > 0).map((c) => CRITERION_LABELS[c.criterion]);
  const hurt = ranked.filter((c) => c.delta < 0).map((c) => CRITERION_LABELS[c.criterion]);
  const list = (items: string[]) => items.slice(0, 2).join(' and ');
  if (after > before && revealed) return `trust rose: they opened up about what is really going on${helped.length ? ` — you ${list(helped)}` : ''}`;
  if (after > before) return `trust rose: you ${list(helped)}${hurt.length ? `, though you ${list(hurt)}` : ''}`;
  if (after < before) return `trust fell: you ${list(hurt)}${helped.length ? `, even though you ${list(helped)}` : ''}`;
  if (hurt.length && helped.length) return `trust held: you ${list(helped)}, but you ${list(hurt)}`;
  return 'trust held: nothing in that turn reached them yet';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
