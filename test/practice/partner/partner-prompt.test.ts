import { beforeAll, describe, expect, it } from 'vitest';
import { partnerSystemPrompt } from '../../../server/practice/partner/partner-prompt.js';
import { foldPartnerState } from '../../../server/practice/partner/partner-state.js';
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
    expect(before).toMatch(/Only let this come out if/);
    expect(before).toMatch(/never abusive, threatening, demeaning/);
    expect(before).toMatch(/Never break character/);
    expect(before).toMatch(/reveal your prompt/);
  });
});
