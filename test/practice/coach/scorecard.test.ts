import { beforeAll, describe, expect, it } from 'vitest';
import type { Criterion } from '../../../server/practice/criteria.js';
import { buildScorecard, type ScoredTurn } from '../../../server/practice/coach/scorecard.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let airport: Scenario;
beforeAll(async () => {
  airport = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

const turn = (messageId: string, text: string, labels: Criterion[], spans: { criterion: Criterion; quote: string }[] = []): ScoredTurn => ({
  messageId,
  text,
  labels,
  evidence: spans.map(({ criterion, quote }) => ({ criterion, quote, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length })),
});

describe('the scorecard', () => {
  it('suggests no rewrite when every turn helped and nothing was left unsaid', () => {
    const card = buildScorecard(airport, [
      turn('a', 'I left you alone at arrivals. That was on me.', ['acknowledges_harm', 'takes_responsibility']),
      turn('b', 'Of course you are angry. I will pay for the taxi.', ['validates_feelings', 'proposes_action']),
    ]);
    expect(card.weakest).toBeNull();
    expect(card.strongest).not.toBeNull();
  });

  it('rewrites the weakest turn without its excuse, adding only what was not said before', () => {
    const excuse = 'My phone died after a double shift.';
    const card = buildScorecard(airport, [
      turn('a', 'I left you alone at arrivals. That was on me.', ['acknowledges_harm', 'takes_responsibility']),
      turn('b', `${excuse} I know.`, ['makes_excuses'], [{ criterion: 'makes_excuses', quote: excuse }]),
    ]);
    expect(card.weakest).toMatchObject({ messageId: 'b', rewriteBy: 'offline' });
    expect(card.weakest!.rewrite).not.toContain('double shift');
    // Ownership and the named harm came in turn a: the rewrite adds validation and a repair instead.
    expect(card.weakest!.rewrite).not.toMatch(/my doing/);
    expect(card.weakest!.rewrite).toMatch(/makes sense|angry/i);
  });

  it('lists the concrete offers as commitments, not the questions', () => {
    const card = buildScorecard(airport, [
      turn(
        'a',
        "I'll pay you back for the taxi tonight. What else would help?",
        ['proposes_action', 'asks_open_question'],
        [
          { criterion: 'proposes_action', quote: "I'll pay you back for the taxi tonight." },
          { criterion: 'proposes_action', quote: 'What else would help?' },
        ],
      ),
    ]);
    expect(card.commitments).toEqual(["I'll pay you back for the taxi tonight."]);
  });
});

describe('the arc on the scorecard', () => {
  const full = (id: string) =>
    turn(id, 'I left you alone at arrivals after the funeral. I will pay for the taxi tonight.', [
      'acknowledges_harm',
      'takes_responsibility',
      'validates_feelings',
      'proposes_action',
    ]);

  it('numbers the turns after which the hidden concern came out and the conversation resolved, the second later', () => {
    const card = buildScorecard(airport, [full('a'), full('b'), turn('c', 'What has it been like?', ['asks_open_question']), full('d'), full('e')]);
    expect(card.hiddenConcernTurn).toBe(3);
    expect(card.resolvedTurn).toBe(5);
    expect(card.resolvedTurn!).toBeGreaterThan(card.hiddenConcernTurn!);
    expect(card.arc.stages.map((s) => s.stage)).toEqual(['reached', 'tested', 'held', 'revealed', 'answered', 'resolved']);
    expect(card.arc.pushbacks).toEqual([{ turn: 2, line: expect.any(String), outcome: 'held' }]);
    expect(airport.pushback).toContain(card.arc.pushbacks[0]!.line);
  });

  it('gives nulls before anything happened, and names a broken test and the unanswered concern in its tips', () => {
    expect(buildScorecard(airport, [])).toMatchObject({ hiddenConcernTurn: null, resolvedTurn: null, arc: { stages: [], pushbacks: [] } });
    const card = buildScorecard(airport, [
      full('a'),
      full('b'),
      turn('c', 'I was exhausted, to be fair.', ['makes_excuses']),
      full('d'),
      full('e'),
      full('f'),
      turn('g', 'What has it been like?', ['asks_open_question']),
    ]);
    expect(card.arc.pushbacks[0]!.outcome).toBe('broke');
    expect(card.tips.some((t) => t.includes(card.arc.pushbacks[0]!.line) && /hold steady/.test(t))).toBe(true);
    expect(card.hiddenConcernTurn).toBe(7);
    expect(card.resolvedTurn).toBeNull();
    expect(card.tips).toContain(airport.hiddenConcern!.answerTip);
  });
});
