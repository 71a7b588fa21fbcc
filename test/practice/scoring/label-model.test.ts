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
  it('reads a directive a rule quotes on its own, however long the reflective turn around it', () => {
    const context = "I've been drinking more since the divorce, most nights really.";
    const reflective = [
      'It sounds like the evenings are the hardest part for you.',
      "You've told me you feel lonely once the kids are in bed, and that the drinking fills that gap.",
      "You also said you're worried about what it's doing to your sleep.",
    ];
    const directive = 'You should cut back to two drinks a night and keep a diary of it.';
    const closing = 'It sounds like part of you already knows something has to change.';
    const advised = scoreReply({ kind: 'listening', context, reply: [...reflective, directive, closing].join(' ') });
    expect(advised.labels).toContain('gives_unsolicited_advice');
    expect(advised.evidence.filter((e) => e.criterion === 'gives_unsolicited_advice').map((e) => e.quote)).toEqual([directive]);
    const listened = scoreReply({ kind: 'listening', context, reply: [...reflective, closing].join(' ') });
    expect(listened.labels).not.toContain('gives_unsolicited_advice');
  });
  it('is deterministic', () => {
    const input = { kind: 'apology' as const, context: 'You missed it.', reply: 'Sorry, but honestly you never told me the time, and work was mad.' };
    expect(scoreReply(input)).toEqual(scoreReply(input));
  });
});
