/**
 * Chooses the built-in partner's reply from the scenario's reaction lines. The choice is a
 * pure function of the transcript: the move that mattered most in the person's latest turn,
 * the partner's trust band after it, and a seed from the words typed so far. Lines already
 * said in this session are skipped while others remain, so the partner does not repeat
 * itself; replaying the transcript gives the same replies every time.
 */
import { KIND_RUBRIC, isRedFlag, type Criterion } from '../criteria.js';
import type { CheckInReport } from '../follow-through/check-in-report.js';
import { DEFAULT_CHECK_IN, type CheckIn } from '../scenarios/check-in-schema.js';
import type { LinesByBand, Move, Scenario, TrustBand } from '../scenarios/scenario-schema.js';
import { breaksFrame } from './frame-breaks.js';
import { foldPartnerPath, type LabelledTurn, type PartnerState } from './partner-state.js';

export type ReplyMove = Move | 'hidden_concern' | 'pushback' | 'check_in';

/** The check-in reaction lines for each report; a plain "no" with no new time gets the ordinary reply to its moves. */
const CHECK_IN_LINES: Record<CheckInReport, keyof CheckIn['reactions'] | undefined> = {
  kept: 'kept',
  excuse: 'brokenWithExcuse',
  'not-yet': 'honestNotYet',
  broken: undefined,
};

export interface PlannedReply {
  text: string;
  move: ReplyMove;
  state: PartnerState;
}

/** Trust bands are thirds of the way from the scenario's start to its resolve level. */
export function trustBand(scenario: Scenario, trust: number): TrustBand {
  const { start, resolveAt } = scenario.trust;
  const step = (resolveAt - start) / 3;
  if (trust < start + step) return 'low';
  if (trust < start + 2 * step) return 'mid';
  return 'high';
}

/** The move in this turn that mattered most to this partner; red flags win ties. */
export function dominantMove(scenario: Scenario, turn: LabelledTurn): Move {
  const rubric = [...KIND_RUBRIC[scenario.kind].redFlags, ...KIND_RUBRIC[scenario.kind].positive] as Criterion[];
  let best: Criterion | undefined;
  let bestWeight = 0;
  for (const criterion of rubric) {
    if (!turn.labels.includes(criterion)) continue;
    const weight = Math.abs(scenario.trust.weights[criterion] ?? 0) + (isRedFlag(criterion) ? 0.5 : 0);
    if (best === undefined || weight > bestWeight) {
      best = criterion;
      bestWeight = weight;
    }
  }
  if (best) return best;
  return breaksFrame(turn.text) ? 'off_script' : 'neutral';
}

/**
 * Plans the partner's reply to every turn, in order; the last one answers the latest turn.
 * `path` is the partner's state after each turn, as the turn function folded it; it is
 * folded here only when the caller has none.
 */
export function planReplies(
  scenario: Scenario,
  turns: readonly LabelledTurn[],
  path: readonly PartnerState[] = foldPartnerPath(scenario, turns),
): PlannedReply[] {
  if (path.length !== turns.length) throw new Error(`planReplies: ${turns.length} turns but ${path.length} states`);
  const used = new Set<string>([scenario.partner.opening]);
  const replies: PlannedReply[] = [];
  let seed = hashText(scenario.id);
  turns.forEach((turn, index) => {
    seed = hashText(turn.text, seed);
    replies.push(replyTo(scenario, turn, path[index]!, used, seed));
  });
  return replies;
}

export function planLatestReply(scenario: Scenario, turns: readonly LabelledTurn[], path?: readonly PartnerState[]): PlannedReply | undefined {
  return planReplies(scenario, turns, path).at(-1);
}

function replyTo(scenario: Scenario, turn: LabelledTurn, state: PartnerState, used: Set<string>, seed: number): PlannedReply {
  const effect = state.last!;
  const band = trustBand(scenario, state.trust);
  const move = dominantMove(scenario, turn);
  const quote = quoteFor(turn, move);
  const say = (...pools: string[][]) => fill(scenario, choose(pools, used, seed, quote !== undefined), quote);
  const neutral = linesFor(scenario.reactions.neutral, band);
  const anyBand = (byBand: LinesByBand | undefined) => Object.values(byBand ?? {}).flat();

  // A check-in's answer gets the scenario's reaction to it: the partner was waiting for exactly this.
  const checkInLines = effect.checkInReport && CHECK_IN_LINES[effect.checkInReport];
  if (checkInLines && state.checkIn) {
    const promised = state.checkIn.commitments.find((c) => !c.done) ?? state.checkIn.commitments[0];
    const line = say((scenario.checkIn ?? DEFAULT_CHECK_IN).reactions[checkInLines]);
    return { text: line.replace(/\{commitment\}/g, promised?.text.trim() ?? ''), move: 'check_in', state };
  }
  // The reply that reveals the hidden concern is only that: the state never resolves on it.
  if (effect.revealedHiddenConcern && scenario.hiddenConcern) return { text: say(scenario.hiddenConcern.reveal), move: 'hidden_concern', state };
  // The closing line only once the state has resolved, never on trust alone.
  if (effect.resolvedNow) return { text: say(linesFor(scenario.reactions.closing, band)), move: 'closing', state };
  // A test of the good turn, in the scenario's words; the fold chose which line, so both engines test alike.
  if (effect.pushback) return { text: fill(scenario, effect.pushback, quote), move: 'pushback', state };
  // When the person keeps making the same move, the partner runs out of things to say to
  // it and goes flat (the neutral lines) rather than repeating itself.
  // Lines of other trust bands come last: a little off in tone beats saying the same thing twice.
  const moveLines = linesFor(scenario.reactions[move], band, scenario.reactions.neutral);
  return { text: say(moveLines, neutral, anyBand(scenario.reactions.neutral), anyBand(scenario.reactions[move])), move, state };
}

function linesFor(byBand: LinesByBand | undefined, band: TrustBand, fallback?: LinesByBand): string[] {
  const lines = [...(byBand?.[band] ?? []), ...(byBand?.any ?? [])];
  if (lines.length > 0) return lines;
  // A move this kind does not score (e.g. advice in an apology) gets the neutral lines.
  if (fallback) return linesFor(fallback, band);
  return ['...'];
}

/**
 * Picks an unused line by seed from the first pool that has one; lines with `{quote}` are
 * skipped when the turn gave no words to quote. When every line of every pool has been
 * said, the least recently used line of the first pool comes back.
 */
function choose(pools: readonly (readonly string[])[], used: Set<string>, seed: number, canQuote: boolean): string {
  const usable = (pool: readonly string[]) => {
    const quotable = pool.filter((t) => canQuote || !t.includes('{quote}'));
    return quotable.length > 0 ? quotable : pool;
  };
  let chosen: string | undefined;
  for (const pool of pools) {
    const fresh = usable(pool).filter((t) => !used.has(t));
    if (fresh.length > 0) {
      chosen = fresh[seed % fresh.length]!;
      break;
    }
  }
  if (chosen === undefined) {
    const order = [...used];
    chosen = [...usable(pools[0]!)].sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!;
  }
  used.delete(chosen);
  used.add(chosen);
  return chosen;
}

/** The person's own words for the move, short enough to say back to them. */
function quoteFor(turn: LabelledTurn, move: Move): string | undefined {
  const span = turn.evidence.find((e) => e.criterion === move);
  if (!span) return undefined;
  const words = span.quote.trim().replace(/[.!?,;:]+$/, '');
  if (words.length < 4 || words.length > 80) return undefined;
  return words;
}

function fill(scenario: Scenario, template: string, quote: string | undefined): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, slot: string) => {
    if (slot === 'quote') return quote ?? '';
    if (slot === 'name') return scenario.partner.name;
    return scenario.slots[slot] ?? whole;
  });
}

/** FNV-1a: a small stable hash so the same transcript always picks the same lines. */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
