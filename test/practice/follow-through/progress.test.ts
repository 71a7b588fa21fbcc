/** Progress worth celebrating: personal bests, promises kept, and what improved since last time. */
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../../server/practice/criteria.js';
import { compareAttempts, progressHighlights, type Attempt } from '../../../server/practice/follow-through/progress.js';

const attempt = (sessionId: string, createdAt: string, turns: Criterion[][], extra: Partial<Attempt> = {}): Attempt => ({
  sessionId,
  scenarioId: 'airport-at-midnight',
  kind: 'apology',
  createdAt,
  resolved: false,
  trust: 40,
  turns,
  ...extra,
});

const before = attempt('s1', '2026-12-01T10:00:00Z', [['makes_excuses'], ['makes_excuses', 'acknowledges_harm'], [], ['takes_responsibility']]);
const after = attempt('s2', '2026-12-03T10:00:00Z', [['takes_responsibility', 'acknowledges_harm'], ['proposes_action'], ['validates_feelings']], {
  resolved: true,
  trust: 86,
});

describe('what improved since the previous attempt', () => {
  it('names the move that came sooner, the red flag that came less, resolving, and trust', () => {
    expect(compareAttempts(before, after)).toEqual([
      'you named the harm in your first turn this time; last time it took two',
      'you owned it in your first turn this time; last time it took four',
      'you validated their feelings in your third turn this time; last time it never came',
      'you offered a concrete repair in your second turn this time; last time it never came',
      'made an excuse: not once this time, twice last time',
      'it resolved in three turns; last time it did not resolve',
      'trust reached 86 this time; last time 40',
    ]);
  });

  it('names nothing that got worse', () => {
    expect(compareAttempts(after, before)).toEqual([]);
  });
});

describe('progress highlights', () => {
  it('keeps the best share per move, counts promises kept, and compares each repeated scenario with its previous attempt', () => {
    const other = attempt('s3', '2026-12-02T10:00:00Z', [['reflects']], { scenarioId: 'caring-for-dad', kind: 'listening' });
    const highlights = progressHighlights([after, other, before], [{ done: true }, { done: false }, { done: true }]);
    expect(highlights.commitments).toEqual({ kept: 2, total: 3 });
    expect(highlights.bests.find((b) => b.criterion === 'takes_responsibility')).toMatchObject({ sessionId: 's2', share: 1 / 3 });
    expect(highlights.bests.find((b) => b.criterion === 'reflects')).toMatchObject({ sessionId: 's3', share: 1 });
    expect(highlights.scenarios).toEqual([
      { scenarioId: 'airport-at-midnight', sessionId: 's2', previousSessionId: 's1', improved: compareAttempts(before, after) },
    ]);
  });
});
