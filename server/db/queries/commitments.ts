/**
 * Commitment queries: one verb-named function each, taking the database first. Deleted
 * commitments stay as tombstones (text wiped) so recording a session again cannot revive them;
 * every read here leaves them out.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { commitments, type CommitmentRow } from '../schema.js';

export interface NewCommitments {
  sessionId: string;
  scenarioId: string;
  partner: string;
  drafts: readonly { text: string; key: string; due: string | null }[];
}

/** Stores the session's commitments not stored before; idempotent by (session, key). */
export async function saveCommitments(db: Db, input: NewCommitments): Promise<void> {
  if (input.drafts.length === 0) return;
  await db
    .insert(commitments)
    .values(
      input.drafts.map((draft) => ({
        id: randomUUID(),
        sessionId: input.sessionId,
        scenarioId: input.scenarioId,
        partner: input.partner,
        text: draft.text,
        sourceKey: draft.key,
        due: draft.due,
      })),
    )
    .onConflictDoNothing({ target: [commitments.sessionId, commitments.sourceKey] });
}

/**
 * The keys of every commitment recorded for the session, deleted ones included: a key here is
 * a promise already kept for the person, whatever they have done with it since.
 */
export async function listCommitmentKeys(db: Db, sessionId: string): Promise<Set<string>> {
  const rows = await db.select({ key: commitments.sourceKey }).from(commitments).where(eq(commitments.sessionId, sessionId));
  return new Set(rows.map((row) => row.key));
}

/** Open ones first, then by due date (undated last), then oldest first. */
export async function listCommitments(db: Db, filter: { sessionId?: string } = {}): Promise<CommitmentRow[]> {
  return db
    .select()
    .from(commitments)
    .where(and(isNull(commitments.deletedAt), filter.sessionId ? eq(commitments.sessionId, filter.sessionId) : undefined))
    .orderBy(asc(commitments.done), sql`${commitments.due} is null`, asc(commitments.due), asc(commitments.createdAt), asc(commitments.id));
}

export async function findCommitment(db: Db, id: string): Promise<CommitmentRow | undefined> {
  const [row] = await db
    .select()
    .from(commitments)
    .where(and(eq(commitments.id, id), isNull(commitments.deletedAt)))
    .limit(1);
  return row;
}

export async function updateCommitment(db: Db, id: string, patch: { done?: boolean; due?: string | null; text?: string }): Promise<CommitmentRow | undefined> {
  const [row] = await db
    .update(commitments)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(commitments.id, id), isNull(commitments.deletedAt)))
    .returning();
  return row;
}

/** Wipes the words and keeps the key, so the same promise is not recorded again. */
export async function deleteCommitment(db: Db, id: string): Promise<boolean> {
  const deleted = await db
    .update(commitments)
    .set({ text: '', due: null, deletedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(commitments.id, id), isNull(commitments.deletedAt)))
    .returning({ id: commitments.id });
  return deleted.length > 0;
}
