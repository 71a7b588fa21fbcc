/**
 * Several worker processes on one port and one database (REHEARSE_WORKERS): turns from many
 * sessions at once are each stored exactly once with a complete reply, and SIGTERM lets the
 * workers drain and the whole server exit cleanly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { killAll, queryDatabase, startServer, startTurn, streamReader, tempDatabase } from './server-process.js';

const temp = tempDatabase();
afterAll(async () => {
  await killAll();
  temp.remove();
});

// Three processes each load the scorer's English model before the first turn: ~10 s on a quiet
// 2-core machine, over 20 s when it is shared. This is a correctness test, not a timing one.
const STARTS_THREE_PROCESSES_MS = 60_000;

describe('REHEARSE_WORKERS', () => {
  it('serves turns from two workers sharing the database, then drains and exits on SIGTERM', { timeout: STARTS_THREE_PROCESSES_MS }, async () => {
    const server = await startServer({ DATABASE_URL: temp.url, REHEARSE_WORKERS: '2', REHEARSE_BUILTIN_PACE_MS: '0' });
    expect(server.stdout()).toMatch(/ready at .*2 workers/);
    const turns = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const { sessionId, response } = await startTurn(server.baseUrl, "I'm sorry I wasn't there. That was my fault.", `w-turn-${i}`);
        expect(response.status).toBe(200);
        const { text } = await streamReader(response).until();
        return { sessionId, text };
      }),
    );
    const rows = await queryDatabase<{ session_id: string; role: string; status: string; text: string }>(
      temp.url,
      "select session_id, role, status, text from messages where source is null or source != 'opening' order by session_id, seq",
    );
    expect(rows.filter((r) => r.role === 'user')).toHaveLength(12);
    for (const { sessionId, text } of turns) {
      expect(rows.find((r) => r.session_id === sessionId && r.role === 'assistant')).toMatchObject({ status: 'complete', text });
    }
    const workers = new Set(
      server
        .stderr()
        .split('\n')
        .filter((l) => l.includes('server.listening'))
        .map((l) => JSON.parse(l).worker),
    );
    expect(workers.size).toBe(2);

    server.child.kill('SIGTERM');
    expect(await server.exited).toMatchObject({ code: 0 });
  });
});
