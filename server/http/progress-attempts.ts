/**
 * Past sessions as progress reads them (follow-through/progress.ts): the labels of each of
 * the person's turns in order, the trust reached and whether it resolved (check-ins left out).
 * One read for the progress highlights (every session) and the scorecard's "what improved"
 * (the sessions of its scenario only: it compares with one of them, so it need not read the
 * whole history on every scorecard).
 */
import type { AppContext } from '../app-context.js';
import { presentSessionSummary } from '../api/present.js';
import { listSessions, listTurnLabelsBySession, type SessionFilter } from '../db/queries/sessions.js';
import type { Attempt } from '../practice/follow-through/progress.js';

export async function readAttempts(ctx: AppContext, filter: SessionFilter = {}): Promise<Attempt[]> {
  const [sessions, bySession] = await Promise.all([listSessions(ctx.db, filter), listTurnLabelsBySession(ctx.db, filter)]);
  return sessions.flatMap((row) => {
    const scenario = ctx.scenarios.get(row.scenarioId);
    // A check-in follows up a promise rather than trying the scenario again, so it is no attempt to compare.
    if (!scenario || row.followUpOf) return [];
    const summary = presentSessionSummary(row, scenario);
    return [
      {
        sessionId: row.id,
        scenarioId: row.scenarioId,
        kind: scenario.kind,
        createdAt: summary.createdAt,
        resolved: row.status === 'resolved',
        trust: summary.trust,
        turns: bySession.get(row.id) ?? [],
      },
    ];
  });
}
