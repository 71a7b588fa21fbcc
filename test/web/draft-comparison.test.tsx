// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiDraftFeedback } from '../../web/src/api/types.js';
import { DraftComparison } from '../../web/src/components/draft-comparison.js';
import { addVersion, loadVersions, saveVersions, type DraftVersion } from '../../web/src/drafts/draft-versions.js';
import { spansWithin } from '../../web/src/drafts/sentence-spans.js';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

function feedback(partial: Partial<ApiDraftFeedback>): ApiDraftFeedback {
  return {
    labels: [],
    spans: [],
    evidence: [],
    sentences: [],
    score: 0,
    missing: [],
    redFlags: [],
    reaction: { text: '', by: null, trustAfter: null },
    ...partial,
  };
}

const first = feedback({
  labels: ['non_apology'],
  evidence: [{ criterion: 'non_apology', start: 0, end: 22, quote: 'Sorry if you were hurt' }],
  score: 0,
  missing: [
    { criterion: 'acknowledges_harm', why: 'Name it.' },
    { criterion: 'takes_responsibility', why: 'Own it.' },
  ],
  redFlags: ['non_apology'],
});
const second = feedback({
  labels: ['acknowledges_harm', 'takes_responsibility'],
  evidence: [{ criterion: 'takes_responsibility', start: 0, end: 15, quote: 'That was on me.' }],
  score: 50,
  missing: [{ criterion: 'proposes_action', why: 'Offer a repair.' }],
});

function versions(): DraftVersion[] {
  let vs: DraftVersion[] = [];
  vs = addVersion(vs, { text: 'Sorry if you were hurt.', scenarioId: null, recipient: null, checkedAt: '2026-01-01T00:00:00Z', feedback: first });
  vs = addVersion(vs, {
    text: 'That was on me. I told your story.',
    scenarioId: 'after-the-party',
    recipient: 'Ade',
    checkedAt: '2026-01-01T00:05:00Z',
    feedback: second,
  });
  return vs;
}

describe('comparing draft versions', () => {
  it('shows both versions side by side with their scores, what changed, and the marked text', () => {
    const [a, b] = versions();
    render(<DraftComparison before={a!} after={b!} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Version 2 scores 50 higher than version 1. New in version 2: “named the harm”, “owned it”. Gone from version 2: red flag “gave a non-apology”.',
    );
    const v1 = screen.getByRole('article', { name: 'Version 1' });
    const v2 = screen.getByRole('article', { name: 'Version 2' });
    expect(within(v1).getByText(/Version 1 score/).textContent).toBe('Version 1 score: 0 / 100');
    expect(within(v2).getByText(/Version 2 score/).textContent).toBe('Version 2 score: 50 / 100');
    expect(within(v1).getByText(/Red flags:/).parentElement!.textContent).toBe('Red flags: gave a non-apology');
    expect(within(v2).getByText(/Missing:/).parentElement!.textContent).toBe('Missing: offered a concrete repair');
    expect(within(v2).getByText('· to Ade', { exact: false })).toBeTruthy();
    expect(v1.querySelector('mark')!.textContent).toBe('Sorry if you were hurt');
    expect(v2.querySelector('mark')!.textContent).toBe('That was on me.');
  });

  it('says when a revision scores lower', () => {
    const [a, b] = versions();
    render(<DraftComparison before={b!} after={{ ...a!, number: 3 }} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Version 3 scores 50 lower than version 2\./);
  });

  it('keeps versions in this browser, numbered in order', () => {
    saveVersions(versions());
    const loaded = loadVersions();
    expect(loaded.map((v) => [v.number, v.feedback.score])).toEqual([
      [1, 0],
      [2, 50],
    ]);
    localStorage.setItem('rehearse.draftVersions', '{not json');
    expect(loadVersions()).toEqual([]);
  });

  it('puts the evidence of a draft into each sentence, cut at its edges', () => {
    const evidence = [
      { criterion: 'acknowledges_harm', start: 0, end: 10, quote: 'I told her' },
      { criterion: 'makes_excuses', start: 8, end: 20, quote: 'her. I was d' },
    ];
    expect(spansWithin({ start: 0, end: 11 }, evidence)).toEqual([
      { criterion: 'acknowledges_harm', start: 0, end: 10, quote: 'I told her' },
      { criterion: 'makes_excuses', start: 8, end: 11 },
    ]);
  });
});
