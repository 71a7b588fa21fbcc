import { describe, expect, it } from 'vitest';
import { commitmentKey, draftCommitments, dueFromWords } from '../../../server/practice/follow-through/commitments.js';
import { commitmentsCalendar } from '../../../server/practice/follow-through/commitments-calendar.js';
import { scoreReply } from '../../../server/practice/scoring/offline-scorer.js';

// A Wednesday, at noon UTC so the day is the same in any timezone a test machine is in.
const WEDNESDAY = new Date('2026-12-02T12:00:00Z');

describe('dueFromWords', () => {
  it('reads the day a promise names, forward from the session', () => {
    expect(dueFromWords("I'll call you on Saturday.", WEDNESDAY)).toBe('2026-12-05');
    expect(dueFromWords("I'll pay you back by Friday.", WEDNESDAY)).toBe('2026-12-04');
    expect(dueFromWords("I'll message her tonight.", WEDNESDAY)).toBe('2026-12-02');
    expect(dueFromWords("I'll drive you tomorrow morning.", WEDNESDAY)).toBe('2026-12-03');
  });

  it('gives no day for a promise without one, or a habit "from now on"', () => {
    expect(dueFromWords("I'll make it up to you.", WEDNESDAY)).toBeNull();
    expect(dueFromWords("I'll set two alarms from now on.", WEDNESDAY)).toBeNull();
  });
});

describe('draftCommitments', () => {
  it('takes the promises the scorecard quotes, each with its day and a stable key', () => {
    const text = "I'm sorry I left you at arrivals. I'll pay you back for the taxi by Friday.";
    const read = scoreReply({ reply: text, kind: 'apology', context: '' });
    const drafts = draftCommitments([{ messageId: 'm1', text, labels: read.labels, evidence: read.evidence }], WEDNESDAY);
    expect(drafts).toEqual([
      { text: "I'll pay you back for the taxi by Friday.", key: commitmentKey("i'll pay you back  for the taxi by Friday."), due: '2026-12-04' },
    ]);
  });
});

describe('commitmentsCalendar', () => {
  it('writes one all-day event per commitment, ending the next day', async () => {
    const ics = await commitmentsCalendar([{ id: 'c1', partner: 'Jonah', text: "I'll call you on Saturday.", due: '2026-12-31' }]);
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231');
    expect(ics).toContain('DTEND;VALUE=DATE:20270101');
    expect(ics).toContain('UID:c1@rehearse');
    expect(ics).toMatch(/SUMMARY:I'll call you on Saturday\. \(for Jonah\)/);
  });
});
