/**
 * The real Rehearse server as its own process, started exactly as `npm start` starts it
 * (config from the environment, migrations, scenarios, engine), on a free port with a
 * temp-file libSQL database. Its own process, so its memory and CPU are measured apart from
 * the bench's load client and fake model; logs are counted, not printed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpuMsOf, rssOf, stop } from './child-process.js';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase, type Database } from '../server/db/client.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface RehearseInstance {
  url: string;
  /** A second connection to the server's database file, for the integrity checks. */
  database: Database;
  /** Log lines by `level:event`, e.g. `warn:reply.failed`. */
  logCounts: Map<string, number>;
  /** The server process's resident memory now, in bytes (Linux /proc). */
  rss(): number;
  /** CPU time (user + system) the server process has used so far, in ms (Linux /proc; 10 ms ticks). */
  cpuMs(): number;
  close(): Promise<void>;
}

/** The node flags of `npm start` (package.json), e.g. the heap limits. */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return /node ((?:--[\w-]+=\S+ )*)dist\/server\/main\.mjs/.exec(start)?.[1]?.trim().split(' ').filter(Boolean) ?? [];
}

export async function startRehearse({
  dir,
  name,
  modelBaseURL,
  workers = 1,
}: {
  dir: string;
  name: string;
  modelBaseURL?: string;
  workers?: number;
}): Promise<RehearseInstance> {
  const url = `file:${path.join(dir, `${name}.db`)}`;
  const env: Record<string, string> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: url,
    REHEARSE_RATE_LIMIT: '0',
    REHEARSE_BUILTIN_PACE_MS: '0',
    REHEARSE_LOG_LEVEL: 'info',
    // The partner's reply path is what is measured; the judge's extra read is switched off.
    REHEARSE_JUDGE: 'off',
    REHEARSE_WORKERS: String(workers),
    ...(modelBaseURL ? { OPENAI_BASE_URL: modelBaseURL, OPENAI_API_KEY: 'bench', REHEARSE_MODEL: 'bench-model' } : {}),
  };
  // Started the way `npm start` runs it: the bundled server with the same V8 flags
  // (BENCH_NODE_FLAGS overrides them, to compare settings).
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? startFlags();
  const child = spawn(process.execPath, [...flags, 'dist/server/main.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logCounts = new Map<string, number>();
  createInterface({ input: child.stderr! }).on('line', (line) => {
    const match = /"level":"(\w+)","event":"([^"]+)"/.exec(line);
    const key = match ? `${match[1]}:${match[2]}` : 'unparsed';
    logCounts.set(key, (logCounts.get(key) ?? 0) + 1);
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /ready at http:\/\/[^:]+:(\d+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
  });
  const database = await openDatabase({ url });
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    logCounts,
    rss: () => rssOf(child),
    cpuMs: () => cpuMsOf(child),
    async close() {
      await stop(child);
      database.close();
    },
  };
}
