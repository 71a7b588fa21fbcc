/**
 * Progress over time: for each session, how often each criterion showed in the person's turns;
 * and the highlights worth celebrating (personal bests, promises kept, what improved per scenario).
 */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { listSessions, listTurnLabelsBySession } from '../db/queries/sessions.js';
import { CRITERIA } from '../practice/criteria.js';
import { presentSessionSummary } from '../api/present.js';
import type { ApiProgressPoint } from '../api/schemas.js';
import { listCommitments } from '../db/queries/commitments.js';
import { progressHighlights, type ProgressHighlights } from '../practice/follow-through/progress.js';
import { readAttempts } from '../http/progress-attempts.js';

export function progressRoutes(ctx: AppContext) {
  return new Hono()
    .get('/highlights', async (c) => {
      const [attempts, commitments] = await Promise.all([readAttempts(ctx), listCommitments(ctx.db)]);
      const answer: ProgressHighlights = progressHighlights(attempts, commitments);
      return c.json(answer);
    })
    .get('/', async (c) => {
      const [sessions, bySession] = await Promise.all([listSessions(ctx.db), listTurnLabelsBySession(ctx.db)]);
      const points = sessions
        .filter((session) => session.turns > 0)
        .map((session) => {
          const turns = bySession.get(session.id) ?? [];
          const scenario = ctx.scenarios.played(session.scenarioId);
          const { id, scenarioId, createdAt, turns: count, trust, status } = presentSessionSummary(session, scenario);
          const criteria = Object.fromEntries(
            CRITERIA.map((c) => [c, turns.length ? turns.filter((labels) => labels.includes(c)).length / turns.length : 0]),
          ) as ApiProgressPoint['criteria'];
          const point: ApiProgressPoint = { sessionId: id, scenarioId, kind: scenario?.kind ?? null, createdAt, turns: count, trust, status, criteria };
          return point;
        })
        .reverse();
      return c.json(points);
    });
}
