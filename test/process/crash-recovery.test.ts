/**
 * The server killed outright (kill -9) in the middle of a streamed reply, then started again
 * on the same database file: nothing the person typed is lost, and no reply is left
 * `streaming` to block the session. Also: starting twice on one database migrates once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { killAll, queryDatabase, startServer, streamReader, startTurn, tempDatabase, type TempDatabase } from './server-process.js';

const TURN = 'I missed the pickup at arrivals and left you waiting two hours. That is on me.';
const temps: TempDatabase[] = [];

afterAll(async () => {
  await killAll();
  for (const temp of temps) temp.remove();
});

function freshDatabase(): TempDatabase {
  const temp = tempDatabase();
  temps.push(temp);
  return temp;
}

interface ApiMessage {
  id: string;
  role: string;
  text: string;
  status: string;
}

describe('kill -9 during a streamed reply', () => {
  it('restarts on the same database with the turn kept and the cut reply settled', async () => {
    const db = freshDatabase();
    // The built-in partner, slowed to one word every 200 ms, so the kill lands mid-reply.
    const env = { DATABASE_URL: db.url, REHEARSE_BUILTIN_PACE_MS: '200' };
    const first = await startServer(env);
    const { sessionId, response } = await startTurn(first.baseUrl, TURN, 'turn-1');
    expect(response.status).toBe(200);
    // Four words in, at least one 250 ms flush has written text to the database.
    const seen = await streamReader(response).until((text) => text.trim().split(/\s+/).length >= 4);
    expect(seen.ended).toBe(false);
    const [before] = await queryDatabase<{ status: string }>(
      db.url,
      "select status from messages where session_id = ? and role = 'assistant' order by seq desc limit 1",
      [sessionId],
    );
    expect(before?.status).toBe('streaming');

    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const second = await startServer(env);
    expect(second.stderr()).toContain('db.settled_interrupted_replies');
    const session = (await (await fetch(`${second.baseUrl}/api/sessions/${sessionId}`)).json()) as { messages: ApiMessage[] };
    const [opening, turn, reply] = session.messages;
    expect(opening).toMatchObject({ role: 'assistant', status: 'complete' });
    expect(turn).toMatchObject({ id: 'turn-1', role: 'user', text: TURN, status: 'complete' });
    // `partial`, not `failed`: text had been flushed, and it is what the client had been shown.
    expect(reply!.status).toBe('partial');
    expect(reply!.text.length).toBeGreaterThan(0);
    expect(seen.text.startsWith(reply!.text)).toBe(true);

    // The session is not blocked by the dead stream: the next turn is answered.
    const next = await fetch(`${second.baseUrl}/api/sessions/${sessionId}/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: { id: 'turn-2', role: 'user', parts: [{ type: 'text', text: 'Are you still there?' }] } }),
    });
    expect(next.status).toBe(200);
    await next.body?.cancel();
  });
});

describe('migrations', () => {
  it('are applied once: a second start on the same database changes nothing and keeps the data', async () => {
    const db = freshDatabase();
    const env = { DATABASE_URL: db.url, REHEARSE_BUILTIN_PACE_MS: '0' };
    const schemaOf = () =>
      queryDatabase<{ name: string; sql: string | null }>(db.url, "select name, sql from sqlite_master where name not like 'sqlite_%' order by name");
    const migrationsOf = () => queryDatabase<{ hash: string }>(db.url, 'select hash from __drizzle_migrations order by id');

    const first = await startServer(env);
    const created = (await (
      await fetch(`${first.baseUrl}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"scenarioId":"airport-at-midnight"}',
      })
    ).json()) as { id: string };
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    const schema = await schemaOf();
    const applied = await migrationsOf();
    expect(applied.length).toBeGreaterThan(0);

    const second = await startServer(env);
    expect((await fetch(`${second.baseUrl}/api/health`)).status).toBe(200);
    expect((await fetch(`${second.baseUrl}/api/sessions/${created.id}`)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(await schemaOf()).toEqual(schema);
    expect(await migrationsOf()).toEqual(applied);
  });
});
