/**
 * The criteria as the page shows them. The ids, their human labels, which kind scores which
 * and how a doubtful label is asked come from the server's rubric.ts, and when a label is
 * doubtful from its confidence.ts: both dependency-free, so the page and the coach never
 * disagree and nothing else of the server ships to the browser.
 */
import { isDoubtful } from '../../server/practice/confidence.js';
import { CRITERIA, CRITERION_LABELS, CRITERION_QUESTIONS, KIND_RUBRIC, isRedFlag, type Criterion } from '../../server/practice/rubric.js';

export { CRITERIA, CRITERION_LABELS, KIND_RUBRIC };

/** A label's score makes it doubtful: the coach asks ("Was that an excuse?") rather than states it. */
export function doubtfulQuestion(id: string, scores: Partial<Record<string, number>> | undefined): string | undefined {
  if (!isDoubtful(scores?.[id])) return undefined;
  return (CRITERION_QUESTIONS as Record<string, string>)[id];
}

/** "owned it" for a known criterion; the id with spaces for one the page does not know yet. */
export function criterionLabel(id: string): string {
  return (CRITERION_LABELS as Record<string, string>)[id] ?? id.replace(/_/g, ' ');
}

export function isFlag(id: string): boolean {
  return (CRITERIA as readonly string[]).includes(id) ? isRedFlag(id as Criterion) : false;
}
