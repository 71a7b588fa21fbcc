import { describe, expect, it } from 'vitest';
import { flips, nearMissPairs } from '../../evals/commands/near-miss.js';
import type { LabelledReply } from '../../evals/dataset.js';

const row = (id: string, reply: string, labels: LabelledReply['labels']): LabelledReply => ({ id, kind: 'apology', context: 'You missed it.', reply, labels });

describe('the near-miss suite', () => {
  const rows = [
    row('w-001a', "I missed it, that's on me.", ['acknowledges_harm', 'takes_responsibility']),
    row('w-001b', "I missed it, that's on me, but work was mad.", ['acknowledges_harm', 'takes_responsibility', 'makes_excuses']),
    row('w-002a', 'Sorry.', []),
    row('w-002b', 'Sorry if you were upset.', ['non_apology', 'minimizes']),
    row('w-003', 'On its own.', []),
  ];

  it('pairs the a and b halves whose labels differ in exactly one criterion', () => {
    const pairs = nearMissPairs(rows);
    expect(pairs.map((p) => [p.id, p.criterion])).toEqual([['w-001', 'makes_excuses']]);
  });

  it('counts a pair only when the scorer gives the differing label to exactly the half that has it', () => {
    const [pair] = nearMissPairs(rows);
    expect(flips(pair!, (r) => (r.reply.includes('but') ? ['makes_excuses'] : []))).toBe(true);
    expect(flips(pair!, () => ['makes_excuses'])).toBe(false);
    expect(flips(pair!, () => [])).toBe(false);
  });
});
