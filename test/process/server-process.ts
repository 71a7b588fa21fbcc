/**
 * Runs the real server (`server/main.ts` under tsx) as a child process on a temp-file
 * database, for what only a process can show: kill -9, SIGTERM, refusing to start, and
 * what it writes to stderr. Node is started with tsx's loader directly (not through
 * `npx tsx`, which puts two wrapper processes in between) so a signal reaches the server
 * itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE_SCENARIOS = path.join(ROOT, 'test/fixtures/scenarios');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` once ready. */
  baseUrl: string;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
}

export interface TempDatabase {
  url: string;
  file: string;
  remove(): void;
}

const running = new Set<ChildProcess>();

export function tempDatabase(): TempDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-process-'));
  const file = path.join(dir, 'rehearse.db');
  return { url: `file:${file}`, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the server; resolves with it listening, or with its exit if it refuses to start. */
export function spawnServer(env: Record<string, string>): { ready: Promise<ServerProcess>; process: Promise<ServerProcess> } {
  // A clean environment: no key or base URL from the developer's shell reaches the child.
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    PORT: '0',
    REHEARSE_SCENARIOS_DIR: FIXTURE_SCENARIOS,
    REHEARSE_RATE_LIMIT: '0',
    ...env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const handle = (baseUrl: string): ServerProcess => ({ child, baseUrl, stdout: () => out, stderr: () => err, exited });

  const ready = new Promise<ServerProcess>((resolve, reject) => {
    const onData = () => {
      const port = /ready at http:\/\/[^\s:]+:(\d+)/.exec(out)?.[1];
      if (port) {
        child.stdout!.off('data', onData);
        resolve(handle(`http://127.0.0.1:${port}`));
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((exit) => reject(new Error(`the server exited before it was ready (${exit.code ?? exit.signal}): ${err}`)));
  });
  // A server expected to refuse to start is awaited through `process`, not `ready`.
  ready.catch(() => undefined);
  return { ready, process: exited.then(() => handle('')) };
}

export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  return spawnServer(env).ready;
}

/** Kills every server a test started and has not seen exit (for afterAll). */
export async function killAll(): Promise<void> {
  const waits = [...running].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of running) child.kill('SIGKILL');
  await Promise.all(waits);
}

/** Reads rows straight from the database file, with no server in between. */
export async function queryDatabase<T>(url: string, sql: string, args: (string | number)[] = []): Promise<T[]> {
  const client = createClient({ url });
  try {
    return (await client.execute({ sql, args })).rows as unknown as T[];
  } finally {
    client.close();
  }
}

export async function postJson(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...init });
}

/** Starts a session and sends one turn; resolves with the streaming response. */
export async function startTurn(baseUrl: string, text: string, messageId: string, init: RequestInit = {}) {
  const session = (await (await postJson(`${baseUrl}/api/sessions`, { scenarioId: 'airport-at-midnight' })).json()) as { id: string };
  const response = await postJson(
    `${baseUrl}/api/sessions/${session.id}/chat`,
    { message: { id: messageId, role: 'user', parts: [{ type: 'text', text }] } },
    init,
  );
  return { sessionId: session.id, response };
}

/** Reads a UI message stream as it arrives; `until` returns once the text so far satisfies it. */
export function streamReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let raw = '';
  return {
    async until(done: (text: string) => boolean = () => false): Promise<{ text: string; ended: boolean; raw: string }> {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return { text: textOf(raw), ended: true, raw };
        raw += decoder.decode(chunk.value, { stream: true });
        const text = textOf(raw);
        if (done(text)) return { text, ended: false, raw };
      }
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

/** The text of the complete `text-delta` events in a UI message stream read so far. */
function textOf(raw: string): string {
  return raw
    .split('\n\n')
    .slice(0, -1)
    .filter((event) => event.startsWith('data: {'))
    .map((event) => JSON.parse(event.slice('data: '.length)) as { type: string; delta?: string })
    .filter((part) => part.type === 'text-delta')
    .map((part) => part.delta)
    .join('');
}
