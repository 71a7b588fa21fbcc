/**
 * Commitments that last: the promises the scorecard already quotes, each with the day it
 * names ("on Saturday", "by Friday", "tonight") read by chrono-node relative to the session's
 * date, and a key that stays the same for the same words, so recording them twice adds nothing.
 */
import { createHash } from 'node:crypto';
// The English parser alone: the package's root also loads a dozen other languages (~0.3 s more at start).
import * as chrono from 'chrono-node/en';
import { extractCommitments, type ScoredTurn } from '../coach/scorecard.js';

export interface CommitmentDraft {
  text: string;
  /** Stable for the same promise: a hash of its words, case and spacing aside. */
  key: string;
  /** ISO date (`2026-12-05`) or null when the words name no day. */
  due: string | null;
}

export function draftCommitments(turns: readonly ScoredTurn[], sessionDate: Date): CommitmentDraft[] {
  return extractCommitments(turns).map((text) => ({ text, key: commitmentKey(text), due: dueFromWords(text, sessionDate) }));
}

export function commitmentKey(text: string): string {
  const normal = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normal).digest('hex').slice(0, 32);
}

/**
 * The day a promise names, counted forward from `reference` (the session's date): "by Friday"
 * said on a Wednesday is this Friday. "From now on" is a habit, not a day, so a bare "now" is
 * not read as one.
 */
export function dueFromWords(text: string, reference: Date): string | null {
  const found = chrono.parse(text, reference, { forwardDate: true }).find((result) => !/^(right )?now$/i.test(result.text.trim()));
  if (!found) return null;
  const { start } = found;
  return isoDate(start.get('year')!, start.get('month')!, start.get('day')!);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
