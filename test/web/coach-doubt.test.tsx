// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CoachPanel } from '../../web/src/components/coach-panel.js';
import type { CoachRead } from '../../web/src/api/types.js';

afterEach(cleanup);

const read = (score: number): CoachRead => ({
  labels: ['takes_responsibility', 'makes_excuses'],
  evidence: { takes_responsibility: 'That was on me.', makes_excuses: 'I was exhausted.' },
  spans: [
    { criterion: 'takes_responsibility', start: 0, end: 15, quote: 'That was on me.' },
    { criterion: 'makes_excuses', start: 16, end: 32, quote: 'I was exhausted.' },
  ],
  scores: { takes_responsibility: 0.96, makes_excuses: score },
  tip: null,
  trustBefore: 20,
  trustAfter: 24,
  reason: 'trust rose: you owned it',
});

const panel = (latest: CoachRead) => (
  <CoachPanel live onLiveChange={() => {}} partnerName="Jonah" trust={24} previous={20} reason={latest.reason} resolveAt={70} latest={latest} />
);

describe('the coach panel and doubtful labels', () => {
  it('asks about a doubtful red flag instead of stating it', () => {
    render(panel(read(0.58)));
    expect(screen.getByText('Was that an excuse?')).toBeTruthy();
    expect(screen.queryByText('made an excuse')).toBeNull();
    // The sure label is still a verdict.
    expect(screen.getByText('owned it')).toBeTruthy();
  });

  it('states a sure red flag as a verdict', () => {
    render(panel(read(0.91)));
    expect(screen.getByText('made an excuse')).toBeTruthy();
    expect(screen.queryByText('Was that an excuse?')).toBeNull();
  });
});
