/**
 * A scenario's check-in: what the partner says when the person comes back some days after the
 * first conversation. `openings` quote the commitment being followed up (`{commitment}`, in
 * the person's own words); `general` lines open a check-in on a session where nothing
 * concrete was promised. Both in the scenario's voice.
 */
import { z } from 'zod';

const checkInLine = z.string().trim().min(1).max(600);

export const checkInSchema = z
  .object({
    openings: z
      .array(checkInLine.refine((line) => line.includes('{commitment}'), 'an opening must quote the commitment: put {commitment} where it goes'))
      .min(1),
    general: z.array(checkInLine).min(1),
  })
  .strict();
export type CheckIn = z.infer<typeof checkInSchema>;

/** Every `{slot}` in the check-in lines is the commitment, a built-in slot or one the scenario defines. */
export function checkCheckInSlots(scenario: { checkIn?: CheckIn }, ctx: z.RefinementCtx, known: ReadonlySet<string>): void {
  for (const key of ['openings', 'general'] as const) {
    for (const [index, text] of (scenario.checkIn?.[key] ?? []).entries()) {
      for (const match of text.matchAll(/\{([a-z_]+)\}/g)) {
        if (match[1] !== 'commitment' && !known.has(match[1]!)) {
          ctx.addIssue({ code: 'custom', path: ['checkIn', key, index], message: `unknown slot {${match[1]}}: define it under "slots"` });
        }
      }
    }
  }
}
