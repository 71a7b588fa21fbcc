/**
 * Stopping the server: SIGTERM in the middle of a reply drains (no new connections, the
 * reply in flight finishes and is stored), and a configuration that would expose
 * transcripts is refused before anything listens.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, streamWords, wordsOf, type FakeUpstream } from '../faults/fake-upstream.js';
import { killAll, queryDatabase, spawnServer, startServer, startTurn, streamReader, tempDatabase, type TempDatabase } from './server-process.js';

const TURN = 'You waited at arrivals for two hours because of me. I am sorry.';
let upstream: FakeUpstream;
const temps: TempDatabase[] = [];

beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(async () => {
  await killAll();
  await upstream.close();
  for (const temp of temps) temp.remove();
});

/** Resolves with the error code of a fresh TCP connection to the port, or `connected`. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

async function refusesConnections(port: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if ((await tryConnect(port)) === 'ECONNREFUSED') return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('SIGTERM during a streamed reply', () => {
  it('stops accepting connections, finishes the reply, stores it complete and exits 0', async () => {
    const db = tempDatabase();
    temps.push(db);
    // About 2.5 s of reply, well inside the 10 s drain.
    const words = wordsOf(25, 'drain');
    upstream.script(streamWords(words, { paceMs: 100 }));
    const server = await startServer({ DATABASE_URL: db.url, OPENAI_BASE_URL: upstream.baseURL, OPENAI_API_KEY: 'test-key', REHEARSE_MODEL: 'fake-model' });
    const port = Number(new URL(server.baseUrl).port);

    const { sessionId, response } = await startTurn(server.baseUrl, TURN, 'turn-1');
    expect(response.status).toBe(200);
    const reply = streamReader(response);
    const started = await reply.until((text) => text.length > 0);
    expect(started.ended).toBe(false);

    server.child.kill('SIGTERM');
    expect(await refusesConnections(port)).toBe(true);

    const all = await reply.until();
    expect(all.ended).toBe(true);
    expect(all.raw).toContain('"status":"complete"');
    expect(all.text).toBe(words.join(''));

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toContain('"event":"server.stopped"');
    const rows = await queryDatabase<{ role: string; text: string; status: string }>(
      db.url,
      'select role, text, status from messages where session_id = ? order by seq',
      [sessionId],
    );
    expect(rows.map((row) => [row.role, row.status])).toEqual([
      ['assistant', 'complete'],
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(rows[2]!.text).toBe(words.join(''));
  });
});

describe('starting with an unsafe configuration', () => {
  it('refuses HOST=0.0.0.0 without REHEARSE_TOKEN, naming the variable, with a non-zero exit', async () => {
    const db = tempDatabase();
    temps.push(db);
    const { process: stopped } = spawnServer({ HOST: '0.0.0.0', DATABASE_URL: db.url });
    const server = await stopped;
    const exit = await server.exited;
    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(server.stderr()).toContain('REHEARSE_TOKEN');
    expect(server.stdout()).not.toContain('ready');
  });
});
