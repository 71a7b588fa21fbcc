// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { listeningBalance } from '../../server/practice/coach/listening-balance.js';
import { ListeningLine } from '../../web/src/components/coach-panel.js';

afterEach(cleanup);

const reflection = (text: string) => ({
  text,
  labels: ['reflects' as const],
  evidence: [{ criterion: 'reflects' as const, start: 0, end: text.length, quote: text }],
});
const question = (text: string) => ({
  text,
  labels: ['asks_open_question' as const],
  evidence: [{ criterion: 'asks_open_question' as const, start: 0, end: text.length, quote: text }],
});

describe('the listening balance in the coach panel', () => {
  it('rates two reflections per question as good and says so in words', () => {
    const balance = listeningBalance([
      reflection('So the hardest part is the waiting.'),
      question('What was that like?'),
      reflection('It sounds like you felt alone in it.'),
    ]);
    expect(balance).toMatchObject({ reflections: 2, questions: 1, ratio: 2, rating: 'good' });
    render(<ListeningLine balance={balance} />);
    expect(screen.getByText(/2 to 1 — good \(2:1 or more\)/)).toBeTruthy();
  });

  it('asks for more reflection when questions outnumber reflections', () => {
    const balance = listeningBalance([question('What happened?'), question('How did she react?'), reflection('So you felt blindsided.')]);
    expect(balance.rating).toBe('below');
    render(<ListeningLine balance={balance} />);
    expect(screen.getByText(/reflect more before asking/)).toBeTruthy();
  });
});
