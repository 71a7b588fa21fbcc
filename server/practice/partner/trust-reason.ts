/**
 * The one line under the trust meter that says why trust moved: the moves that helped or
 * hurt most, and what the arc did to them (a capped rise, a test held or broken, trust held
 * back until the partner has what it waits for).
 */
import { CRITERION_LABELS, type Criterion } from '../criteria.js';
import type { CheckInReport } from '../follow-through/check-in-report.js';
import type { PushbackOutcome } from './arc-stages.js';

export interface TrustChange {
  before: number;
  after: number;
  contributions: { criterion: Criterion; delta: number }[];
  revealed: boolean;
  /** This turn answered the hidden concern revealed earlier. */
  answered: boolean;
  /** How this turn met a pushback, if the partner had just pushed back. */
  testOutcome?: Exclude<PushbackOutcome, 'open'>;
  /** Trust would have reached the resolve level but the arc is not complete. */
  heldBack: boolean;
  /** The rise was limited by the difficulty's per-turn cap. */
  capped: boolean;
  /** In a check-in, what the turn reported about the promise. */
  checkInReport?: CheckInReport;
}

const CHECK_IN_REASON: Record<CheckInReport, string> = {
  kept: 'you did what you said you would',
  excuse: 'an excuse for a broken promise costs more than the first time',
  'not-yet': 'you owned that it is not done yet and gave a new time',
  broken: 'it was not done, and there is no new time for it',
};

export function explainTrustChange({ before, after, contributions, revealed, answered, testOutcome, heldBack, capped, checkInReport }: TrustChange): string {
  const ranked = [...contributions].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const helped = ranked.filter((c) => c.delta > 0).map((c) => CRITERION_LABELS[c.criterion]);
  const hurt = ranked.filter((c) => c.delta < 0).map((c) => CRITERION_LABELS[c.criterion]);
  const list = (items: string[]) => items.slice(0, 2).join(' and ');
  let line: string;
  if (checkInReport) {
    line = `trust ${after > before ? 'rose' : after < before ? 'fell' : 'held'}: ${CHECK_IN_REASON[checkInReport]}`;
    // A kept promise said with a red flag can still cost: say what did.
    if (checkInReport === 'kept' && hurt.length) line += `, but you ${list(hurt)}`;
  } else if (testOutcome === 'broke') line = `trust fell: they tested you and you ${list(hurt) || 'slipped'} — the trust you had just gained is gone`;
  else if (after > before && revealed) line = `trust rose: they opened up about what is really going on${helped.length ? ` — you ${list(helped)}` : ''}`;
  else if (after >= before && answered) line = `trust ${after > before ? 'rose' : 'held'}: you answered what they told you is underneath`;
  else if (after > before) line = `trust rose: you ${list(helped)}${hurt.length ? `, though you ${list(hurt)}` : ''}`;
  else if (after < before) line = `trust fell: you ${list(hurt)}${helped.length ? `, even though you ${list(helped)}` : ''}`;
  else if (hurt.length && helped.length) line = `trust held: you ${list(helped)}, but you ${list(hurt)}`;
  else if (helped.length) line = `trust held: you ${list(helped)}, but they need more than words before they trust more`;
  else line = 'trust held: nothing in that turn reached them yet';
  if (testOutcome === 'held') line += '; they tested you and you held steady';
  if (heldBack) line += '; they are not ready to settle yet';
  else if (capped && after > before) line += '; trust comes back a step at a time';
  return line;
}
