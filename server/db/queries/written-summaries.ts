/** Written summaries of listening sessions: the latest one per session, with its review. */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { writtenSummaries, type WrittenSummaryRow } from '../schema.js';
import type { SummaryReview } from '../../practice/coach/written-summary.js';

export async function saveWrittenSummary(db: Db, input: { sessionId: string; text: string; review: SummaryReview }): Promise<void> {
  await db
    .insert(writtenSummaries)
    .values(input)
    .onConflictDoUpdate({ target: writtenSummaries.sessionId, set: { text: input.text, review: input.review, createdAt: new Date() } });
}

export async function findWrittenSummary(db: Db, sessionId: string): Promise<WrittenSummaryRow | undefined> {
  const [row] = await db.select().from(writtenSummaries).where(eq(writtenSummaries.sessionId, sessionId)).limit(1);
  return row;
}
