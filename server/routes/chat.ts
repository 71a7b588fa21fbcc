/** The chat turn: validates, then hands over to runTurn, which reads, stores and streams. */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { chatBody, idSchema } from '../api/schemas.js';
import { runTurn } from '../chat/run-turn.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../http/read-body.js';

export function chatRoutes(ctx: AppContext) {
  return new Hono().post('/:id/chat', async (c) => {
    const id = c.req.param('id');
    if (!idSchema.safeParse(id).success) throw new AppError('bad_request', `session id "${id}" is not a valid id`);
    const body = await readJsonBody(c, chatBody);
    return runTurn(ctx, id, body);
  });
}
