/**
 * What the running server writes to stderr: one JSON object a line, request lines carrying
 * the request id the client saw, and never a word of the transcript, even when the model
 * fails with an error that echoes the prompt.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonError, startFakeUpstream, streamWords, wordsOf, type FakeUpstream } from '../faults/fake-upstream.js';
import { killAll, postJson, startServer, startTurn, streamReader, tempDatabase, type TempDatabase } from './server-process.js';

const GOOD_TURN = 'Zanzibar-lantern: I forgot the pickup and you sat at arrivals alone.';
const FAILED_TURN = 'Quetzal-harbour: I keep thinking about how you must have felt.';
const SECRET_WORDS = ['Zanzibar', 'lantern', 'Quetzal', 'harbour', 'arrivals alone'];
const REPLY = wordsOf(6, 'Marzipan');
let upstream: FakeUpstream;
let db: TempDatabase;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  db = tempDatabase();
});
afterAll(async () => {
  await killAll();
  await upstream.close();
  db.remove();
});

describe('the server logs', () => {
  it('are JSON lines with request ids and never the text of a turn or a reply', async () => {
    // A 400 is not retried, and its message echoes the prompt, as real upstreams do.
    upstream.script(streamWords(REPLY), jsonError(400, `bad request near: ${FAILED_TURN}`));
    const server = await startServer({
      DATABASE_URL: db.url,
      OPENAI_BASE_URL: upstream.baseURL,
      OPENAI_API_KEY: 'test-key',
      REHEARSE_MODEL: 'fake-model',
      REHEARSE_LOG_LEVEL: 'debug',
    });

    const good = await startTurn(server.baseUrl, GOOD_TURN, 'turn-good');
    expect(good.response.status).toBe(200);
    const chatRequestId = good.response.headers.get('x-request-id');
    expect(chatRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await streamReader(good.response).until()).text).toBe(REPLY.join(''));
    const failed = await postJson(`${server.baseUrl}/api/sessions/${good.sessionId}/chat`, {
      message: { id: 'turn-failed', role: 'user', parts: [{ type: 'text', text: FAILED_TURN }] },
    });
    expect(failed.status).toBe(502);
    await failed.text();

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    const lines = server
      .stderr()
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(5);
    const entries = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`a stderr line is not JSON: ${line.slice(0, 200)}`);
      }
    });
    for (const entry of entries) {
      expect(entry).toMatchObject({ time: expect.any(String), level: expect.any(String), event: expect.any(String) });
      if (String(entry.event).startsWith('http.')) expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const requests = entries.filter((entry) => entry.event === 'http.request');
    expect(requests.find((entry) => entry.requestId === chatRequestId)).toMatchObject({ method: 'POST', status: 200 });
    expect(requests.some((entry) => entry.status === 502)).toBe(true);
    expect(entries.some((entry) => entry.event === 'reply.stored')).toBe(true);
    expect(entries.some((entry) => entry.event === 'reply.failed')).toBe(true);

    const all = server.stderr() + server.stdout();
    for (const word of [...SECRET_WORDS, 'Marzipan']) expect(all).not.toContain(word);
  });
});

describe('the default log writer', () => {
  it('writes the lines logged in one turn of the event loop together, in order, and still writes them when the process exits at once', () => {
    const logger = pathToFileURL(path.resolve(import.meta.dirname, '../../server/logger.ts')).href;
    // Written with Node's stderr wrapped, so the test sees how many writes carried the lines.
    const script = `
      const writes = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = (chunk, ...rest) => { writes.push(String(chunk)); return write(chunk, ...rest); };
      const { createLogger } = await import(${JSON.stringify(logger)});
      const log = createLogger('info');
      log.info('first.line', { n: 1 });
      log.info('second.line', { n: 2 });
      // Registered after the logger's own exit hook, so it reports what that hook wrote.
      process.on('exit', () => process.stdout.write(JSON.stringify(writes)));
      process.exit(0);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const writes = JSON.parse(run.stdout) as string[];
    expect(writes).toHaveLength(1);
    const events = writes[0]!
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toEqual(['first.line', 'second.line']);
  });
});
