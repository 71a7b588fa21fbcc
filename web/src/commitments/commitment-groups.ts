/**
 * Sorts commitments into what a person needs to see first: overdue, due in the coming week,
 * later or undated, and done. Dates are ISO days compared as strings, against the person's
 * own today (local time), so "tonight" is overdue only once their day is over.
 */
import type { ApiCommitment } from '../api/types.js';

export const SOON_DAYS = 7;

export interface CommitmentGroups {
  overdue: ApiCommitment[];
  soon: ApiCommitment[];
  later: ApiCommitment[];
  done: ApiCommitment[];
}

export function groupCommitments(items: readonly ApiCommitment[], today: string): CommitmentGroups {
  const soonEnd = addDays(today, SOON_DAYS);
  const groups: CommitmentGroups = { overdue: [], soon: [], later: [], done: [] };
  for (const item of items) {
    if (item.done) groups.done.push(item);
    else if (item.due !== null && item.due < today) groups.overdue.push(item);
    else if (item.due !== null && item.due <= soonEnd) groups.soon.push(item);
    else groups.later.push(item);
  }
  return groups;
}

/** Today as an ISO day in the browser's time zone. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "Fri 11 Dec", or "today" / "tomorrow" / "yesterday" relative to `today`. */
export function dueText(isoDay: string, today: string): string {
  if (isoDay === today) return 'today';
  if (isoDay === addDays(today, 1)) return 'tomorrow';
  if (isoDay === addDays(today, -1)) return 'yesterday';
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const sameYear = isoDay.slice(0, 4) === today.slice(0, 4);
  return date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' });
}
