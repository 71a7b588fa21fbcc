import { beforeAll, describe, expect, it } from 'vitest';
import { readRepair } from '../../../server/practice/partner/repair-worth.js';
import { foldPartnerState, type LabelledTurn } from '../../../server/practice/partner/partner-state.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let airport: Scenario;
beforeAll(async () => {
  airport = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

const repair = (text: string): LabelledTurn => ({
  text,
  labels: ['proposes_action'],
  evidence: [{ criterion: 'proposes_action', start: 0, end: text.length, quote: text }],
});

describe('what a repair is worth', () => {
  it('reads a specific action with a when as concrete, without one as specific, and "I\'ll do better" as vague', () => {
    expect(readRepair(repair("I'll transfer the taxi money tonight and set a second alarm every time I pick you up."), []).kind).toBe('concrete');
    expect(readRepair(repair('I want to pay you back for the taxi and buy a proper charger for the car.'), []).kind).toBe('specific');
    expect(readRepair(repair("I'll do better, I promise."), []).kind).toBe('vague');
    expect(readRepair(repair("From now on I'll do better."), []).kind).toBe('vague');
  });

  it('gives nothing for the same promise again with nothing new in it', () => {
    const first = readRepair(repair("I'll pay you back for the taxi tonight."), []);
    expect(readRepair(repair('I will pay you back for the taxi, tonight.'), first.words).kind).toBe('repeated');
    expect(readRepair(repair("And on Sunday I'd like to hear about the funeral, properly."), first.words).kind).not.toBe('repeated');
  });

  it('moves trust by what the repair commits to', () => {
    const gain = (text: string) => foldPartnerState(airport, [repair(text)]).trust - airport.trust.start;
    const concrete = gain("I'll transfer the taxi money tonight and set a second alarm every time I pick you up.");
    const vague = gain("I'll do better, I promise.");
    expect(concrete).toBeGreaterThan(vague);
    const repeated = foldPartnerState(airport, [repair("I'll pay you back for the taxi tonight."), repair('I will pay you back for the taxi, tonight.')]);
    expect(repeated.trustPath[2]).toBe(repeated.trustPath[1]);
    expect(repeated.last!.repair).toBe('repeated');
  });
});
