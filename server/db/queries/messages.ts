/**
 * Message and coach-read queries. The order of writes is the product's promise: the
 * person's turn and its coach read are stored before the model is called, a placeholder
 * reply marks the turn as streaming (at most one per session), and the reply's text is
 * written as it arrives and finally with its status.
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import { coachReads, messages, type CoachReadRow, type MessageRow } from '../schema.js';

/** A message with the offline coach read (which the trust fold uses) and the judge's, if any. */
export type MessageWithCoach = MessageRow & { coach?: CoachReadRow; judge?: CoachReadRow };
export type NewCoachRead = Omit<CoachReadRow, 'messageId' | 'createdAt'>;

export async function listMessages(db: Db, sessionId: string, options: { includeSuperseded?: boolean } = {}): Promise<MessageWithCoach[]> {
  const judgeReads = alias(coachReads, 'judge_reads');
  const rows = await db
    .select({ message: messages, coach: coachReads, judge: judgeReads })
    .from(messages)
    .leftJoin(coachReads, and(eq(coachReads.messageId, messages.id), eq(coachReads.scorer, 'offline')))
    .leftJoin(judgeReads, and(eq(judgeReads.messageId, messages.id), ne(judgeReads.scorer, 'offline')))
    .where(options.includeSuperseded ? eq(messages.sessionId, sessionId) : and(eq(messages.sessionId, sessionId), isNull(messages.supersededAt)))
    .orderBy(asc(messages.seq));
  return rows.map(({ message, coach, judge }) => ({ ...message, ...(coach ? { coach } : {}), ...(judge ? { judge } : {}) }));
}

/** Adds a later read of a turn (the LLM judge's); the same scorer again replaces it. */
export async function saveCoachRead(db: Db, read: NewCoachRead & { messageId: string }): Promise<void> {
  const { labels, evidence, tip, trustBefore, trustAfter, reason } = read;
  await db
    .insert(coachReads)
    .values(read)
    .onConflictDoUpdate({ target: [coachReads.messageId, coachReads.scorer], set: { labels, evidence, tip, trustBefore, trustAfter, reason } });
}

/** What a turn needs of the conversation: no timestamps, no judge read. */
export interface ConversationMessage {
  id: string;
  sessionId: string;
  seq: number;
  role: MessageRow['role'];
  text: string;
  status: MessageRow['status'];
  source: string | null;
  supersededAt: Date | null;
  coach?: Pick<CoachReadRow, 'labels' | 'evidence' | 'tip' | 'trustBefore' | 'trustAfter' | 'reason'>;
}

/**
 * The session's messages, rewound ones included, with the offline coach read: the one read
 * a chat turn makes. Leaner than listMessages, since every turn of every session pays it.
 */
export async function listConversation(db: Db, sessionId: string): Promise<ConversationMessage[]> {
  const rows = await db
    .select({
      id: messages.id,
      sessionId: messages.sessionId,
      seq: messages.seq,
      role: messages.role,
      text: messages.text,
      status: messages.status,
      source: messages.source,
      supersededAt: messages.supersededAt,
      labels: coachReads.labels,
      evidence: coachReads.evidence,
      tip: coachReads.tip,
      trustBefore: coachReads.trustBefore,
      trustAfter: coachReads.trustAfter,
      reason: coachReads.reason,
    })
    .from(messages)
    .leftJoin(coachReads, and(eq(coachReads.messageId, messages.id), eq(coachReads.scorer, 'offline')))
    .where(eq(messages.sessionId, sessionId))
    .orderBy(asc(messages.seq));
  return rows.map(({ labels, evidence, tip, trustBefore, trustAfter, reason, ...message }) =>
    labels === null ? message : { ...message, coach: { labels, evidence: evidence!, tip, trustBefore: trustBefore!, trustAfter: trustAfter!, reason } },
  );
}

/**
 * Claims the session for one streaming reply: inserts the reply's placeholder only when no
 * other reply of the session is streaming (a stale one, untouched for `staleAfterMs`, does
 * not count: its writer died). One statement, so two racing requests cannot both win.
 * `gap` leaves room for the user turn that goes before the reply.
 */
async function claimReply(db: Db, input: { sessionId: string; replyId: string; source: string; staleAfterMs: number; gap: 1 | 2 }): Promise<number | undefined> {
  const staleBefore = Date.now() - input.staleAfterMs;
  // `returning` hands back the claimed seq in the same statement, with no second read.
  const claimed = await db.all<{ seq: number }>(sql`
    insert into ${messages} (id, session_id, seq, role, text, status, source)
    select ${input.replyId}, ${input.sessionId},
      (select coalesce(max(seq), -1) + ${input.gap} from ${messages} where session_id = ${input.sessionId}),
      'assistant', '', 'streaming', ${input.source}
    where not exists (
      select 1 from ${messages} where session_id = ${input.sessionId} and status = 'streaming' and updated_at > ${staleBefore}
    )
    returning seq`);
  return claimed[0]?.seq;
}

/** `taken`: the person's message id is already used by a message of another session. */
export type StartTurnResult = 'started' | 'busy' | 'taken';

/** Stores the person's turn with its coach read and a streaming placeholder for the reply. */
export async function startTurn(
  db: Db,
  input: { sessionId: string; userMessageId: string; text: string; coach: NewCoachRead; replyId: string; source: string; staleAfterMs: number },
): Promise<StartTurnResult> {
  const replySeq = await claimReply(db, { ...input, gap: 2 });
  if (replySeq === undefined) return 'busy';
  try {
    await db.batch([
      db.insert(messages).values({ id: input.userMessageId, sessionId: input.sessionId, seq: replySeq - 1, role: 'user', text: input.text, status: 'complete' }),
      db.insert(coachReads).values({ ...input.coach, messageId: input.userMessageId }),
    ]);
  } catch (cause) {
    await db.delete(messages).where(eq(messages.id, input.replyId));
    if (isPrimaryKeyClash(cause)) return 'taken';
    throw cause;
  }
  return 'started';
}

function isPrimaryKeyClash(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}

/** A new reply to a turn already stored (a retry after a failed or cut reply). */
export async function startRetry(
  db: Db,
  input: { sessionId: string; previousReplyId?: string; replyId: string; source: string; staleAfterMs: number },
): Promise<StartTurnResult> {
  const replySeq = await claimReply(db, { ...input, gap: 1 });
  if (replySeq === undefined) return 'busy';
  if (input.previousReplyId) {
    await db.update(messages).set({ supersededAt: new Date() }).where(eq(messages.id, input.previousReplyId));
  }
  return 'started';
}

export async function updateReply(db: Db, id: string, update: { text: string; status: MessageRow['status']; source?: string }): Promise<void> {
  await db
    .update(messages)
    .set({ ...update, updatedAt: new Date() })
    .where(eq(messages.id, id));
}

/** Rewind: takes `fromSeq` and everything after it out of the conversation, keeping it in the history. */
export async function supersedeFrom(db: Db, sessionId: string, fromSeq: number): Promise<number> {
  const result = await db
    .update(messages)
    .set({ supersededAt: new Date() })
    .where(and(eq(messages.sessionId, sessionId), isNull(messages.supersededAt), sql`${messages.seq} >= ${fromSeq}`))
    .returning({ id: messages.id });
  return result.length;
}

/**
 * After a crash or kill, replies left `streaming` are settled: `partial` if any text
 * arrived, `failed` if none. Run at start, before serving.
 */
export async function settleInterruptedReplies(db: Db): Promise<number> {
  const result = await db.run(
    sql`update ${messages} set status = case when text = '' then 'failed' else 'partial' end, updated_at = ${Date.now()} where status = 'streaming'`,
  );
  return result.rowsAffected;
}
