// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PartnerLine, PersonTurn } from '../../web/src/components/conversation-turns.js';
import { HighlightedText } from '../../web/src/components/highlighted-text.js';
import { toUIMessages, trustNow, coachByTurn, earlierAttempts, withJudgedReads } from '../../web/src/chat/practice-messages.js';
import type { ApiMessage } from '../../server/api/schemas.js';

afterEach(cleanup);

const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>';

describe('text from the conversation', () => {
  it('renders HTML in the partner text as text, not markup', () => {
    const { container } = render(<PartnerLine name="Kwame" text={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.turn-text')!.textContent).toBe(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('renders HTML in a highlighted turn as text too', () => {
    const { container } = render(<HighlightedText text={hostile} spans={[{ criterion: 'reflects', start: 0, end: 10 }]} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('mark')!.textContent).toBe('<img src=x');
  });

  it('sets a reply outside the role-play apart as a help message', () => {
    render(<PartnerLine name="Kwame" text="If you are in danger, call 999." safety />);
    expect(screen.getByRole('note', { name: 'A message outside the role-play' })).toBeTruthy();
    expect(screen.getByText(/Outside the role-play/)).toBeTruthy();
  });

  it("shows the person's turn with labels and trust change only when the coach is live", () => {
    const read = {
      labels: ['takes_responsibility' as const],
      evidence: { takes_responsibility: 'That was on me.' },
      spans: [{ criterion: 'takes_responsibility' as const, start: 0, end: 15, quote: 'That was on me.' }],
      scores: { takes_responsibility: 0.95 },
      tip: null,
      trustBefore: 20,
      trustAfter: 31,
      reason: 'trust rose: you owned it',
    };
    const { container, rerender } = render(<PersonTurn index={1} text="That was on me." read={read} coachLive />);
    expect(container.querySelector('mark')!.textContent).toBe('That was on me.');
    expect(screen.getByText(/Trust rose 11/)).toBeTruthy();
    rerender(<PersonTurn index={1} text="That was on me." read={read} coachLive={false} />);
    expect(container.querySelector('mark')).toBeNull();
    expect(screen.queryByText(/Trust rose/)).toBeNull();
  });
});

describe('stored messages as useChat messages', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const coach = { labels: [], evidence: {}, spans: [], scores: {}, tip: 'Name it.', trustBefore: 20, trustAfter: 14, reason: 'trust fell: you minimised it' };
  const messages: ApiMessage[] = [
    { id: 'o', role: 'assistant', text: 'Hi.', status: 'complete', source: 'opening', createdAt: at, superseded: false },
    { id: 'u1', role: 'user', text: 'old try', status: 'complete', source: null, createdAt: at, superseded: true, coach },
    { id: 'a1', role: 'assistant', text: 'Hm.', status: 'complete', source: 'builtin', createdAt: at, superseded: true },
    { id: 'u2', role: 'user', text: 'new try', status: 'complete', source: null, createdAt: at, superseded: false, coach },
    { id: 'a2', role: 'assistant', text: '', status: 'failed', source: 'builtin', createdAt: at, superseded: false },
  ];

  it('keeps the conversation, puts the coach on user turns, and leaves out failed empty replies', () => {
    const ui = toUIMessages(messages);
    expect(ui.map((m) => m.id)).toEqual(['o', 'u2']);
    expect(ui[1]!.metadata).toEqual({ coach });
    expect(coachByTurn(ui).get('u2')).toEqual(coach);
    expect(trustNow(ui, 20)).toMatchObject({ trust: 14, previous: 20, reason: 'trust fell: you minimised it' });
    expect(earlierAttempts(messages).map((a) => a.map((m) => m.id))).toEqual([['u1', 'a1']]);
  });

  it("shows the judge's read of a turn once it has arrived, in place of the offline one", () => {
    const judge = {
      ...coach,
      labels: ['minimizes' as const],
      scores: { minimizes: 1 },
      trustAfter: 9,
      reason: 'trust fell: you minimised it',
      scorer: 'llm:gpt-test',
    };
    const stored = messages.map((m) => (m.id === 'u2' ? { ...m, judge } : m));
    // A reload shows the better read straight away.
    expect(coachByTurn(toUIMessages(stored)).get('u2')).toEqual(judge);
    // A live page gets it on the turn it read; other turns stay as they were.
    const live = toUIMessages(messages);
    const updated = withJudgedReads(live, stored);
    expect(coachByTurn(updated).get('u2')).toEqual(judge);
    expect(trustNow(updated, 20).trust).toBe(9);
    expect(updated[0]).toBe(live[0]);
    expect(withJudgedReads(live, messages)).toEqual(live);
  });
});
