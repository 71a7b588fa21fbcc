/**
 * How sure a label is, in one place: how much a label moves the partner, and when the coach
 * asks ("was that an excuse?") instead of stating a verdict. Dependency-free (it imports
 * nothing at run time), so the web page shows doubt by the same rule the server weighs it by.
 *
 * A scorer gives each of the twelve criteria a calibrated probability. A label is given where
 * that probability clears the criterion's threshold, which sits around even odds, so the read is
 * doubtful while the probability is within DOUBT_BAND of LABEL_THRESHOLD and sure above it.
 */

/** The calibrated probability at which a label is as likely right as wrong. */
export const LABEL_THRESHOLD = 0.5;

/** A label whose score is below LABEL_THRESHOLD + DOUBT_BAND is doubtful. */
export const DOUBT_BAND = 0.2;

/** The least a given label moves trust: the scorer did give it, and a rule may have seen it. */
export const MIN_LABEL_WEIGHT = 0.25;

/** Scores by criterion id; a read without scores (older turns, a verdict-only judge) is sure. */
export type LabelScores = Partial<Record<string, number>>;

/** True when a given label's score sits in the doubt band. A label with no score is sure. */
export function isDoubtful(score: number | undefined): boolean {
  return score !== undefined && score < LABEL_THRESHOLD + DOUBT_BAND;
}

/**
 * How far a given label moves trust, from MIN_LABEL_WEIGHT to 1: linear across the doubt band
 * on both sides of the threshold, so a label at the threshold moves trust half as far as a sure
 * one, and a label the scorer barely gave (a rule's hit below the threshold) a quarter.
 *
 *   weight = clamp((score − (LABEL_THRESHOLD − DOUBT_BAND)) / (2 · DOUBT_BAND), MIN_LABEL_WEIGHT, 1)
 *
 * With the defaults: score 0.3 → 0.25, 0.5 → 0.5, 0.6 → 0.75, ≥ 0.7 → 1.
 */
export function labelWeight(score: number | undefined): number {
  if (score === undefined || Number.isNaN(score)) return 1;
  const weight = (score - (LABEL_THRESHOLD - DOUBT_BAND)) / (2 * DOUBT_BAND);
  return Math.min(1, Math.max(MIN_LABEL_WEIGHT, weight));
}
