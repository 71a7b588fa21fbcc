/**
 * The criteria as the page shows them. The ids, their human labels and which kind scores
 * which come from the server's criteria module, so the page and the coach never disagree.
 * (Kept apart from vocabulary.ts: that module pulls in zod, which the first view does not need.)
 */
import { CRITERIA, CRITERION_LABELS, KIND_RUBRIC, isRedFlag } from '../../server/practice/criteria.js';
import type { Criterion } from './api/types.js';

export { CRITERIA, CRITERION_LABELS, KIND_RUBRIC };

/** "owned it" for a known criterion; the id with spaces for one the page does not know yet. */
export function criterionLabel(id: string): string {
  return (CRITERION_LABELS as Record<string, string>)[id] ?? id.replace(/_/g, ' ');
}

export function isFlag(id: string): boolean {
  return (CRITERIA as readonly string[]).includes(id) ? isRedFlag(id as Criterion) : false;
}
