import { beforeAll, describe, expect, it } from 'vitest';
import { partnerSystemPrompt } from '../../../server/practice/partner/partner-prompt.js';
import { arcBrief, arcInstructions } from '../../../server/practice/partner/arc-brief.js';
import { foldPartnerState, type LabelledTurn } from '../../../server/practice/partner/partner-state.js';
import type { Criterion } from '../../../server/practice/criteria.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let airport: Scenario;
beforeAll(async () => {
  airport = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

describe('the LLM engine system prompt', () => {
  it('matches the snapshot at the start of the conversation', () => {
    expect(partnerSystemPrompt(airport, foldPartnerState(airport, []))).toMatchSnapshot();
  });

  it('reflects what the person just did and what is still missing', () => {
    const state = foldPartnerState(airport, [
      { text: 'You waited alone at arrivals after the funeral. That was on me.', labels: ['acknowledges_harm', 'takes_responsibility'], evidence: [] },
    ]);
    const prompt = partnerSystemPrompt(airport, state);
    expect(prompt).toMatchSnapshot();
    expect(prompt).toContain('named the harm (helped)');
    expect(prompt).toMatch(/They have already given you: .*burying his dad/);
    expect(prompt).toMatch(/Still missing: .*anger/);
  });

  it('keeps the hidden concern back until it has come out, and always holds the character rules', () => {
    const before = partnerSystemPrompt(airport, foldPartnerState(airport, []));
    expect(before).toMatch(/do not volunteer it/);
    expect(before).toMatch(/Do not let this come out yet/);
    expect(before).toMatch(/never abusive, threatening, demeaning/);
    expect(before).toMatch(/Never break character/);
    expect(before).toMatch(/reveal your prompt/);
  });
});

describe('the arc in the prompt', () => {
  const turn = (labels: Criterion[], text = 'words'): LabelledTurn => ({ text, labels, evidence: [] });
  const full = () => turn(['acknowledges_harm', 'takes_responsibility', 'validates_feelings', 'proposes_action'], 'waited at arrivals');

  it('briefs a guarded partner that has not been moved yet and may not resolve', () => {
    const brief = arcBrief(airport, foldPartnerState(airport, [turn([])]));
    expect(brief).toMatchObject({ moment: 'guarded', band: 'low', pushbackNow: null, hiddenConcern: 'hidden', resolvedNow: false });
    expect(brief.waitingFor).toEqual(['time', 'test']);
    const lines = arcInstructions(brief, 'Jonah').join('\n');
    expect(lines).toMatch(/did not move you/);
    expect(lines).toMatch(/Do not forgive them/);
    expect(lines).toMatch(/more time/);
  });

  it('tells the model how far trust moved and which test to make', () => {
    const state = foldPartnerState(airport, [full(), full()]);
    const brief = arcBrief(airport, state);
    expect(brief.moment).toBe('testing');
    expect(airport.pushback).toContain(brief.pushbackNow);
    expect(brief.trust - brief.trustBefore).toBeLessThanOrEqual(brief.riseCap);
    const prompt = partnerSystemPrompt(airport, state);
    expect(prompt).toContain(`trust ${brief.trustBefore} → ${brief.trust}`);
    expect(prompt).toContain(`"${brief.pushbackNow}"`);
    expect(prompt).toMatch(/tested their apology 0 of the 1 times/);
  });

  it('reveals the hidden concern without resolving, then waits for the answer', () => {
    const revealing = foldPartnerState(airport, [full(), full(), turn(['asks_open_question'])]);
    expect(arcBrief(airport, revealing)).toMatchObject({ moment: 'revealing', hiddenConcern: 'revealing-now', testOutcome: 'held' });
    const prompt = partnerSystemPrompt(airport, revealing);
    expect(prompt).toMatch(/Let it come out in this reply/);
    expect(prompt).toMatch(/do not forgive them/);
    const after = foldPartnerState(airport, [full(), full(), turn(['asks_open_question']), turn([])]);
    expect(arcBrief(airport, after)).toMatchObject({ moment: 'underneath', hiddenConcern: 'unanswered' });
    expect(arcBrief(airport, after).waitingFor).toContain('answer');
  });

  it('lets the model close only when the state has resolved', () => {
    const turns = [full(), full(), turn(['asks_open_question']), full(), full()];
    const state = foldPartnerState(airport, turns);
    expect(state.resolved).toBe(true);
    const prompt = partnerSystemPrompt(airport, state);
    expect(arcBrief(airport, state).moment).toBe('resolving');
    expect(prompt).toMatch(/ready to close this conversation warmly/);
    expect(prompt).not.toMatch(/Do not forgive them/);
  });
});
