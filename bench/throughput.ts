/**
 * (b) Stored turns per second with the built-in partner (no pacing): many clients, each in
 * its own session doing sequential turns, against the real server on a temp-file database;
 * (e) every turn checked in the database afterwards. The baseline is the same clients
 * calling the cheapest endpoint (`GET /api/health`) on the same server: the HTTP floor.
 */
import { checkIntegrity, sumIntegrity, type Integrity, type PostedTurn } from './integrity.js';
import { getStatus, postJson, resetConnections, streamPost, uiMessageText } from './load-client.js';
import type { RehearseInstance } from './rehearse-instance.js';
import { median } from './stats.js';
import { SCENARIO_ID, turnText } from './turn-texts.js';

export interface ThroughputResult {
  clients: number;
  turnsPerClient: number;
  /** Median over repetitions. */
  turnsPerSecond: number;
  perRep: number[];
  /** Health checks per second by the same clients: what HTTP alone allows. */
  baselinePerSecond: number;
  integrity: Integrity;
}

export async function measureThroughput({
  rehearse,
  clients,
  turnsPerClient,
  reps,
}: {
  rehearse: RehearseInstance;
  clients: number;
  turnsPerClient: number;
  reps: number;
}): Promise<ThroughputResult> {
  await runTurns(rehearse, 10, 3);
  const perRep: number[] = [];
  const baseline: number[] = [];
  const checks: Integrity[] = [];
  for (let rep = 0; rep < reps; rep++) {
    baseline.push(await runHealthChecks(rehearse, clients, turnsPerClient));
    const run = await runTurns(rehearse, clients, turnsPerClient);
    perRep.push(run.posted.length / run.seconds);
    checks.push(await checkIntegrity(rehearse.database, run.posted));
  }
  return { clients, turnsPerClient, turnsPerSecond: median(perRep), perRep, baselinePerSecond: median(baseline), integrity: sumIntegrity(checks) };
}

async function runTurns(rehearse: RehearseInstance, clients: number, turns: number): Promise<{ posted: PostedTurn[]; seconds: number }> {
  resetConnections();
  const sessions: string[] = [];
  for (let i = 0; i < clients; i++) {
    const created = await postJson<{ id: string }>(`${rehearse.url}/api/sessions`, { scenarioId: SCENARIO_ID });
    sessions.push(created.body.id);
  }
  const posted: PostedTurn[] = [];
  const started = performance.now();
  await Promise.all(
    sessions.map(async (sessionId, i) => {
      for (let t = 0; t < turns; t++) {
        const messageId = `tp-${sessionId}-${t}`;
        const timing = await streamPost(
          `${rehearse.url}/api/sessions/${sessionId}/chat`,
          { message: { id: messageId, role: 'user', parts: [{ type: 'text', text: turnText(i * 3 + t) }] } },
          uiMessageText,
        );
        posted.push({ sessionId, messageId, text: timing.text, httpStatus: timing.status });
      }
    }),
  );
  return { posted, seconds: (performance.now() - started) / 1000 };
}

async function runHealthChecks(rehearse: RehearseInstance, clients: number, perClient: number): Promise<number> {
  resetConnections();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const status = await getStatus(`${rehearse.url}/api/health`);
        if (status !== 200) throw new Error(`health check answered ${status}`);
      }
    }),
  );
  return (clients * perClient) / ((performance.now() - started) / 1000);
}
