/**
 * The reflection-to-question ratio of a listener's turns, against the MITI 4.2 thresholds
 * (1:1 fair, 2:1 good). Counted from the labelled turns alone, so the coach panel can show it
 * live and the scorecard at the end with the same numbers. Dependency-free at run time (its
 * one import, sentences.ts, is too), so the page runs this very function.
 */
import type { Criterion } from '../rubric.js';
import { splitSentences } from './sentences.js';

export interface ListeningBalance {
  reflections: number;
  questions: number;
  /** Reflections per question; null when no question was asked. */
  ratio: number | null;
  /** MITI 4.2: 1:1 is fair, 2:1 is good. */
  rating: 'good' | 'fair' | 'below';
}

export function listeningBalance(
  turns: readonly { text: string; labels: readonly Criterion[]; evidence: readonly { criterion: string }[] }[],
): ListeningBalance {
  const reflections = turns.reduce((sum, turn) => sum + turn.evidence.filter((e) => e.criterion === 'reflects').length, 0);
  const questions = turns.reduce((sum, turn) => sum + splitSentences(turn.text).filter((s) => s.text.endsWith('?')).length, 0);
  const ratio = questions === 0 ? null : reflections / questions;
  const effective = ratio ?? (reflections > 0 ? Infinity : 0);
  return { reflections, questions, ratio, rating: effective >= 2 ? 'good' : effective >= 1 ? 'fair' : 'below' };
}
