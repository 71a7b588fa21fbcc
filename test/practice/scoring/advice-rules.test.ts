import { describe, expect, it } from 'vitest';
import { findByRules } from '../../../server/practice/scoring/rules/index.js';

/** Does the advice rule quote anything in this listening reply? (The rules find; the learned layer decides.) */
const adviceFound = (context: string, reply: string) => findByRules({ kind: 'listening', context, reply }).found.gives_unsolicited_advice.length > 0;

describe('advice rules', () => {
  it('does not read asking leave to advise, or a modal before "it", as advice', () => {
    expect(adviceFound('I keep putting it off.', 'Would it help to talk it through?')).toBe(false);
    expect(adviceFound('Okay.', 'Would it be okay if I made a suggestion?')).toBe(false);
    expect(adviceFound('Okay.', 'Um, can I suggest something?')).toBe(false);
  });
  it('reads "why don\'t you tell me…" as an invitation and "why don\'t you tell them…" as advice', () => {
    expect(adviceFound('Fine, thanks.', "Why don't you fill me in on how the week went?")).toBe(false);
    expect(adviceFound('Fine, thanks.', "So why don't you start by telling me a bit about it?")).toBe(false);
    expect(adviceFound('My parents think I do nothing.', "Why don't you just tell them how much you do?")).toBe(true);
  });
  it('reads a question about their own plan as asking, wherever it starts', () => {
    expect(adviceFound('It is all falling apart.', 'Well, given all of that, where do you think you should go from here?')).toBe(false);
  });
  it('reads a recommendation or a wish for their act as advice, however it is wrapped', () => {
    expect(adviceFound('I smoke by the window.', 'What I would like to recommend is that you smoke outside.')).toBe(true);
    expect(adviceFound('I drink most nights.', 'We strongly recommend that people cut down.')).toBe(true);
    expect(adviceFound('I still drink.', 'I wish you would quit.')).toBe(true);
    expect(adviceFound('I went anyway.', 'I wish you would have told me.')).toBe(false);
  });
});
