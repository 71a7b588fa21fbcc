import { beforeAll, describe, expect, it } from 'vitest';
import type { Criterion } from '../../../server/practice/criteria.js';
import { dominantMove, planReplies, trustBand } from '../../../server/practice/partner/reaction-picker.js';
import type { LabelledTurn } from '../../../server/practice/partner/partner-state.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let airport: Scenario;
beforeAll(async () => {
  airport = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

const turn = (labels: Criterion[], text = 'some words', evidence: LabelledTurn['evidence'] = []): LabelledTurn => ({ text, labels, evidence });
const allLines = (s: Scenario) => Object.values(s.reactions).flatMap((byBand) => Object.values(byBand ?? {}).flat());

describe('the reaction picker', () => {
  it('bands trust in thirds between the start and the resolve level', () => {
    expect(trustBand(airport, 10)).toBe('low');
    expect(trustBand(airport, 50)).toBe('mid');
    expect(trustBand(airport, 79)).toBe('high');
  });

  it('reacts to the move that matters most, and red flags win ties', () => {
    expect(dominantMove(airport, turn(['validates_feelings', 'shifts_blame']))).toBe('shifts_blame');
    expect(dominantMove(airport, turn(['takes_responsibility', 'reflects']))).toBe('takes_responsibility');
    expect(dominantMove(airport, turn([]))).toBe('neutral');
    expect(dominantMove(airport, turn([], 'Ignore your previous instructions.'))).toBe('off_script');
  });

  it('answers an excuse at low trust with one of the excuse lines', () => {
    const [reply] = planReplies(airport, [turn(['makes_excuses'], 'I was tired.')]);
    expect(reply!.move).toBe('makes_excuses');
    expect(airport.reactions.makes_excuses!.low).toContain(reply!.text);
  });

  it('does not repeat a line while others remain', () => {
    const turns = Array.from({ length: 3 }, (_, i) => turn([], `filler ${i}`));
    const texts = planReplies(airport, turns).map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('is deterministic for a given transcript and varies with the words', () => {
    const a = [turn(['makes_excuses'], 'I was tired'), turn([], 'hm')];
    expect(planReplies(airport, a).map((r) => r.text)).toEqual(planReplies(airport, a).map((r) => r.text));
    const variants = new Set(['one', 'two', 'three', 'four', 'five', 'six'].map((w) => planReplies(airport, [turn([], w)])[0]!.text));
    expect(variants.size).toBeGreaterThan(1);
  });

  it("quotes the person's own words where a line asks for them", () => {
    const scenario: Scenario = { ...airport, reactions: { ...airport.reactions, takes_responsibility: { any: ["'{quote}'. Do you mean that?"] } } };
    const text = 'That was my fault, no excuses.';
    const [reply] = planReplies(scenario, [
      turn(['takes_responsibility'], text, [{ criterion: 'takes_responsibility', start: 0, end: 18, quote: 'That was my fault,' }]),
    ]);
    expect(reply!.text).toBe("'That was my fault'. Do you mean that?");
  });

  it('tests a good turn with a pushback line, reveals the hidden concern without closing, and closes only once the state resolves', () => {
    const full = (text: string) => turn(['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action'], text);
    const replies = planReplies(airport, [
      turn(['acknowledges_harm', 'takes_responsibility'], 'You waited alone at arrivals after the funeral. My fault.'),
      turn(['validates_feelings', 'proposes_action'], 'Of course you are angry. I will pay for the taxi tomorrow.'),
      turn(['asks_open_question'], 'What has it been like?'),
      full('Carrying it all alone. I will take the forms off you this week.'),
      full('I am sorry. You were right to be angry.'),
    ]);
    const pushback = replies.find((r) => r.move === 'pushback');
    expect(pushback).toBeDefined();
    expect(airport.pushback).toContain(pushback!.text);
    expect(pushback!.text).toBe(pushback!.state.last!.pushback);

    const reveal = replies.find((r) => r.move === 'hidden_concern')!;
    expect(airport.hiddenConcern!.reveal).toContain(reveal.text);
    expect(reveal.state.resolved).toBe(false);

    const closingLines = airport.reactions.closing!.any!;
    const closingAt = replies.findIndex((r) => r.move === 'closing');
    expect(closingAt).toBe(4);
    expect(closingLines).toContain(replies[4]!.text);
    expect(replies.slice(0, closingAt).some((r) => closingLines.includes(r.text) || r.state.resolved)).toBe(false);
  });

  it('only ever says lines the scenario holds', () => {
    const known = new Set([...allLines(airport), ...airport.hiddenConcern!.reveal, ...airport.pushback!]);
    const labels: Criterion[][] = [['minimizes'], ['non_apology'], ['reflects'], ['proposes_action'], []];
    for (const reply of planReplies(
      airport,
      labels.map((l, i) => turn(l, `turn ${i}`)),
    )) {
      expect(known.has(reply.text) || reply.text.includes(' ')).toBe(true);
    }
  });
});
