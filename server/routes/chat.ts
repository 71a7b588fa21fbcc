/** The chat turn: validates, then hands over to runTurn, which stores and streams. */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { chatBody } from '../api/schemas.js';
import { runTurn } from '../chat/run-turn.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../http/read-body.js';
import { requireSession } from './sessions.js';

export function chatRoutes(ctx: AppContext) {
  return new Hono().post('/:id/chat', async (c) => {
    const session = await requireSession(ctx, c.req.param('id'));
    const body = await readJsonBody(c, chatBody);
    const scenario = ctx.scenarios.get(session.scenarioId);
    if (!scenario) throw new AppError('not_found', `the scenario "${session.scenarioId}" of this session is no longer installed`);
    return runTurn(ctx, session, scenario, body);
  });
}
