/**
 * A scenario's check-in: what the partner says when the person comes back some days after the
 * first conversation. `openings` quote the commitment being followed up (`{commitment}`, in
 * the person's own words); `general` lines open a check-in on a session where nothing
 * concrete was promised. `reactions` answer the person's report, once they give it: `kept`
 * (they did it), `brokenWithExcuse` (they didn't, and excuse it), `honestNotYet` (they didn't,
 * say so plainly, and name when they will). All in the scenario's voice; any may quote
 * `{commitment}`.
 */
import { z } from 'zod';
import { crossesHostilityCap } from './hostility-cap.js';

const checkInLine = z
  .string()
  .trim()
  .min(1)
  .max(600)
  .refine((text) => !crossesHostilityCap(text), { message: 'crosses the hostility cap: a partner may be angry, never abusive, threatening or demeaning' });

export const checkInSchema = z
  .object({
    openings: z
      .array(checkInLine.refine((line) => line.includes('{commitment}'), 'an opening must quote the commitment: put {commitment} where it goes'))
      .min(1),
    general: z.array(checkInLine).min(1),
    reactions: z
      .object({
        kept: z.array(checkInLine).min(1, 'give at least one line for a kept promise'),
        brokenWithExcuse: z.array(checkInLine).min(1, 'give at least one line for an excuse for a broken promise'),
        honestNotYet: z.array(checkInLine).min(1, 'give at least one line for an honest "not yet, here is when"'),
      })
      .strict(),
  })
  .strict();

export const CHECK_IN_REACTIONS = ['kept', 'brokenWithExcuse', 'honestNotYet'] as const;
export type CheckIn = z.infer<typeof checkInSchema>;

/** Every `{slot}` in the check-in lines is the commitment, a built-in slot or one the scenario defines. */
export function checkCheckInSlots(scenario: { checkIn?: CheckIn }, ctx: z.RefinementCtx, known: ReadonlySet<string>): void {
  const fields = [
    ...(['openings', 'general'] as const).map((key) => ({ path: ['checkIn', key], lines: scenario.checkIn?.[key] ?? [] })),
    ...CHECK_IN_REACTIONS.map((key) => ({ path: ['checkIn', 'reactions', key], lines: scenario.checkIn?.reactions?.[key] ?? [] })),
  ];
  for (const { path, lines } of fields) {
    for (const [index, text] of lines.entries()) {
      for (const match of text.matchAll(/\{([a-z_]+)\}/g)) {
        if (match[1] !== 'commitment' && !known.has(match[1]!)) {
          ctx.addIssue({ code: 'custom', path: [...path, index], message: `unknown slot {${match[1]}}: define it under "slots"` });
        }
      }
    }
  }
}

/** The check-in of a scenario written before check-ins existed: plain, in no one's voice in particular. */
export const DEFAULT_CHECK_IN: CheckIn = {
  openings: ['Last time you said, "{commitment}" So — how did that go?'],
  general: ["It's been a few days since we talked. How have things been since?"],
  reactions: {
    kept: ['You did it. Thank you — that means more than anything you said last time.'],
    brokenWithExcuse: ["I've heard reasons before. I was hoping this time would be different."],
    honestNotYet: ["Okay. Thanks for telling me straight. I'll hold you to that."],
  },
};
