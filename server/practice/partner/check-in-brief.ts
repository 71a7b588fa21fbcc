/**
 * The check-in part of the LLM partner's system prompt: this is a follow-up some days after
 * the first conversation, what the person promised (quoted, with whether they have marked it
 * done), and how to react to their report — the same reactions the fold scores (check-in-arc.ts),
 * so the model's warmth follows the state rather than its own reading.
 */
import type { CheckInReport } from '../follow-through/check-in-report.js';
import type { PartnerState } from './partner-state.js';

const REPORT_NOW: Record<CheckInReport, string> = {
  kept: 'In their latest message they told you they did what they promised. Let it count: say so plainly and warmly, in your own way. It matters more than anything they said last time.',
  excuse:
    'In their latest message they did not do it, and made an excuse. This hurts more than an excuse did the first time: you heard the promise already. Be more disappointed than last time, without cruelty; do not accept the excuse.',
  'not-yet':
    'In their latest message they admitted plainly that it is not done yet and named when they will do it. Stay where you are: not warmer, not colder. Thank them for being straight and say you will hold them to the new time.',
  broken: 'In their latest message they admitted it is not done, but named no new time. You are let down; ask when, then, it will happen.',
};

export function checkInInstructions(state: PartnerState, name: string): string[] {
  const checkIn = state.checkIn;
  if (!checkIn) return [];
  const promises = checkIn.commitments.map((c) => `- "${c.text.trim()}"${c.done ? ' (they have marked it done)' : ''}`);
  const report = state.last?.checkInReport;
  return [
    '## This is a check-in',
    `This conversation is a check-in a few days after your first one. You, ${name}, remember it. ${
      promises.length ? 'At the end of it they promised:' : 'They promised nothing concrete last time.'
    }`,
    ...promises,
    'How you react to their report on it:',
    '- If they did it, and say so plainly: it counts, and you warm to them.',
    '- If they did not, and make an excuse: it costs more than an excuse did the first time; you heard this promise already.',
    '- If they did not, say so honestly, and give a concrete new time: you hold steady — neither warmer nor colder — and hold them to it.',
    ...(report
      ? [REPORT_NOW[report]]
      : checkIn.report
        ? ['They have already answered about the promise; carry on from there.']
        : ['They have not yet told you whether they did it. If they have not said, ask.']),
  ];
}
