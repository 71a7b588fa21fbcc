/**
 * Message and coach-read queries. The order of writes is the product's promise: the
 * person's turn and its coach read are stored before the model is called, a placeholder
 * reply marks the turn as streaming (at most one per session), and the reply's text is
 * written as it arrives and finally with its status.
 */
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { InStatement } from '@libsql/client';
import type { Db } from '../client.js';
import { coachReads, messages, type CoachReadRow, type MessageRow, type SessionRow } from '../schema.js';

/** A message with the offline coach read (which the trust fold uses) and the judge's, if any. */
export type MessageWithCoach = MessageRow & { coach?: CoachReadRow; judge?: CoachReadRow };
export type NewCoachRead = Omit<CoachReadRow, 'messageId' | 'createdAt'>;

/** `role: 'user'` reads the person's turns alone: all a fold of the partner's state needs, without the replies' text. */
export async function listMessages(
  db: Db,
  sessionId: string,
  options: { includeSuperseded?: boolean; role?: MessageRow['role'] } = {},
): Promise<MessageWithCoach[]> {
  const rows = await db
    .select({ message: messages, coach: coachReads, judge: judgeReads })
    .from(messages)
    .leftJoin(coachReads, and(eq(coachReads.messageId, messages.id), eq(coachReads.scorer, 'offline')))
    .leftJoin(judgeReads, and(eq(judgeReads.messageId, messages.id), ne(judgeReads.scorer, 'offline')))
    .where(
      and(
        eq(messages.sessionId, sessionId),
        options.includeSuperseded ? undefined : isNull(messages.supersededAt),
        options.role ? eq(messages.role, options.role) : undefined,
      ),
    )
    .orderBy(asc(messages.seq));
  return rows.map(({ message, coach, judge }) => ({ ...message, ...(coach ? { coach } : {}), ...(judge ? { judge } : {}) }));
}

/** Adds a later read of a turn (the LLM judge's); the same scorer again replaces it. */
export async function saveCoachRead(db: Db, read: NewCoachRead & { messageId: string }): Promise<void> {
  const { labels, evidence, scores, tip, trustBefore, trustAfter, reason } = read;
  await db
    .insert(coachReads)
    .values(read)
    .onConflictDoUpdate({ target: [coachReads.messageId, coachReads.scorer], set: { labels, evidence, scores, tip, trustBefore, trustAfter, reason } });
}

/** A coach read as a turn reads it back: the offline read, or the judge's. */
export type StoredRead = Pick<CoachReadRow, 'labels' | 'evidence' | 'scores' | 'tip' | 'trustBefore' | 'trustAfter' | 'reason'>;

/** What a turn needs of the conversation: no timestamps. */
export interface ConversationMessage {
  id: string;
  sessionId: string;
  seq: number;
  role: MessageRow['role'];
  text: string;
  status: MessageRow['status'];
  source: string | null;
  supersededAt: Date | null;
  /** The offline read, stored with the turn. */
  coach?: StoredRead;
  /** The LLM judge's read, when it has arrived: the partner's state folds from it (the better read wins). */
  judge?: StoredRead & { scorer: string };
}

const judgeReads = alias(coachReads, 'judge_reads');

function conversationQuery(db: Db, sessionId: string) {
  return db
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
      scores: coachReads.scores,
      tip: coachReads.tip,
      trustBefore: coachReads.trustBefore,
      trustAfter: coachReads.trustAfter,
      reason: coachReads.reason,
      judgeScorer: judgeReads.scorer,
      judgeLabels: judgeReads.labels,
      judgeEvidence: judgeReads.evidence,
      judgeScores: judgeReads.scores,
      judgeTip: judgeReads.tip,
      judgeTrustBefore: judgeReads.trustBefore,
      judgeTrustAfter: judgeReads.trustAfter,
      judgeReason: judgeReads.reason,
    })
    .from(messages)
    .leftJoin(coachReads, and(eq(coachReads.messageId, messages.id), eq(coachReads.scorer, 'offline')))
    .leftJoin(judgeReads, and(eq(judgeReads.messageId, messages.id), ne(judgeReads.scorer, 'offline')))
    .where(eq(messages.sessionId, sessionId))
    .orderBy(asc(messages.seq));
}

type ConversationRow = Awaited<ReturnType<typeof conversationQuery>>[number];

function toConversationMessage(row: ConversationRow): ConversationMessage {
  const {
    labels,
    evidence,
    scores,
    tip,
    trustBefore,
    trustAfter,
    reason,
    judgeScorer,
    judgeLabels,
    judgeEvidence,
    judgeScores,
    judgeTip,
    judgeTrustBefore,
    judgeTrustAfter,
    judgeReason,
    ...message
  } = row;
  const out: ConversationMessage = message;
  if (labels !== null) out.coach = { labels, evidence: evidence!, scores, tip, trustBefore: trustBefore!, trustAfter: trustAfter!, reason };
  if (judgeScorer !== null) {
    out.judge = {
      scorer: judgeScorer,
      labels: judgeLabels!,
      evidence: judgeEvidence!,
      scores: judgeScores,
      tip: judgeTip,
      trustBefore: judgeTrustBefore!,
      trustAfter: judgeTrustAfter!,
      reason: judgeReason,
    };
  }
  return out;
}

/**
 * The session's messages, rewound ones included, with their coach reads: what rewind and
 * the scorecard read of a conversation.
 */
export async function listConversation(db: Db, sessionId: string): Promise<ConversationMessage[]> {
  return (await conversationQuery(db, sessionId)).map(toConversationMessage);
}

/**
 * The one read a chat turn makes: the session and its conversation with their reads, in one
 * statement. Every turn of every session pays it, so it is a statement prepared once (`db.$hot`, hot-sql.ts), and
 * the conversation comes back as one JSON array built by SQLite: one row and one parse, rather
 * than a row object per message with a property per column.
 */
export interface TurnContext {
  session: SessionRow | undefined;
  conversation: ConversationMessage[];
  /** When a reply of the session still marked `streaming` was last written (ms), or null. */
  streamingAt: number | null;
}

export async function readTurnContext(db: Db, sessionId: string): Promise<TurnContext> {
  const [row] = await db.$hot.rows(TURN_CONTEXT_SQL, [sessionId]);
  if (!row) return { session: undefined, conversation: [], streamingAt: null };
  const session: SessionRow = {
    id: row[0] as string,
    scenarioId: row[1] as string,
    importId: (row[9] as string | null) ?? null,
    status: row[2] as SessionRow['status'],
    safetyFlaggedAt: row[3] === null ? null : new Date(row[3] as number),
    followUpOf: (row[8] as string | null) ?? null,
    createdAt: new Date(row[4] as number),
    updatedAt: new Date(row[5] as number),
  };
  const conversation: ConversationMessage[] = (JSON.parse(row[6] as string) as PackedMessage[]).map((m) => {
    const message: ConversationMessage = {
      id: m[0],
      sessionId,
      seq: m[1],
      role: m[2],
      text: m[3],
      status: m[4],
      source: m[5],
      supersededAt: m[6] === null ? null : new Date(m[6]),
    };
    if (m[7] !== null) message.coach = m[7];
    if (m[8] !== null) message.judge = m[8];
    return message;
  });
  // json_group_array keeps the order rows arrive in; sorting here makes it a promise.
  conversation.sort((a, b) => a.seq - b.seq);
  return { session, conversation, streamingAt: row[7] === null ? null : Number(row[7]) };
}

type PackedMessage = [
  string,
  number,
  MessageRow['role'],
  string,
  MessageRow['status'],
  string | null,
  number | null,
  StoredRead | null,
  (StoredRead & { scorer: string }) | null,
];

const packedRead = (
  t: string,
  withScorer: boolean,
) => `case when ${t}.message_id is null then null else json_object(${withScorer ? `'scorer', ${t}.scorer, ` : ''}
    'labels', json(${t}.labels), 'evidence', json(${t}.evidence), 'scores', json(${t}.scores), 'tip', ${t}.tip,
    'trustBefore', ${t}.trust_before, 'trustAfter', ${t}.trust_after, 'reason', ${t}.reason) end`;
const TURN_CONTEXT_SQL = `
  select s.id, s.scenario_id, s.status, s.safety_flagged_at, s.created_at, s.updated_at,
    (select json_group_array(json_array(m.id, m.seq, m.role, m.text, m.status, m.source, m.superseded_at, json(${packedRead('c', false)}), json(${packedRead('j', true)})))
      from (select * from messages where session_id = s.id order by seq) m
      left join coach_reads c on c.message_id = m.id and c.scorer = 'offline'
      left join coach_reads j on j.message_id = m.id and j.scorer <> 'offline'),
    (select max(updated_at) from messages where session_id = s.id and status = 'streaming'),
    s.follow_up_of,
    s.import_id
  from sessions s
  where s.id = ?`;

/** `taken`: the person's message id is already used by a message of another session. */
export type StartTurnResult = 'started' | 'busy' | 'taken';

export interface NewTurn {
  sessionId: string;
  userMessageId: string;
  text: string;
  coach: NewCoachRead;
  replyId: string;
  source: string;
  staleAfterMs: number;
  /** Set when this turn resolves the conversation. */
  resolves?: boolean;
  /** Set when the turn raised a safety concern. */
  safetyFlag?: boolean;
}

/**
 * Stores the person's turn, a streaming placeholder for the reply, the coach read and any
 * change to the session in one batch (one transaction, one round trip). The two messages go
 * in by one statement that claims the session: only when no other reply of it is streaming
 * (a stale one, untouched for `staleAfterMs`, does not count: its writer died). Every later
 * statement is conditional on that claim, so two racing requests cannot both win and a lost
 * claim writes nothing. Prepared once (hot-sql.ts): this is on every turn's path to the first word.
 */
export async function startTurn(db: Db, input: NewTurn): Promise<StartTurnResult> {
  const { coach } = input;
  const now = Date.now();
  const statements: InStatement[] = [
    {
      sql: `with base as (select coalesce(max(seq), -1) as top from messages where session_id = :session),
          free as (select 1 from messages where session_id = :session and status = 'streaming' and updated_at > :staleBefore)
        insert into messages (id, session_id, seq, role, text, status, source)
        select :userId, :session, top + 1, 'user', :text, 'complete', null from base where not exists (select 1 from free)
        union all
        select :replyId, :session, top + 2, 'assistant', '', 'streaming', :source from base where not exists (select 1 from free)
        returning seq`,
      args: {
        session: input.sessionId,
        staleBefore: now - input.staleAfterMs,
        userId: input.userMessageId,
        text: input.text,
        replyId: input.replyId,
        source: input.source,
      },
    },
    {
      sql: `insert into coach_reads (message_id, scorer, labels, evidence, scores, tip, trust_before, trust_after, reason)
        select :id, :scorer, :labels, :evidence, :scores, :tip, :before, :after, :reason
        where exists (select 1 from messages where id = :replyId)`,
      args: {
        id: input.userMessageId,
        scorer: coach.scorer,
        labels: JSON.stringify(coach.labels),
        evidence: JSON.stringify(coach.evidence),
        scores: coach.scores ? JSON.stringify(coach.scores) : null,
        tip: coach.tip,
        before: coach.trustBefore,
        after: coach.trustAfter,
        reason: coach.reason,
        replyId: input.replyId,
      },
    },
  ];
  if (input.resolves || input.safetyFlag) {
    statements.push({
      sql: `update sessions set
          status = case when :resolves = 1 and status = 'active' then 'resolved' else status end,
          safety_flagged_at = case when :flag = 1 then :now else safety_flagged_at end,
          updated_at = :now
        where id = :session and exists (select 1 from messages where id = :replyId)`,
      args: { resolves: input.resolves ? 1 : 0, flag: input.safetyFlag ? 1 : 0, now, session: input.sessionId, replyId: input.replyId },
    });
  }
  try {
    const [claim] = await db.$hot.writeBatch(statements);
    return claim!.length > 0 ? 'started' : 'busy';
  } catch (cause) {
    // The batch is one transaction: a clash on the person's message id undoes the claim too.
    if (isPrimaryKeyClash(cause)) return 'taken';
    throw cause;
  }
}

function isPrimaryKeyClash(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  }
  return false;
}

/**
 * A new reply to a turn already stored (a retry after a failed or cut reply): claims the
 * session for it (as startTurn does) and takes the previous reply out of the conversation,
 * in one batch; the second statement is conditional on the claim.
 */
export async function startRetry(
  db: Db,
  input: { sessionId: string; previousReplyId?: string; replyId: string; source: string; staleAfterMs: number },
): Promise<StartTurnResult> {
  const now = Date.now();
  const statements: InStatement[] = [
    {
      sql: `insert into messages (id, session_id, seq, role, text, status, source)
        select :replyId, :session, (select coalesce(max(seq), -1) + 1 from messages where session_id = :session), 'assistant', '', 'streaming', :source
        where not exists (select 1 from messages where session_id = :session and status = 'streaming' and updated_at > :staleBefore)
        returning seq`,
      args: { replyId: input.replyId, session: input.sessionId, source: input.source, staleBefore: now - input.staleAfterMs },
    },
  ];
  if (input.previousReplyId) {
    statements.push({
      sql: 'update messages set superseded_at = :now where id = :previous and exists (select 1 from messages where id = :replyId)',
      args: { now, previous: input.previousReplyId, replyId: input.replyId },
    });
  }
  const [claim] = await db.$hot.writeBatch(statements);
  return claim!.length > 0 ? 'started' : 'busy';
}

/** Writes the reply's text so far and its status: on the streaming path, so a statement prepared once. */
export async function updateReply(db: Db, id: string, update: { text: string; status: MessageRow['status'] }): Promise<void> {
  await db.$hot.run('update messages set text = ?, status = ?, updated_at = ? where id = ?', [update.text, update.status, Date.now(), id]);
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
