/**
 * Check-in reactions (issue 13): how a report on the promise is read, and what it does to
 * the partner's trust compared with the first conversation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Criterion } from '../../../server/practice/criteria.js';
import { mentionsCommitment, namesNewTime, readCheckInReport } from '../../../server/practice/follow-through/check-in-report.js';
import { checkInStartTrust, type CheckInContext } from '../../../server/practice/partner/check-in-arc.js';
import { partnerSystemPrompt } from '../../../server/practice/partner/partner-prompt.js';
import { foldPartnerState, type LabelledTurn } from '../../../server/practice/partner/partner-state.js';
import { planLatestReply } from '../../../server/practice/partner/reaction-picker.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let jonah: Scenario;
beforeAll(async () => {
  jonah = (await loadScenarios(FIXTURE_SCENARIOS)).scenarios.find((s) => s.id === 'airport-at-midnight')!;
});

const PROMISE = "I'll pay you back for the taxi by Friday.";
const turn = (text: string, labels: Criterion[] = []): LabelledTurn => ({ text, labels, evidence: [] });
const promised = [{ text: PROMISE, done: false }];
const checkIn = (firstTrust = 70): CheckInContext => ({ commitments: promised, firstTrust });

describe('reading a check-in report', () => {
  it.each([
    ['I paid you back for the taxi on Thursday.', [], 'kept'],
    ['Yes — done, I sent the taxi money on Wednesday.', [], 'kept'],
    ['I did it, like I said.', [], 'kept'],
    ["I didn't pay it yet. Work was insane, you know how it is.", ['makes_excuses'], 'excuse'],
    ["Honestly I was slammed, there wasn't time.", ['makes_excuses'], 'excuse'],
    ["I haven't paid you back yet, and that's on me. I'll transfer it tonight.", ['takes_responsibility', 'proposes_action'], 'not-yet'],
    ["Not yet. I'm sorry. I'll do it on Saturday morning.", ['takes_responsibility'], 'not-yet'],
    ["I didn't pay you on Friday.", ['takes_responsibility'], 'broken'],
    ['Hey. How have you been?', [], null],
  ] as const)('reads "%s" as %s', (text, labels, expected) => {
    expect(readCheckInReport(turn(text, [...labels]), promised)).toBe(expected);
  });

  it('matches the promised action by its words, irregular past forms included', () => {
    expect(mentionsCommitment('I paid the garage yesterday.', "I'll pay the garage today.")).toBe(true);
    expect(mentionsCommitment('I rang your sister.', "I'll ring your sister on Sunday.")).toBe(true);
    expect(mentionsCommitment('I went for a walk.', "I'll pay the garage today.")).toBe(false);
  });

  it('counts a new time only when it is ahead: "on Friday" after "didn\'t" is the missed day', () => {
    expect(namesNewTime("I didn't do it on Friday.")).toBe(false);
    expect(namesNewTime("I'll do it on Saturday.")).toBe(true);
    expect(namesNewTime('Not yet. Tonight, promise.')).toBe(true);
  });

  it('reads nothing when nothing was promised', () => {
    expect(readCheckInReport(turn('I paid it.'), [])).toBeNull();
  });
});

describe('the partner in a check-in', () => {
  it('starts halfway back from where the first conversation ended, below the resolve level', () => {
    const { start, resolveAt } = jonah.trust;
    expect(checkInStartTrust(jonah, 70)).toBe(Math.round(start + (70 - start) / 2));
    expect(checkInStartTrust(jonah, 100)).toBeLessThan(resolveAt);
    expect(foldPartnerState(jonah, [], checkIn()).trust).toBe(checkInStartTrust(jonah, 70));
  });

  it('raises trust for a promise reported kept, past the per-turn cap for words alone', () => {
    const kept = foldPartnerState(jonah, [turn('I paid you back for the taxi on Thursday.', ['takes_responsibility'])], checkIn());
    const words = foldPartnerState(jonah, [turn('I paid you back for the taxi on Thursday.', ['takes_responsibility'])]);
    expect(kept.last!.checkInReport).toBe('kept');
    expect(kept.trust - kept.last!.trustBefore).toBeGreaterThan(words.trust - words.last!.trustBefore);
    expect(kept.last!.reason).toMatch(/^trust rose: you did what you said you would/);
  });

  it('makes an excuse for the broken promise cost more than the same excuse in the first conversation', () => {
    const excuse = turn("I didn't pay it yet. Work was insane, you know how it is.", ['makes_excuses']);
    const first = foldPartnerState(jonah, [excuse]);
    const later = foldPartnerState(jonah, [excuse], checkIn());
    const cost = (s: typeof first) => s.last!.trustBefore - s.trust;
    expect(later.last!.checkInReport).toBe('excuse');
    expect(cost(later)).toBeGreaterThan(cost(first));
  });

  it('holds trust within two points for an honest "not yet" with a new time, however good the words', () => {
    const honest = turn("I haven't paid you back yet, and that's on me. I'll transfer it tonight.", [
      'takes_responsibility',
      'proposes_action',
      'acknowledges_harm',
    ]);
    const state = foldPartnerState(jonah, [honest], checkIn());
    expect(state.last!.checkInReport).toBe('not-yet');
    expect(Math.abs(state.trust - state.last!.trustBefore)).toBeLessThanOrEqual(2);
  });

  it('reads the report once: later turns are ordinary', () => {
    const state = foldPartnerState(jonah, [turn('I paid you back for the taxi.'), turn('I paid the taxi, like I said.')], checkIn());
    expect(state.checkIn!.reportTurn).toBe(1);
    expect(state.last!.checkInReport).toBeUndefined();
  });

  it("answers each report with the scenario's own reaction line in the built-in engine", () => {
    const cases = [
      ['I paid you back for the taxi on Thursday.', [], jonah.checkIn!.reactions.kept],
      ["I didn't pay it yet. Work was insane.", ['makes_excuses'], jonah.checkIn!.reactions.brokenWithExcuse],
      ["I haven't paid yet. I'll transfer it tonight.", ['takes_responsibility'], jonah.checkIn!.reactions.honestNotYet],
    ] as const;
    for (const [text, labels, lines] of cases) {
      const turns = [turn(text, [...labels])];
      const reply = planLatestReply(jonah, turns, [foldPartnerState(jonah, turns, checkIn())])!;
      expect(reply.move).toBe('check_in');
      expect(lines).toContain(reply.text);
    }
  });
});

describe('the LLM partner in a check-in', () => {
  it("is told it is a check-in, the promise in the person's words, and how to react", () => {
    const before = partnerSystemPrompt(jonah, foldPartnerState(jonah, [], checkIn()));
    expect(before).toContain('## This is a check-in');
    expect(before).toContain(`"${PROMISE}"`);
    expect(before).toContain('If they did not, and make an excuse: it costs more than an excuse did the first time');
    expect(before).toContain('If they have not said, ask.');
    const excused = partnerSystemPrompt(jonah, foldPartnerState(jonah, [turn("I didn't pay it yet. Work was insane.", ['makes_excuses'])], checkIn()));
    expect(excused).toContain('Be more disappointed than last time');
    const honest = partnerSystemPrompt(jonah, foldPartnerState(jonah, [turn("I haven't paid yet. I'll transfer it tonight.")], checkIn()));
    expect(honest).toContain('Stay where you are: not warmer, not colder.');
    const done = partnerSystemPrompt(jonah, foldPartnerState(jonah, [], { commitments: [{ text: PROMISE, done: true }], firstTrust: 70 }));
    expect(done).toContain('(they have marked it done)');
  });

  it('says nothing of check-ins in a first conversation', () => {
    expect(partnerSystemPrompt(jonah, foldPartnerState(jonah, [turn('I am sorry.')]))).not.toContain('check-in');
  });
});
