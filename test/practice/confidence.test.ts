import { describe, expect, it } from 'vitest';
import { DOUBT_BAND, LABEL_THRESHOLD, MIN_LABEL_WEIGHT, isDoubtful, labelWeight } from '../../server/practice/confidence.js';
import { coachTurn } from '../../server/practice/coach/turn-coach.js';
import { foldPartnerPath } from '../../server/practice/partner/partner-state.js';
import { loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import { FIXTURE_SCENARIOS } from '../support/fixtures.js';

describe('confidence', () => {
  it('weighs a label from a quarter to one across the doubt band, and counts a read without a score as sure', () => {
    expect(labelWeight(LABEL_THRESHOLD - DOUBT_BAND)).toBe(MIN_LABEL_WEIGHT);
    expect(labelWeight(0.1)).toBe(MIN_LABEL_WEIGHT);
    expect(labelWeight(LABEL_THRESHOLD)).toBeCloseTo(0.5);
    expect(labelWeight(LABEL_THRESHOLD + DOUBT_BAND)).toBeCloseTo(1);
    expect(labelWeight(0.99)).toBe(1);
    expect(labelWeight(undefined)).toBe(1);
    expect(labelWeight(0.55)).toBeLessThan(labelWeight(0.65));
  });

  it('calls a label doubtful only within the band above its threshold', () => {
    expect(isDoubtful(0.55)).toBe(true);
    expect(isDoubtful(0.69)).toBe(true);
    expect(isDoubtful(0.7)).toBe(false);
    expect(isDoubtful(undefined)).toBe(false);
  });

  it('puts a doubtful red flag in the tip as a question, a sure one as advice', async () => {
    const airport = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
    const tipFor = (score: number) => {
      const turn = { text: 'I was so tired after work.', labels: ['makes_excuses' as const], evidence: [], scores: { makes_excuses: score } };
      return coachTurn(airport, foldPartnerPath(airport, [turn]).at(-1)!, turn).tip;
    };
    expect(tipFor(0.58)).toMatch(/^Was that an excuse\? If so: leave the why for later/);
    expect(tipFor(0.93)).toMatch(/^Leave the why for later/);
  });
});
