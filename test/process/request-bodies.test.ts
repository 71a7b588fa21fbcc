/**
 * Request bodies through the real Node server (the in-process tests use `app.request`, which
 * never meets the Node adapter): a body with a declared length is read whole, a chunked one as
 * a stream stopped at the limit, and both get the same answers.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, postJson, startServer, tempDatabase, type ServerProcess, type TempDatabase } from './server-process.js';

let db: TempDatabase;
let server: ServerProcess;

beforeAll(async () => {
  db = tempDatabase();
  server = await startServer({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await killAll();
  db.remove();
});

/** Posts the body in chunks with no Content-Length (Transfer-Encoding: chunked). */
function postChunked(url: string, parts: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const part of parts) req.write(part);
    req.end();
  });
}

const turn = (text: string) => ({ message: { id: `m-${Math.random().toString(36).slice(2)}`, role: 'user', parts: [{ type: 'text', text }] } });

describe('request bodies through the Node server', () => {
  it('reads a turn with a declared length and one sent in chunks alike', async () => {
    const session = (await (await postJson(`${server.baseUrl}/api/sessions`, { scenarioId: 'airport-at-midnight' })).json()) as { id: string };
    const declared = await postJson(`${server.baseUrl}/api/sessions/${session.id}/chat`, turn('I am sorry I forgot you.'));
    expect(declared.status).toBe(200);
    await declared.text();
    const json = JSON.stringify(turn('That was on me, and I want to make it right.'));
    const chunked = await postChunked(`${server.baseUrl}/api/sessions/${session.id}/chat`, [json.slice(0, 20), json.slice(20)]);
    expect(chunked.status).toBe(200);
    expect(chunked.body).toContain('text-delta');
  });

  it('answers 413 to a body over 64 KB, declared or chunked, and 400 to broken JSON', async () => {
    const session = (await (await postJson(`${server.baseUrl}/api/sessions`, { scenarioId: 'airport-at-midnight' })).json()) as { id: string };
    const url = `${server.baseUrl}/api/sessions/${session.id}/chat`;
    const big = { ...turn('I am sorry.'), padding: 'x'.repeat(70_000) };
    const declared = await postJson(url, big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe('too_large');
    const json = JSON.stringify(big);
    const chunked = await postChunked(url, [json.slice(0, 30_000), json.slice(30_000)]);
    expect(chunked.status).toBe(413);
    const broken = await postChunked(url, ['{"message": ']);
    expect(broken.status).toBe(400);
    expect(broken.body).toContain('malformed JSON');
  });
});
