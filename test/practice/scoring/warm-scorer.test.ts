import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import { warmScorerInBackground } from '../../../server/warm-scorer.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

describe('warming the scorer in the background', () => {
  it('scores the scenarios’ lines one per turn of the event loop, so other work runs between them', async () => {
    const { scenarios } = await loadScenarios(FIXTURE_SCENARIOS);
    const events: string[] = [];
    const warming = warmScorerInBackground(() => events.push('line'), scenarios, 40);
    // A request arriving while the scorer warms: it must not wait for the whole warm-up.
    setImmediate(() => events.push('request'));
    const lines = await warming;
    expect(lines).toBe(40);
    expect(events.filter((e) => e === 'line')).toHaveLength(40);
    expect(events.indexOf('request')).toBeGreaterThan(-1);
    expect(events.indexOf('request')).toBeLessThan(3);
  });

  it('takes lines from every scenario in turn, each as a reply of that scenario’s kind to its opening, and no long text', async () => {
    const { scenarios } = await loadScenarios(FIXTURE_SCENARIOS);
    expect(scenarios.length).toBeGreaterThan(1);
    const seen: { kind: string; context: string; reply: string }[] = [];
    await warmScorerInBackground((input) => seen.push(input), scenarios, scenarios.length * 2);
    for (const scenario of scenarios) {
      const own = seen.filter((input) => input.context === scenario.partner.opening);
      expect(own.length, scenario.id).toBeGreaterThan(0);
      expect(own.every((input) => input.kind === scenario.kind)).toBe(true);
    }
    expect(seen.every((input) => input.reply.length <= 400 && input.reply.split(/\s+/).length >= 4)).toBe(true);
    expect(seen.some((input) => input.reply === scenarios[0]!.background)).toBe(false);
  });
});
