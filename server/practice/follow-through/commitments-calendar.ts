/**
 * The open commitments as an iCalendar file, one all-day event on each due date, written by
 * the `ics` package so the format's folding and escaping rules are someone else's well-tested code.
 */
import type { EventAttributes } from 'ics';

export interface CalendarCommitment {
  id: string;
  partner: string;
  text: string;
  /** ISO date. */
  due: string;
}

export async function commitmentsCalendar(items: readonly CalendarCommitment[]): Promise<string> {
  // Loaded on the first download, not at start: every worker would otherwise pay for it.
  const { createEvents } = await import('ics');
  const events: EventAttributes[] = items.map((item) => {
    const [year, month, day] = item.due.split('-').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    return {
      uid: `${item.id}@rehearse`,
      title: `${item.text} (for ${item.partner})`,
      description: `What you told ${item.partner} you would do, from a Rehearse practice session.`,
      start: [year, month, day],
      end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
      productId: 'rehearse',
    };
  });
  const { error, value } = createEvents(events, { productId: 'rehearse', calName: 'Rehearse commitments' });
  if (error || !value) throw new Error('could not write the calendar', { cause: error });
  return value;
}
