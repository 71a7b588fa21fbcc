/**
 * Imported conversations (issue 14) and the sessions practised from them: one verb-named
 * function each, taking the database first. Deleting an import deletes every session started
 * from it, in the same atomic batch: what was imported leaves no copy behind.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { coachReads, commitments, imports, messages, sessions, writtenSummaries, type ImportRow, type SessionRow } from '../schema.js';
import type { NewCoachRead } from './messages.js';

export type NewImport = Omit<ImportRow, 'createdAt'>;

export async function createImport(db: Db, input: NewImport): Promise<ImportRow> {
  const [row] = await db.insert(imports).values(input).returning();
  return row!;
}

export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id)).limit(1);
  return row;
}

/** Who is who in an import, without its turns: what a session practised from it needs. */
export async function findImportPeople(db: Db, id: string): Promise<Pick<ImportRow, 'speakers' | 'you'> | undefined> {
  const [row] = await db.select({ speakers: imports.speakers, you: imports.you }).from(imports).where(eq(imports.id, id)).limit(1);
  return row;
}

export interface ImportSummaryRow {
  id: string;
  title: string;
  speakers: string[];
  you: string;
  turns: number;
  createdAt: Date;
}

/** Newest first, without the turns' text: a list never needs it. */
export async function listImports(db: Db): Promise<ImportSummaryRow[]> {
  const rows = await db
    .select({
      id: imports.id,
      title: imports.title,
      speakers: imports.speakers,
      you: imports.you,
      turns: sql<number>`json_array_length(${imports.turns})`,
      createdAt: imports.createdAt,
    })
    .from(imports)
    .orderBy(desc(imports.createdAt), desc(imports.id));
  return rows.map((row) => ({ ...row, turns: Number(row.turns) }));
}

/**
 * Deletes the import and every session practised from it, with everything a session owns
 * (messages, reads, commitments, written summaries); a check-in on one of them stays, unlinked,
 * as deleting a session does.
 */
export async function deleteImport(db: Db, id: string): Promise<boolean> {
  const fromIt = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.importId, id));
  const theirMessages = db.select({ id: messages.id }).from(messages).where(inArray(messages.sessionId, fromIt));
  const [, , , , , , deleted] = await db.batch([
    db.update(sessions).set({ followUpOf: null }).where(inArray(sessions.followUpOf, fromIt)),
    db.delete(commitments).where(inArray(commitments.sessionId, fromIt)),
    db.delete(writtenSummaries).where(inArray(writtenSummaries.sessionId, fromIt)),
    db.delete(coachReads).where(inArray(coachReads.messageId, theirMessages)),
    db.delete(messages).where(inArray(messages.sessionId, fromIt)),
    db.delete(sessions).where(eq(sessions.importId, id)),
    db.delete(imports).where(eq(imports.id, id)).returning({ id: imports.id }),
  ]);
  return deleted.length > 0;
}

export interface ImportedMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  /** The coach's read of a turn of yours, so the partner's state folds from where the thread was. */
  coach?: NewCoachRead;
}

/** A session practised from an import: the imported turns before the chosen one are its first messages. */
export async function createImportSession(
  db: Db,
  input: { id: string; scenarioId: string; importId: string; messages: readonly ImportedMessage[] },
): Promise<SessionRow> {
  const reads = input.messages.flatMap((m) => (m.coach ? [{ ...m.coach, messageId: m.id }] : []));
  const [session] = await db.batch([
    db.insert(sessions).values({ id: input.id, scenarioId: input.scenarioId, importId: input.importId }).returning(),
    ...(input.messages.length
      ? [
          db.insert(messages).values(
            input.messages.map((m, seq) => ({
              id: m.id,
              sessionId: input.id,
              seq,
              role: m.role,
              text: m.text,
              status: 'complete' as const,
              source: 'imported',
            })),
          ),
        ]
      : []),
    ...(reads.length ? [db.insert(coachReads).values(reads)] : []),
  ]);
  return session[0]!;
}
