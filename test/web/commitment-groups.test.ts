import { describe, expect, it } from 'vitest';
import type { ApiCommitment } from '../../web/src/api/types.js';
import { addDays, dueText, groupCommitments, localToday } from '../../web/src/commitments/commitment-groups.js';

const item = (id: string, due: string | null, done = false): ApiCommitment => ({
  id,
  sessionId: 's1',
  scenarioId: 'airport-at-midnight',
  partner: 'Jonah',
  text: `promise ${id}`,
  due,
  done,
  createdAt: '2026-12-01T10:00:00.000Z',
});

describe('groupCommitments', () => {
  it('puts open ones past their day as overdue, the coming week as soon, the rest later, and done ones last', () => {
    const groups = groupCommitments(
      [
        item('past', '2026-12-04'),
        item('today', '2026-12-05'),
        item('week', '2026-12-12'),
        item('far', '2026-12-13'),
        item('none', null),
        item('kept', '2026-12-01', true),
      ],
      '2026-12-05',
    );
    expect(Object.fromEntries(Object.entries(groups).map(([k, v]: [string, ApiCommitment[]]) => [k, v.map((c) => c.id)]))).toEqual({
      overdue: ['past'],
      soon: ['today', 'week'],
      later: ['far', 'none'],
      done: ['kept'],
    });
  });
});

describe('dates', () => {
  it('names near days in words and others by weekday and date', () => {
    expect(dueText('2026-12-05', '2026-12-05')).toBe('today');
    expect(dueText('2026-12-06', '2026-12-05')).toBe('tomorrow');
    expect(dueText('2026-12-04', '2026-12-05')).toBe('yesterday');
    expect(dueText('2026-12-11', '2026-12-05')).toBe('Fri 11 Dec');
    expect(dueText('2027-01-08', '2026-12-05')).toMatch(/^Fri,? 8 Jan 2027$/);
  });

  it('counts days across months and takes today in local time', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(localToday(new Date(2026, 11, 5, 23, 30))).toBe('2026-12-05');
  });
});
