/** The session a request names, or the fitting error: shared by the routes that take `:id`. */
import type { AppContext } from '../app-context.js';
import { idSchema } from '../api/schemas.js';
import { findSession } from '../db/queries/sessions.js';
import type { SessionRow } from '../db/schema.js';
import { AppError } from '../errors.js';

export async function requireSession(ctx: AppContext, id: string): Promise<SessionRow> {
  if (!idSchema.safeParse(id).success) throw new AppError('bad_request', `session id "${id}" is not a valid id`);
  const session = await findSession(ctx.db, id);
  if (!session) throw new AppError('not_found', `no session with id "${id}"`);
  return session;
}
