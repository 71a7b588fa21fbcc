/**
 * The LLM judge's cache in libSQL: one row per verdict, keyed by the hash the judge computes
 * (model, prompt version, kind, context, reply). A rerun of the same eval reads every verdict
 * from here and calls no model. Writing the same key again replaces the row.
 */
import { eq } from 'drizzle-orm';
import type { JudgeCache } from '../../practice/scoring/judge/index.js';
import type { Db } from '../client.js';
import { judgeCache } from '../schema.js';

export function createJudgeCache(db: Db): JudgeCache {
  return {
    async get(key) {
      const row = await db.query.judgeCache.findFirst({ columns: { result: true }, where: eq(judgeCache.key, key) });
      return row?.result;
    },
    async set(key, model, value) {
      const createdAt = new Date();
      await db
        .insert(judgeCache)
        .values({ key, model, result: value, createdAt })
        .onConflictDoUpdate({ target: judgeCache.key, set: { model, result: value, createdAt } });
    },
  };
}

/**
 * A cache whose database is opened on first use, for callers that build scorers
 * synchronously (the eval CLI's scorer registry). If opening fails, every call rejects and
 * the judge carries on uncached, logging a warning.
 */
export function createDeferredJudgeCache(open: () => Promise<Db>): JudgeCache {
  let cache: Promise<JudgeCache> | undefined;
  const ready = () => (cache ??= open().then(createJudgeCache));
  return {
    get: async (key) => (await ready()).get(key),
    set: async (key, model, value) => (await ready()).set(key, model, value),
  };
}
