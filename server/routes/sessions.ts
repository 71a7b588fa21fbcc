/** Practice sessions: start, list, read, end, rewind, delete. The chat turn has its own file. */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { createSessionBody, rewindBody, type ApiSession } from '../api/schemas.js';
import { presentMessage, presentSessionSummary } from '../api/present.js';
import { listConversation, listMessages, supersedeFrom } from '../db/queries/messages.js';
import { createSession, deleteAllSessions, deleteSession, listSessions, updateSessionStatus } from '../db/queries/sessions.js';
import type { SessionRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../http/read-body.js';
import { checkInContextFor } from '../http/check-in-context.js';
import { checkInOpeningFor, requireFollowedSession } from '../http/check-in-opening.js';
import { recordCommitments } from '../http/record-commitments.js';
import { requireSession } from '../http/require-session.js';
import { labelledTurns } from '../db/queries/labelled-turns.js';
import { summariseArc } from '../practice/partner/arc-stages.js';
import { foldPartnerState } from '../practice/partner/partner-state.js';
import { sessionScenario } from '../chat/session-scenario.js';
import { startFromImport } from '../chat/start-from-import.js';

async function loadSessionView(ctx: AppContext, session: SessionRow, includeSuperseded = false): Promise<ApiSession> {
  const all = await listMessages(ctx.db, session.id, { includeSuperseded });
  const active = all.filter((m) => m.supersededAt === null);
  const scenario = await sessionScenario(ctx, session, active);
  const state = scenario ? foldPartnerState(scenario, labelledTurns(active), await checkInContextFor(ctx, scenario, session)) : undefined;
  const trust = state ? state.trust : (active.filter((m) => m.coach).at(-1)?.coach?.trustAfter ?? 0);
  return {
    id: session.id,
    scenarioId: session.scenarioId,
    importId: session.importId,
    partnerName: scenario?.partner.name ?? null,
    status: session.status,
    trust,
    resolveAt: scenario?.trust.resolveAt ?? 100,
    arc: state ? summariseArc(state) : null,
    safetyFlagged: session.safetyFlaggedAt !== null,
    createdAt: session.createdAt.toISOString(),
    followUpOf: session.followUpOf,
    messages: all.map(presentMessage),
  };
}

export function sessionRoutes(ctx: AppContext) {
  return new Hono()
    .post('/', async (c) => {
      const body = await readJsonBody(c, createSessionBody);
      if (body.importId !== undefined) {
        const session = await startFromImport(ctx, { importId: body.importId, fromTurn: body.fromTurn!, kind: body.kind });
        return c.json(await loadSessionView(ctx, session), 201);
      }
      const { followUpOf } = body;
      const scenarioId = body.scenarioId!;
      // A check-in on practice from an imported conversation is with the same real person.
      const followed = followUpOf ? await requireFollowedSession(ctx, followUpOf) : undefined;
      const importId = followed?.importId && followed.scenarioId === scenarioId ? followed.importId : undefined;
      const scenario = importId ? await sessionScenario(ctx, { scenarioId, importId }, []) : ctx.scenarios.get(scenarioId);
      if (!scenario) throw new AppError('not_found', `no scenario with id "${scenarioId}"`);
      const id = randomUUID();
      const opening = followed ? await checkInOpeningFor(ctx, scenario, followed, id) : scenario.partner.opening;
      const session = await createSession(ctx.db, { id, scenarioId, openingId: randomUUID(), opening, followUpOf, importId });
      ctx.logger.info('session.created', { sessionId: session.id, scenarioId, checkIn: !!followUpOf });
      return c.json(await loadSessionView(ctx, session), 201);
    })
    .get('/', async (c) => {
      const rows = await listSessions(ctx.db);
      return c.json(rows.map((row) => presentSessionSummary(row, ctx.scenarios.played(row.scenarioId))));
    })
    .delete('/', async (c) => {
      if (c.req.query('confirm') !== 'all') throw new AppError('bad_request', 'confirm: add ?confirm=all to delete every session');
      const deleted = await deleteAllSessions(ctx.db);
      ctx.logger.info('session.deleted_all', { count: deleted });
      return c.body(null, 204);
    })
    .get('/:id', async (c) => {
      const session = await requireSession(ctx, c.req.param('id'));
      return c.json(await loadSessionView(ctx, session, c.req.query('history') === '1'));
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await requireSession(ctx, id);
      await deleteSession(ctx.db, id);
      ctx.logger.info('session.deleted', { sessionId: id });
      return c.body(null, 204);
    })
    .post('/:id/end', async (c) => {
      const session = await requireSession(ctx, c.req.param('id'));
      if (session.status !== 'ended') await updateSessionStatus(ctx.db, session.id, 'ended');
      const ended = { ...session, status: 'ended' as const };
      // Ending is when a person expects their promises to be kept for them.
      await recordCommitments(ctx, ended, labelledTurns(await listMessages(ctx.db, session.id)));
      return c.json(await loadSessionView(ctx, ended));
    })
    .post('/:id/rewind', async (c) => {
      const session = await requireSession(ctx, c.req.param('id'));
      const { messageId } = await readJsonBody(c, rewindBody);
      // One read of the conversation answers every question the rewind asks.
      const all = await listConversation(ctx.db, session.id);
      const message = all.find((m) => m.id === messageId);
      if (!message) throw new AppError('not_found', `messageId: no message "${messageId}" in this session`);
      if (message.role !== 'user') throw new AppError('bad_request', 'messageId: rewind to one of your own turns');
      if (message.supersededAt) throw new AppError('conflict', 'messageId: that turn was already rewound');
      const active = all.filter((m) => m.supersededAt === null);
      if (active.some((m) => m.status === 'streaming')) throw new AppError('conflict', 'a reply is still streaming for this session; wait for it to finish');
      await supersedeFrom(ctx.db, session.id, message.seq);
      // The conversation is shorter now: whether it is resolved follows from what remains.
      const remaining = active.filter((m) => m.seq < message.seq);
      const scenario = await sessionScenario(ctx, session, remaining);
      const resolved = scenario ? foldPartnerState(scenario, labelledTurns(remaining)).resolved : false;
      const status = session.status === 'ended' ? 'active' : resolved ? 'resolved' : 'active';
      await updateSessionStatus(ctx.db, session.id, status);
      ctx.logger.info('session.rewound', { sessionId: session.id, messageId });
      return c.json(await loadSessionView(ctx, { ...session, status }));
    });
}
