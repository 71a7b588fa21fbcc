/**
 * Session queries: one verb-named function each, taking the database first.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { Criterion } from '../../practice/criteria.js';
import { coachReads, commitments, messages, sessions, writtenSummaries, type SessionRow } from '../schema.js';

export type SessionStatus = SessionRow['status'];

export async function createSession(
  db: Db,
  input: { id: string; scenarioId: string; openingId: string; opening: string; followUpOf?: string; importId?: string },
): Promise<SessionRow> {
  const [session] = await db.batch([
    db
      .insert(sessions)
      .values({ id: input.id, scenarioId: input.scenarioId, followUpOf: input.followUpOf ?? null, importId: input.importId ?? null })
      .returning(),
    db.insert(messages).values({
      id: input.openingId,
      sessionId: input.id,
      seq: 0,
      role: 'assistant',
      text: input.opening,
      status: 'complete',
      source: 'opening',
    }),
  ]);
  return session[0]!;
}

/** Readiness: the database answers. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.run(sql`select 1`);
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return session;
}

export interface SessionSummaryRow extends SessionRow {
  /**
   * Trust after the latest turn still in the conversation, from its better read (the judge's
   * when it has arrived, as the session view's fold uses it); null before the first turn.
   */
  lastTrust: number | null;
  turns: number;
}

/** What a read of past sessions may be narrowed to: the sessions of one scenario. */
export interface SessionFilter {
  scenarioId?: string;
}

export async function listSessions(db: Db, filter: SessionFilter = {}): Promise<SessionSummaryRow[]> {
  const activeUserTurns = sql`(select count(*) from ${messages} m where m.session_id = ${sessions.id} and m.role = 'user' and m.superseded_at is null)`;
  const lastTrust = sql`(select coalesce((select j.trust_after from ${coachReads} j where j.message_id = m.id and j.scorer <> 'offline'), cr.trust_after)
      from ${coachReads} cr join ${messages} m on m.id = cr.message_id
      where m.session_id = ${sessions.id} and m.superseded_at is null and cr.scorer = 'offline'
      order by m.seq desc limit 1)`;
  const rows = await db
    .select({ session: sessions, turns: sql<number>`${activeUserTurns}`, lastTrust: sql<number | null>`${lastTrust}` })
    .from(sessions)
    .where(filter.scenarioId === undefined ? undefined : eq(sessions.scenarioId, filter.scenarioId))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
  return rows.map(({ session, turns, lastTrust }) => ({ ...session, turns: Number(turns), lastTrust: lastTrust === null ? null : Number(lastTrust) }));
}

export async function updateSessionStatus(db: Db, id: string, status: SessionStatus): Promise<void> {
  await db.update(sessions).set({ status, updatedAt: new Date() }).where(eq(sessions.id, id));
}

export async function flagSessionSafety(db: Db, id: string): Promise<void> {
  await db.update(sessions).set({ safetyFlaggedAt: new Date(), updatedAt: new Date() }).where(eq(sessions.id, id));
}

/**
 * Deletes the session and everything stored for it. Explicit deletes, in one atomic batch,
 * rather than trusting every connection to have foreign keys switched on.
 */
export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const ids = db.select({ id: messages.id }).from(messages).where(eq(messages.sessionId, id));
  const [, , , , , deleted] = await db.batch([
    // A check-in on this session stays, as its own conversation, no longer linked.
    db.update(sessions).set({ followUpOf: null }).where(eq(sessions.followUpOf, id)),
    db.delete(commitments).where(eq(commitments.sessionId, id)),
    db.delete(writtenSummaries).where(eq(writtenSummaries.sessionId, id)),
    db.delete(coachReads).where(sql`${coachReads.messageId} in ${ids}`),
    db.delete(messages).where(eq(messages.sessionId, id)),
    db.delete(sessions).where(eq(sessions.id, id)).returning({ id: sessions.id }),
  ]);
  return deleted.length > 0;
}

export async function deleteAllSessions(db: Db): Promise<number> {
  const [, , , , deleted] = await db.batch([
    db.delete(commitments),
    db.delete(writtenSummaries),
    db.delete(coachReads),
    db.delete(messages),
    db.delete(sessions).returning({ id: sessions.id }),
  ]);
  return deleted.length;
}

/**
 * The offline labels of every turn still in a conversation, by session, in the order they were
 * said (progress compares the turn a move first showed): what progress and "what improved" read.
 * Narrowed to one scenario, it reads only that scenario's turns (a scorecard compares with those alone).
 */
export async function listTurnLabelsBySession(db: Db, filter: SessionFilter = {}): Promise<Map<string, Criterion[][]>> {
  // A subquery rather than a join: the turns of the scenario's sessions are then found by the messages' (session, seq) index.
  const inScenario =
    filter.scenarioId === undefined
      ? undefined
      : inArray(messages.sessionId, db.select({ id: sessions.id }).from(sessions).where(eq(sessions.scenarioId, filter.scenarioId)));
  const rows = await db
    .select({ sessionId: messages.sessionId, labels: coachReads.labels })
    .from(messages)
    .innerJoin(coachReads, and(eq(coachReads.messageId, messages.id), eq(coachReads.scorer, 'offline')))
    .where(and(eq(messages.role, 'user'), isNull(messages.supersededAt), inScenario))
    .orderBy(asc(messages.sessionId), asc(messages.seq));
  const bySession = new Map<string, Criterion[][]>();
  for (const { sessionId, labels } of rows) {
    const turns = bySession.get(sessionId);
    if (turns) turns.push(labels as Criterion[]);
    else bySession.set(sessionId, [labels as Criterion[]]);
  }
  return bySession;
}
