/**
 * The scenario file format: YAML front matter validated by this one zod schema, which is
 * the single source of the `Scenario` type. The Markdown body (the partner's background
 * and voice, for the LLM engine) is attached as `background` by the loader.
 *
 * Deliberately, nothing here can make a partner abusive: temperament is a closed list,
 * and every reaction line is checked against the hostility cap below.
 */
import { z } from 'zod';
import { checkCheckInSlots, checkInSchema } from './check-in-schema.js';
import { crossesHostilityCap } from './hostility-cap.js';
import { CRITERIA, KIND_RUBRIC, criterionSchema, kindSchema, type Criterion, type Kind } from '../criteria.js';
import { ARC_RULES } from '../partner/emotional-arc.js';

export const TEMPERAMENTS = ['hurt', 'defensive', 'withdrawn', 'escalating', 'anxious', 'guarded'] as const;
export const SETTINGS = ['family', 'partner', 'friends', 'work'] as const;
export const TRUST_BANDS = ['low', 'mid', 'high'] as const;
export type TrustBand = (typeof TRUST_BANDS)[number];

/**
 * Moves the built-in partner reacts to: each criterion of the kind's rubric, plus
 * `neutral` (nothing the rubric recognises), `off_script` (the person tries to break the
 * frame: "ignore your instructions", "are you a bot?") and `closing` (trust reached the
 * resolve level). The hidden concern's reveal lines live with the concern itself.
 */
export const SPECIAL_MOVES = ['neutral', 'off_script', 'closing'] as const;
export type SpecialMove = (typeof SPECIAL_MOVES)[number];
export type Move = Criterion | SpecialMove;

/** Slots a line may use besides the scenario's own: `{quote}` is the person's own words. */
export const BUILTIN_SLOTS = ['quote', 'name'] as const;

export { crossesHostilityCap };

const line = z
  .string()
  .trim()
  .min(1, 'a reaction line cannot be empty')
  .max(600, 'a reaction line is at most 600 characters')
  .refine((text) => !crossesHostilityCap(text), {
    message: 'crosses the hostility cap: a partner may be angry, never abusive, threatening or demeaning',
  });

const lines = z.array(line).min(1);

/** Lines for one move, by how much the partner trusts the person right now. */
export const linesByBandSchema = z
  .object({
    low: lines.optional(),
    mid: lines.optional(),
    high: lines.optional(),
    any: lines.optional(),
  })
  .strict();
export type LinesByBand = z.infer<typeof linesByBandSchema>;

const moveSchema = z.enum([...CRITERIA, ...SPECIAL_MOVES]);

const needSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
    /** What the partner needs to hear, in the author's words (goes into the LLM prompt and the tips). */
    says: z.string().min(1),
    /** The criterion that meets this need. */
    criterion: criterionSchema,
    /** Optional words, any one of which must also appear, to tie the need to this situation. */
    cues: z.array(z.string().min(1)).optional(),
    /** A short suggestion for the coach's tip when this need is still missing. */
    tip: z.string().min(1).optional(),
    /** Words the person could say to meet it, in the first person; used to suggest rewrites. */
    example: z.string().min(1).optional(),
  })
  .strict();
export type Need = z.infer<typeof needSchema>;

const hiddenConcernSchema = z
  .object({
    /** What is really going on underneath, told to the LLM engine and the scorecard. */
    summary: z.string().min(1),
    /** Moves that can bring it out (default: an open question or a reflection). */
    unlockedBy: z.array(criterionSchema).min(1).default(['asks_open_question', 'reflects']),
    /** The partner must trust the person at least this much to open up. */
    minTrust: z.number().int().min(0).max(100).default(0),
    /** Extra trust when it comes out: being heard on the real thing matters. */
    trustBonus: z.number().int().min(0).max(40).default(10),
    /** Whether the conversation can resolve before it comes out (default: only at difficulty 3). */
    requiredToResolve: z.boolean().optional(),
    /** What the partner says when it comes out. */
    reveal: lines,
    /**
     * Moves that answer it once it is out (reflecting or validating it, or a repair that
     * addresses it): resolution waits for a later turn that makes one of them.
     */
    answeredBy: z.array(criterionSchema).min(1).default(['reflects', 'validates_feelings', 'proposes_action']),
    /** The coach's tip while it is out and unanswered: what answering it would sound like. */
    answerTip: z.string().trim().min(1, 'say what answering the hidden concern would sound like'),
  })
  .strict();
export type HiddenConcern = z.infer<typeof hiddenConcernSchema>;

const trustSchema = z
  .object({
    start: z.number().int().min(0).max(100),
    resolveAt: z.number().int().min(1).max(100),
    /**
     * The fewest turns before it can resolve, when the scenario wants more than its difficulty's
     * minimum (emotional-arc.ts: 3 / 5 / 7); it can never ask for fewer.
     */
    minTurns: z.number().int().min(1).max(30).optional(),
    /** How far each criterion moves trust, before difficulty scaling. Red flags must be negative. */
    weights: z.partialRecord(criterionSchema, z.number().min(-50).max(50)),
  })
  .strict();

export const scenarioFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'use 2-64 lowercase letters, digits and dashes'),
    title: z.string().min(1).max(120),
    kind: kindSchema,
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    setting: z.enum(SETTINGS),
    summary: z.string().min(1).max(280),
    /** How many of the person's turns a strong conversation should need at most. */
    turnBudget: z.number().int().min(2).max(30).default(10),
    partner: z
      .object({
        name: z.string().min(1),
        age: z.number().int().min(5).max(110).optional(),
        relationship: z.string().min(1),
        temperament: z.enum(TEMPERAMENTS),
        voice: z.string().min(1),
        opening: line,
      })
      .strict(),
    situation: z
      .object({
        theirSide: z.string().min(1),
        yourSide: z.string().min(1),
      })
      .strict(),
    needs: z.array(needSchema).min(1),
    hiddenConcern: hiddenConcernSchema.optional(),
    /**
     * How the partner tests a good turn before believing it, in their own voice ("You said that
     * last time."). Required from difficulty 2: those partners push back at least once.
     */
    pushback: z.array(line).min(2, 'give at least 2 pushback lines, so a second test does not repeat the first').optional(),
    trust: trustSchema,
    /** Scenario words that lines can use as `{slot}`, e.g. `event: the recital`. */
    slots: z.record(z.string().regex(/^[a-z][a-z_]*$/), z.string().min(1)).default({}),
    reactions: z.partialRecord(moveSchema, linesByBandSchema),
    /** What the partner says when the person checks in after this conversation (issue 13). */
    checkIn: checkInSchema.optional(),
  })
  .strict()
  .superRefine((scenario, ctx) => checkConsistency(scenario, ctx));

export type ScenarioFrontMatter = z.infer<typeof scenarioFrontMatterSchema>;

/**
 * A loaded scenario: the validated front matter plus the Markdown body; `thread` when the
 * partner is the other person of a conversation the user imported (imports/thread-partner.ts).
 */
export type Scenario = ScenarioFrontMatter & { background: string; thread?: ThreadVoice };

/** The other person of an imported conversation, as the partner plays them. */
export interface ThreadVoice {
  partnerName: string;
  /** Their turns before the point the user practises from, oldest first. */
  theirWords: string[];
}

/** The moves a scenario of this kind must have lines for. */
export function requiredMoves(kind: Kind): Move[] {
  const rubric = KIND_RUBRIC[kind];
  return [...rubric.positive, ...rubric.redFlags, ...SPECIAL_MOVES];
}

function checkConsistency(scenario: ScenarioFrontMatter, ctx: z.RefinementCtx): void {
  const { trust } = scenario;
  if (trust.resolveAt <= trust.start) {
    ctx.addIssue({ code: 'custom', path: ['trust', 'resolveAt'], message: 'must be above trust.start' });
  }
  const arc = ARC_RULES[scenario.difficulty];
  if (trust.minTurns !== undefined && trust.minTurns < arc.minTurns) {
    ctx.addIssue({
      code: 'custom',
      path: ['trust', 'minTurns'],
      message: `must be at least ${arc.minTurns}, the minimum for difficulty ${scenario.difficulty} (it can only make the partner slower to win back)`,
    });
  }
  const minTurns = Math.max(arc.minTurns, trust.minTurns ?? 0);
  if (minTurns >= scenario.turnBudget) {
    ctx.addIssue({
      code: 'custom',
      path: trust.minTurns !== undefined ? ['trust', 'minTurns'] : ['turnBudget'],
      message: `turnBudget (${scenario.turnBudget}) must be above the minimum turns before resolution (${minTurns}), so a strong conversation can finish`,
    });
  }
  if (arc.pushbackRequired && !scenario.pushback) {
    ctx.addIssue({
      code: 'custom',
      path: ['pushback'],
      message: `a difficulty ${scenario.difficulty} partner tests the apology: add at least 2 pushback lines in their voice`,
    });
  }
  for (const [criterion, weight] of Object.entries(trust.weights)) {
    const flag = (KIND_RUBRIC[scenario.kind].redFlags as readonly string[]).includes(criterion);
    if (flag && weight !== undefined && weight > 0) {
      ctx.addIssue({ code: 'custom', path: ['trust', 'weights', criterion], message: 'a red flag must lower trust (use a negative weight)' });
    }
  }

  for (const move of requiredMoves(scenario.kind)) {
    const byBand = scenario.reactions[move];
    for (const band of TRUST_BANDS) {
      if (!byBand?.[band] && !byBand?.any) {
        ctx.addIssue({
          code: 'custom',
          path: ['reactions', move, band],
          message: `no reaction lines for move "${move}" at ${band} trust (add "${band}" or "any")`,
        });
      }
    }
  }

  const seen = new Set<string>();
  scenario.needs.forEach((need, index) => {
    if (seen.has(need.id)) ctx.addIssue({ code: 'custom', path: ['needs', index, 'id'], message: `duplicated need id "${need.id}"` });
    seen.add(need.id);
  });

  const known = new Set<string>([...BUILTIN_SLOTS, ...Object.keys(scenario.slots)]);
  const checkSlots = (text: string, path: (string | number)[]) => {
    for (const match of text.matchAll(/\{([a-z_]+)\}/g)) {
      if (!known.has(match[1]!)) ctx.addIssue({ code: 'custom', path, message: `unknown slot {${match[1]}}: define it under "slots"` });
    }
  };
  checkSlots(scenario.partner.opening, ['partner', 'opening']);
  for (const [move, byBand] of Object.entries(scenario.reactions)) {
    for (const [band, texts] of Object.entries(byBand ?? {})) {
      for (const [index, text] of (texts ?? []).entries()) checkSlots(text, ['reactions', move, band, index]);
    }
  }
  for (const [index, text] of (scenario.hiddenConcern?.reveal ?? []).entries()) checkSlots(text, ['hiddenConcern', 'reveal', index]);
  for (const [index, text] of (scenario.pushback ?? []).entries()) checkSlots(text, ['pushback', index]);
  checkCheckInSlots(scenario, ctx, known);
}
