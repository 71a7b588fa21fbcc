import { describe, expect, it } from 'vitest';
import { CRITERIA } from '../../../server/practice/criteria.js';
import { scoreReply } from '../../../server/practice/scoring/offline-scorer.js';
import { hasLabelModel } from '../../../server/practice/scoring/learned/label-model.js';
import weights from '../../../server/practice/scoring/learned/label-model-weights.json' with { type: 'json' };

describe('label model', () => {
  it('ships weights as feature names and numbers only, one per criterion', () => {
    expect(hasLabelModel()).toBe(true);
    expect(weights.criteria).toEqual([...CRITERIA]);
    for (const [name, row] of Object.entries(weights.weights)) {
      expect(name).toMatch(/^[a-zA-Z0-9_]+(?::[^\s]{1,60})?$/);
      expect(row).toHaveLength(CRITERIA.length);
      for (const w of row) expect(typeof w).toBe('number');
    }
  });
  it('keeps a rule finding as a label and quotes the rule span', () => {
    const reply = "Hey. I'll do the dishes every night this week, starting tonight.";
    const result = scoreReply({ kind: 'apology', context: 'You never help.', reply });
    expect(result.labels).toContain('proposes_action');
    expect(result.evidence.find((e) => e.criterion === 'proposes_action')?.quote).toBe("I'll do the dishes every night this week, starting tonight.");
  });
  it('is deterministic', () => {
    const input = { kind: 'apology' as const, context: 'You missed it.', reply: 'Sorry, but honestly you never told me the time, and work was mad.' };
    expect(scoreReply(input)).toEqual(scoreReply(input));
  });
});
