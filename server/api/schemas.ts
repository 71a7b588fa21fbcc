/**
 * The HTTP API's bodies and answers, defined once. Routes validate with these, and the web
 * app imports the inferred types, so the two sides cannot drift apart.
 */
import { z } from 'zod';
import { arcSummarySchema } from '../practice/coach/arc-schema.js';
import { scorecardSchema } from '../practice/coach/scorecard.js';
import { MAX_SUMMARY_CHARS, summaryReviewSchema } from '../practice/coach/written-summary.js';
import { turnReadSchema } from '../practice/coach/turn-coach.js';
import { MESSAGE_STATUSES, SESSION_STATUSES } from '../db/statuses.js';
import { CRITERIA, criterionSchema, kindSchema } from '../practice/criteria.js';
import { practiceKindSchema, threadSummarySchema } from '../practice/imports/thread-read.js';

import { MAX_DRAFT_CHARS } from './limits.js';

export { MAX_BODY_BYTES, MAX_DRAFT_CHARS, MAX_IMPORT_BYTES, MAX_TURN_CHARS } from './limits.js';

/** Client-chosen ids (message ids from useChat) end up in URLs and logs: keep them plain. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be 1-80 letters, digits, "-" or "_"');

/**
 * A session of a scenario (`{scenarioId}`), or practice from a turn of an imported conversation
 * (`{importId, fromTurn, kind}`; `kind` defaults to the kind the import was read as), or a
 * check-in on an ended session of the same scenario (`{scenarioId, followUpOf}`, issue 13).
 */
export const createSessionBody = z
  .object({
    scenarioId: idSchema.optional(),
    importId: idSchema.optional(),
    fromTurn: z.number().int().min(0).optional(),
    kind: practiceKindSchema.optional(),
    /** An ended session of the same scenario to check in on (issue 13). */
    followUpOf: idSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.followUpOf !== undefined && body.scenarioId === undefined)
      ctx.addIssue({ code: 'custom', path: ['followUpOf'], message: 'a check-in needs the "scenarioId" of the session it follows' });
    if (body.importId === undefined && body.scenarioId === undefined)
      ctx.addIssue({ code: 'custom', path: ['scenarioId'], message: 'send "scenarioId", or "importId" and "fromTurn"' });
    if (body.importId !== undefined && body.scenarioId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['importId'], message: 'send "scenarioId" or "importId", not both' });
    if (body.importId !== undefined && body.fromTurn === undefined)
      ctx.addIssue({ code: 'custom', path: ['fromTurn'], message: 'required with "importId": the index of one of your turns' });
    if (body.importId === undefined && (body.fromTurn !== undefined || body.kind !== undefined))
      ctx.addIssue({ code: 'custom', path: ['importId'], message: 'required with "fromTurn" and "kind"' });
  });

/** POST /api/imports: the pasted conversation and which speaker is the person; `kind` skips the guess. */
export const createImportBody = z
  .object({
    text: z.string().min(1, 'paste the conversation'),
    you: z.string().trim().min(1, 'say which speaker you are'),
    kind: practiceKindSchema.optional(),
  })
  .strict();

const textPart = z.object({ type: z.literal('text'), text: z.string() }).loose();
const otherPart = z.object({ type: z.string() }).loose();

/** A UI message as `useChat` sends it; only its text parts matter here. */
export const uiMessageSchema = z
  .object({
    id: idSchema,
    role: z.enum(['user', 'assistant', 'system']),
    parts: z.array(z.union([textPart, otherPart])).max(50),
    metadata: z.unknown().optional(),
  })
  .loose();

export const chatBody = z
  .object({
    id: z.string().optional(),
    messages: z.array(uiMessageSchema).min(1).max(500).optional(),
    message: uiMessageSchema.optional(),
    trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
    messageId: z.string().optional(),
  })
  .loose()
  .refine((body) => body.messages !== undefined || body.message !== undefined, {
    message: 'send "message" (the new turn) or "messages" (with the new turn last)',
    path: ['message'],
  });
export type ChatBody = z.infer<typeof chatBody>;

export const rewindBody = z.object({ messageId: idSchema }).strict();

export const draftFeedbackBody = z
  .object({
    text: z.string().max(MAX_DRAFT_CHARS, `text is over ${MAX_DRAFT_CHARS} characters`),
    scenarioId: idSchema.optional(),
  })
  .strict();

/**
 * The coach read as the API sends it: the domain's read (turn-coach.ts), with its evidence
 * spans as `spans` and, for quick display, the first quote per criterion as `evidence`.
 * Stored reads may lack a tip or reason.
 */
export const coachReadSchema = turnReadSchema.extend({
  evidence: z.record(z.string(), z.string()),
  spans: turnReadSchema.shape.evidence,
  tip: z.string().nullable(),
  reason: z.string().nullable(),
});
export type CoachRead = z.infer<typeof coachReadSchema>;

/** POST /api/imports/speakers: the pasted conversation alone. */
export const previewImportBody = createImportBody.pick({ text: true }).strict();

/** An imported conversation as the API answers it; `coach` is on your turns only. */
export const importSchema = z.object({
  id: z.string(),
  title: z.string(),
  format: z.enum(['whatsapp', 'lines']),
  speakers: z.array(z.string()),
  you: z.string(),
  /** What the thread was read as, and what "Practise from here" uses by default. */
  kind: practiceKindSchema,
  createdAt: z.string(),
  turns: z.array(
    z.object({ index: z.number(), speaker: z.string(), mine: z.boolean(), text: z.string(), at: z.string().nullable(), coach: coachReadSchema.optional() }),
  ),
  trustPath: z.array(z.number()),
  summary: threadSummarySchema,
});
export type ApiImport = z.infer<typeof importSchema>;

export const importSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  speakers: z.array(z.string()),
  you: z.string(),
  turns: z.number(),
  createdAt: z.string(),
});
export type ApiImportSummary = z.infer<typeof importSummarySchema>;

export const messageStatusSchema = z.enum(MESSAGE_STATUSES);

export const messageSchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  status: messageStatusSchema,
  source: z.string().nullable(),
  createdAt: z.string(),
  superseded: z.boolean(),
  coach: coachReadSchema.optional(),
  /** The LLM judge's read of the turn, when a model is configured and it has finished. */
  judge: coachReadSchema.extend({ scorer: z.string() }).optional(),
});
export type ApiMessage = z.infer<typeof messageSchema>;

export const sessionStatusSchema = z.enum(SESSION_STATUSES);

export const sessionSchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  /** Set on a session practised from an imported conversation. */
  importId: z.string().nullable(),
  /** Who the partner is: the scenario's, or the other person of the imported conversation. */
  partnerName: z.string().nullable(),
  status: sessionStatusSchema,
  trust: z.number(),
  resolveAt: z.number(),
  /** The partner's arc so far (null when the scenario is no longer installed). */
  arc: arcSummarySchema.nullable(),
  safetyFlagged: z.boolean(),
  createdAt: z.string(),
  /** The session this one checks in on, or null. */
  followUpOf: z.string().nullable(),
  messages: z.array(messageSchema),
});
export type ApiSession = z.infer<typeof sessionSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioTitle: z.string().nullable(),
  createdAt: z.string(),
  status: sessionStatusSchema,
  trust: z.number(),
  turns: z.number(),
  followUpOf: z.string().nullable(),
});
export type ApiSessionSummary = z.infer<typeof sessionSummarySchema>;

export const scenarioSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: kindSchema,
  difficulty: z.number(),
  setting: z.string(),
  summary: z.string(),
  partner: z.object({ name: z.string(), relationship: z.string(), temperament: z.string() }),
});
export type ApiScenarioSummary = z.infer<typeof scenarioSummarySchema>;

/** GET /api/scenarios/:id: the summary plus what a person sees before starting (what the partner hides stays out). */
export const scenarioDetailSchema = scenarioSummarySchema.extend({
  partner: scenarioSummarySchema.shape.partner.extend({ age: z.number().nullable(), voice: z.string(), opening: z.string() }),
  situation: z.object({ yourSide: z.string() }),
  turnBudget: z.number(),
  trust: z.object({ start: z.number(), resolveAt: z.number() }),
});
export type ApiScenarioDetail = z.infer<typeof scenarioDetailSchema>;

export const writtenSummaryBody = z
  .object({ text: z.string().trim().min(1, 'write what you heard first').max(MAX_SUMMARY_CHARS, `must be at most ${MAX_SUMMARY_CHARS} characters`) })
  .strict();

/** A stored written summary as the scorecard shows it: the words and their review. */
export const apiWrittenSummarySchema = summaryReviewSchema.extend({ text: z.string(), createdAt: z.string() });
export type ApiWrittenSummary = z.infer<typeof apiWrittenSummarySchema>;
export type ApiSummaryReview = z.infer<typeof summaryReviewSchema>;

/** GET /api/sessions/:id/scorecard: the domain's scorecard, the session it is of, and a listening session's written summary. */
export const apiScorecardSchema = scorecardSchema.extend({
  sessionId: z.string(),
  status: sessionStatusSchema,
  safetyFlagged: z.boolean(),
  summary: apiWrittenSummarySchema.nullable(),
  /** For a repeated scenario, what improved since the previous attempt (empty for a first attempt). */
  improved: z.array(z.string()),
});
export type ApiScorecard = z.infer<typeof apiScorecardSchema>;

export { progressHighlightsSchema, type ProgressHighlights as ApiProgressHighlights } from '../practice/follow-through/progress.js';

/** One point of GET /api/progress, oldest first. */
export const progressPointSchema = z.object({
  sessionId: z.string(),
  scenarioId: z.string(),
  kind: kindSchema.nullable(),
  createdAt: z.string(),
  turns: z.number(),
  trust: z.number(),
  status: sessionStatusSchema,
  /** For each criterion, the fraction of the person's turns that showed it. */
  criteria: z.record(criterionSchema, z.number()),
});
export type ApiProgressPoint = z.infer<typeof progressPointSchema>;

/** Metadata carried on the partner's streamed reply: the coach's read of the turn and the new trust. */
export const replyMetadataSchema = z.object({
  userMessageId: z.string().optional(),
  coach: coachReadSchema.optional(),
  trust: z.number().optional(),
  sessionStatus: sessionStatusSchema.optional(),
  safety: z.boolean().optional(),
  /** The LLM judge is reading this turn; its read replaces the coach's once stored (GET the session). */
  judgePending: z.boolean().optional(),
  status: messageStatusSchema.optional(),
  /** The partner's arc after this turn: stages passed, pushbacks, what it still waits for. */
  arc: arcSummarySchema.optional(),
});
export type ReplyMetadata = z.infer<typeof replyMetadataSchema>;

export { CRITERIA };

/** An ISO calendar date that exists (`2026-02-30` does not). */
export const isoDateSchema = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}, 'must be a date as YYYY-MM-DD, or null');

/** One commitment as GET /api/commitments lists it and PATCH answers it. */
export const commitmentSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  scenarioId: z.string(),
  partner: z.string(),
  text: z.string(),
  due: z.string().nullable(),
  done: z.boolean(),
  createdAt: z.string(),
});
export type ApiCommitment = z.infer<typeof commitmentSchema>;

export const MAX_COMMITMENT_CHARS = 500;

export const updateCommitmentBody = z
  .object({
    done: z.boolean().optional(),
    due: isoDateSchema.nullable().optional(),
    text: z.string().trim().min(1, 'must not be empty').max(MAX_COMMITMENT_CHARS, `must be at most ${MAX_COMMITMENT_CHARS} characters`).optional(),
  })
  .strict()
  .refine((body) => body.done !== undefined || body.due !== undefined || body.text !== undefined, { message: 'send at least one of done, due, text' });
export type UpdateCommitmentBody = z.infer<typeof updateCommitmentBody>;
