// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiScorecard } from '../../web/src/api/types.js';
import { buildScorecardMarkdown, downloadText, listeningRatioText, scorecardFileName } from '../../web/src/scorecard/scorecard-markdown.js';

const none = { met: false, count: 0, evidence: [], where: [] };
const card: ApiScorecard = {
  sessionId: 's1',
  status: 'ended',
  safetyFlagged: false,
  scenarioId: 'borrowed-van',
  kind: 'apology',
  turns: 2,
  resolved: false,
  hiddenConcernReached: false,
  hiddenConcernTurn: null,
  resolvedTurn: null,
  arc: {
    stages: [
      { stage: 'reached', turn: 1 },
      { stage: 'tested', turn: 1 },
    ],
    pushbacks: [{ turn: 1, line: 'Listen, man. Sorry is easy.', outcome: 'broke' }],
    minTurns: 5,
    hiddenConcernTurn: null,
    resolvedTurn: null,
    waitingFor: ['time', 'test'],
  },
  criteria: {
    acknowledges_harm: { met: true, count: 1, evidence: ['I scraped your van'], where: [] },
    takes_responsibility: none,
  },
  redFlags: {
    makes_excuses: { met: true, count: 1, evidence: ['I was slammed at work'], where: [] },
    minimizes: none,
  },
  needs: [{ id: 'pay', says: 'Paying the repair.', met: false }],
  trustPath: [20, 34, 21],
  strongest: { messageId: 'u1', text: 'I scraped your van.', labels: ['acknowledges_harm'], trustDelta: 14 },
  weakest: { messageId: 'u2', text: 'I was slammed at work.', labels: ['makes_excuses'], trustDelta: -13, rewrite: 'That was my doing.', rewriteBy: 'offline' },
  commitments: ["I'll pay the garage today."],
  listening: null,
  tips: ['Own the silence.'],
  summary: null,
  improved: [],
};

afterEach(() => vi.restoreAllMocks());

describe('the scorecard as Markdown', () => {
  const date = new Date('2026-03-04T10:00:00Z');
  const md = buildScorecardMarkdown(card, { title: 'The scrape on the borrowed van', partnerName: 'Kwame', date });

  it('tells how the conversation moved: the stages passed and how a pushback was met', () => {
    expect(md).toContain('## How the conversation moved');
    expect(md).toContain('- they tested it (after turn 1)');
    expect(md).toContain('Kwame pushed back after turn 1: “Listen, man. Sorry is easy.” — you defended yourself');
  });

  it('has the title, the outcome and the trust path', () => {
    expect(md.startsWith('# Rehearse scorecard: The scrape on the borrowed van\n')).toBe(true);
    expect(md).toContain('With Kwame · 2026-03-04 · 2 turns · Ended');
    expect(md).toContain('20 → 34 → 21');
  });

  it('lists criteria met and not met with evidence, and only the red flags that showed', () => {
    expect(md).toContain('- [x] **named the harm** — 1 turn\n  - “I scraped your van”');
    expect(md).toContain('- [ ] **owned it** — not yet');
    expect(md).toContain('- [x] **made an excuse** — 1 turn');
    expect(md).not.toContain('minimised it');
  });

  it('includes the weakest turn with its rewrite, the commitments, needs and tips', () => {
    expect(md).toContain('## Weakest turn, and a rewrite\n\n> I was slammed at work.\n\nTrust fell 13. Try instead:\n\n> That was my doing.');
    expect(md).toContain("## What you promised\n\n- I'll pay the garage today.");
    expect(md).toContain('- [ ] Paying the repair.');
    expect(md).toContain('## Next time\n\n- Own the silence.');
  });

  it('names the file after the scenario and the date', () => {
    expect(scorecardFileName('The scrape on the borrowed van!', date)).toBe('rehearse-the-scrape-on-the-borrowed-van-2026-03-04.md');
  });

  it('describes the listening ratio against MITI', () => {
    expect(listeningRatioText({ reflections: 4, questions: 2, ratio: 2, rating: 'good' })).toBe(
      '4 reflections to 2 questions — 2:1; MITI 4.2 rates this good (2:1 or more).',
    );
    expect(listeningRatioText({ reflections: 1, questions: 3, ratio: 1 / 3, rating: 'below' })).toContain('0.3:1');
  });

  it('downloads the file from the browser without a server', async () => {
    let blob: Blob | undefined;
    const create = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:test';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' });
    });
    downloadText('card.md', md);
    expect(clicked).toEqual([{ download: 'card.md', href: 'blob:test' }]);
    expect(blob!.type).toBe('text/markdown;charset=utf-8');
    expect(await blob!.text()).toBe(md);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
