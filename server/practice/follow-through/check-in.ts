/**
 * The check-in's opening: the partner remembers. It quotes what the person promised, in their
 * own words, and asks how it went, from the scenario's `checkIn` lines (or plain defaults for
 * a scenario written before check-ins existed). The same session id always picks the same line.
 */
import { hashText } from '../partner/reaction-picker.js';
import { DEFAULT_CHECK_IN } from '../scenarios/check-in-schema.js';
import type { Scenario } from '../scenarios/scenario-schema.js';

export { DEFAULT_CHECK_IN };

export function checkInOpening(scenario: Scenario, commitment: string | null, seed: string): string {
  const lines = scenario.checkIn ?? DEFAULT_CHECK_IN;
  const choices = commitment ? lines.openings : lines.general;
  return fillCheckInLine(scenario, choices[hashText(seed) % choices.length]!, commitment);
}

/** The line with `{commitment}`, `{name}` and the scenario's slots filled. */
export function fillCheckInLine(scenario: Scenario, template: string, commitment: string | null): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, slot: string) => {
    if (slot === 'commitment') return commitment?.trim() ?? '';
    if (slot === 'name') return scenario.partner.name;
    return scenario.slots[slot] ?? whole;
  });
}
