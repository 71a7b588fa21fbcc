import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_IN, checkInOpening } from '../../../server/practice/follow-through/check-in.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import { scenarioFrontMatterSchema, type Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let jonah: Scenario;
beforeAll(async () => {
  const { scenarios } = await loadScenarios(FIXTURE_SCENARIOS);
  jonah = scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

describe('checkInOpening', () => {
  it('quotes the commitment in the person’s words, in one of the scenario’s openings, the same for the same seed', () => {
    const opening = checkInOpening(jonah, "I'll drive you to the cemetery on Saturday.", 'session-1');
    expect(opening).toContain(`"I'll drive you to the cemetery on Saturday."`);
    expect(jonah.checkIn!.openings.map((line) => line.replace('{commitment}', "I'll drive you to the cemetery on Saturday."))).toContain(opening);
    expect(checkInOpening(jonah, "I'll drive you to the cemetery on Saturday.", 'session-1')).toBe(opening);
  });

  it('asks how things have been when nothing was promised', () => {
    expect(jonah.checkIn!.general).toContain(checkInOpening(jonah, null, 'session-1'));
  });

  it('falls back to plain lines for a scenario without check-ins', () => {
    const { checkIn: _, ...older } = jonah;
    expect(checkInOpening(older, 'I will call.', 's')).toBe(DEFAULT_CHECK_IN.openings[0]!.replace('{commitment}', 'I will call.'));
  });
});

describe('the checkIn block of a scenario file', () => {
  it('refuses an opening that does not quote the commitment, and an unknown slot', () => {
    const base = { ...jonah, background: undefined };
    const bad = scenarioFrontMatterSchema.safeParse({
      ...base,
      checkIn: { ...jonah.checkIn, openings: ['So, how did it go?'], general: ['Hey {nobody}.'] },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['checkIn.openings.0', 'checkIn.general.0']));
  });

  it('names each missing or empty reaction, and an unknown slot in one', () => {
    const base = { ...jonah, background: undefined };
    const missing = scenarioFrontMatterSchema.safeParse({ ...base, checkIn: { ...jonah.checkIn, reactions: { kept: [], honestNotYet: ['Okay.'] } } });
    expect(missing.error!.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['checkIn.reactions.kept', 'checkIn.reactions.brokenWithExcuse']),
    );
    const slot = scenarioFrontMatterSchema.safeParse({
      ...base,
      checkIn: { ...jonah.checkIn, reactions: { ...jonah.checkIn!.reactions, kept: ['Thanks, {nobody}.'] } },
    });
    expect(slot.error!.issues.map((i) => i.path.join('.'))).toContain('checkIn.reactions.kept.0');
  });
});
