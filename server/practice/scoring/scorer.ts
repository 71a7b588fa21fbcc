/**
 * The one scorer interface. The offline scorer and the LLM judge both implement it, so the
 * coach, the partner's trust fold and the eval harness never care which one is behind it.
 * A scorer failure is a result (`ok: false`), not an exception: the eval harness counts it
 * and the coach falls back to the offline read.
 */
import { CRITERIA, type Criterion, type Kind } from '../criteria.js';

export interface ReplyToScore {
  kind: Kind;
  /** What the partner last said; empty for a draft. */
  context: string;
  /** The person's reply (a turn, or a whole draft). */
  reply: string;
}

/** Words in the reply that show a criterion: `reply.slice(start, end) === quote`. */
export interface EvidenceSpan {
  criterion: Criterion;
  start: number;
  end: number;
  quote: string;
}

export interface ScoreResult {
  labels: Criterion[];
  evidence: EvidenceSpan[];
  /**
   * The probability that each of the twelve criteria holds, calibrated on replies by other
   * hands. A label is given where its score clears that criterion's threshold, so a label
   * with a score near the threshold is a doubtful read.
   */
  scores: Record<Criterion, number>;
}

export type ScorerOutcome = ({ ok: true } & ScoreResult) | { ok: false; error: string };

export interface Scorer {
  /** Stable name used in reports and caches, e.g. `offline` or `llm:gpt-4.1-mini`. */
  readonly name: string;
  score(input: ReplyToScore): Promise<ScorerOutcome>;
}

/** Scores for a read that states verdicts without probabilities: 1 where labelled, else 0. */
export function sureScores(labels: readonly Criterion[]): Record<Criterion, number> {
  return Object.fromEntries(CRITERIA.map((c) => [c, labels.includes(c) ? 1 : 0])) as Record<Criterion, number>;
}
