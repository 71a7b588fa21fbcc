/**
 * The stored transcript: sessions, their messages, and the coach's read of each turn the
 * person typed. Each table is paired with its inferred row type. Trust is not a column of
 * the session: it is folded from the coach reads, so it cannot drift.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { TurnRead } from '../practice/coach/turn-coach.js';
import type { SummaryReview } from '../practice/coach/written-summary.js';
import type { ThreadFormat, ThreadTurn } from '../practice/imports/thread-parser.js';
import type { PracticeKind, ThreadSummary } from '../practice/imports/thread-read.js';
import { MESSAGE_STATUSES, SESSION_STATUSES } from './statuses.js';

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    scenarioId: text('scenario_id').notNull(),
    /** The imported conversation this session practises from (its turns are the session's first messages); deleted with it. */
    importId: text('import_id').references(() => imports.id, { onDelete: 'cascade' }),
    /** `active`, `resolved` (the partner closed the conversation) or `ended` (the person ended it). */
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('active'),
    /** Set when a turn raised a safety concern and was answered outside the role-play. */
    safetyFlaggedAt: integer('safety_flagged_at', { mode: 'timestamp_ms' }),
    /** The session this one checks in on (issue 13); null for a first conversation, or once that session is deleted. */
    followUpOf: text('follow_up_of'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [index('sessions_created_idx').on(table.createdAt)],
);

/**
 * A conversation the person brought (issue 14): the turns as read from the pasted text, the
 * coach's read of each of theirs, stored like any coach read, and the summary. The pasted text
 * itself is not kept: the turns are all that is needed, and delete removes them.
 */
export const imports = sqliteTable(
  'imports',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    format: text('format', { enum: ['whatsapp', 'lines'] })
      .$type<ThreadFormat>()
      .notNull(),
    speakers: text('speakers', { mode: 'json' }).$type<string[]>().notNull(),
    you: text('you').notNull(),
    /** The kind the thread was read as: `apology` or `listening`. */
    kind: text('kind').$type<PracticeKind>().notNull(),
    turns: text('turns', { mode: 'json' }).$type<ImportedTurn[]>().notNull(),
    trustPath: text('trust_path', { mode: 'json' }).$type<number[]>().notNull(),
    summary: text('summary', { mode: 'json' }).$type<ThreadSummary>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [index('imports_created_idx').on(table.createdAt)],
);

/** A stored turn of an import: the parsed turn and, on the person's own turns, the coach's read. */
export type ImportedTurn = ThreadTurn & { coach?: TurnRead };

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** Order within the session; rewinding never reuses a number. */
    seq: integer('seq').notNull(),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    text: text('text').notNull(),
    /** `streaming` only while a reply is being written; `complete`, `partial` or `failed` after. */
    status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
    /** How the reply was produced: `builtin`, `llm`, `safety`, `opening`; null for the person's turns. */
    source: text('source'),
    /** Set when the person rewound past this message: it stays in the history, out of the conversation. */
    supersededAt: integer('superseded_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [uniqueIndex('messages_session_seq_idx').on(table.sessionId, table.seq), index('messages_status_idx').on(table.status)],
);

export const coachReads = sqliteTable(
  'coach_reads',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    /** `offline`, or `llm:<model>` for the judge's later read. */
    scorer: text('scorer').notNull(),
    labels: text('labels', { mode: 'json' }).$type<TurnRead['labels']>().notNull(),
    evidence: text('evidence', { mode: 'json' }).$type<TurnRead['evidence']>().notNull(),
    /** The scorer's probability per criterion; null for reads stored before scores existed. */
    scores: text('scores', { mode: 'json' }).$type<TurnRead['scores']>(),
    tip: text('tip'),
    trustBefore: integer('trust_before').notNull(),
    trustAfter: integer('trust_after').notNull(),
    reason: text('reason'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.scorer] })],
);

/** LLM judge results, keyed by a hash of (model, prompt version, context, reply). */
export const judgeCache = sqliteTable('judge_cache', {
  key: text('key').primaryKey(),
  model: text('model').notNull(),
  result: text('result', { mode: 'json' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

/**
 * What the person promised in a session, kept after it ends so they can follow through.
 * `sourceKey` is a hash of the words as first extracted: recording a session's commitments
 * again (the scorecard read twice, the session ended after a rewind) adds only new ones, and
 * a deleted commitment stays a tombstone (text wiped, `deletedAt` set) so it never comes back.
 */
export const commitments = sqliteTable(
  'commitments',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    /** The partner's name when it was made: the scenario may be uninstalled later. */
    partner: text('partner').notNull(),
    text: text('text').notNull(),
    sourceKey: text('source_key').notNull(),
    /** An ISO date (`2026-12-05`), or null when the words named no day. */
    due: text('due'),
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [uniqueIndex('commitments_session_source_idx').on(table.sessionId, table.sourceKey), index('commitments_due_idx').on(table.done, table.due)],
);

/** The person's written summary of a listening session and its review; the latest one is kept. */
export const writtenSummaries = sqliteTable('written_summaries', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  review: text('review', { mode: 'json' }).$type<SummaryReview>().notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
});

export type SessionRow = typeof sessions.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NewMessageRow = typeof messages.$inferInsert;
export type ImportRow = typeof imports.$inferSelect;
export type CoachReadRow = typeof coachReads.$inferSelect;
export type CommitmentRow = typeof commitments.$inferSelect;
export type WrittenSummaryRow = typeof writtenSummaries.$inferSelect;
