import { describe, expect, it } from 'vitest';
import { detectSafetyConcern, safetyReply } from '../../../server/practice/safety/safety-check.js';

describe('the safety check', () => {
  it.each([
    ['I want to kill myself.', 'self_harm'],
    ['Some nights I think everyone would be better off without me.', 'self_harm'],
    ["i've been cutting myself again", 'self_harm'],
    ['I keep thinking about suicide.', 'self_harm'],
    ['My husband hits me when he drinks.', 'abuse'],
    ["I'm scared he'll hurt me if I leave.", 'abuse'],
    ["I'm going to hurt him when I see him.", 'violence'],
  ])('spots "%s" as %s', (text, concern) => {
    expect(detectSafetyConcern(text)).toBe(concern);
  });

  it.each([
    "I'm sorry I hurt you.",
    'That must have been so hard for you.',
    'You killed it at the recital, I should have been there.',
    'It sounds like he was controlling, and that scared you.',
    'I could kill for a coffee right now.',
  ])('leaves the ordinary hard conversation "%s" alone', (text) => {
    expect(detectSafetyConcern(text)).toBeUndefined();
  });

  it('answers in plain words with emergency numbers and crisis lines by region', () => {
    const reply = safetyReply('self_harm');
    expect(reply).toMatch(/stepping out of the practice/);
    for (const line of ['911', '999', '112', '988', '116 123', '13 11 14', 'findahelpline.com']) expect(reply).toContain(line);
    expect(safetyReply('abuse')).toMatch(/never your fault/);
  });
});
