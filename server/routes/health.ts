/** Readiness: answers once the database is migrated and the scenarios are loaded. */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { pingDatabase } from '../db/queries/sessions.js';
import { AppError } from '../errors.js';

export function healthRoutes(ctx: AppContext) {
  return new Hono().get('/', async (c) => {
    try {
      await pingDatabase(ctx.db);
    } catch (cause) {
      throw new AppError('unavailable', 'the database is not reachable', { cause });
    }
    return c.json({ ok: true, engine: ctx.engine.name, model: ctx.engine.description, scenarios: ctx.scenarios.list().length });
  });
}
