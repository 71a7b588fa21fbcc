/**
 * The real Rehearse server, in this process: the configuration read by loadConfig, booted by
 * the same bootstrap as `npm start` (migrations, scenarios, engine), the Hono app served by
 * @hono/node-server on a free port, a temp-file libSQL database. Logs are formatted as in
 * production but counted instead of printed, so the table stays readable.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app.js';
import { boot } from '../server/bootstrap.js';
import { loadConfig } from '../server/config.js';
import type { Database } from '../server/db/client.js';
import { createLogger } from '../server/logger.js';

export interface RehearseInstance {
  url: string;
  database: Database;
  /** Log lines by `level:event`, e.g. `warn:reply.failed`. */
  logCounts: Map<string, number>;
  close(): Promise<void>;
}

export async function startRehearse({ dir, name, modelBaseURL }: { dir: string; name: string; modelBaseURL?: string }): Promise<RehearseInstance> {
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`,
    REHEARSE_RATE_LIMIT: '0',
    REHEARSE_BUILTIN_PACE_MS: '0',
    REHEARSE_LOG_LEVEL: 'info',
    ...(modelBaseURL ? { OPENAI_BASE_URL: modelBaseURL, OPENAI_API_KEY: 'bench', REHEARSE_MODEL: 'bench-model' } : {}),
  };
  const config = loadConfig(env);
  const logCounts = new Map<string, number>();
  const logger = createLogger(config.logLevel, (line) => {
    const match = /"level":"(\w+)","event":"([^"]+)"/.exec(line);
    const key = match ? `${match[1]}:${match[2]}` : 'unparsed';
    logCounts.set(key, (logCounts.get(key) ?? 0) + 1);
  });
  const { ctx, database } = await boot(config, { logger });
  const server = serve({ fetch: createApp(ctx).fetch, hostname: config.host, port: config.port });
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    logCounts,
    async close() {
      const http = server as import('node:http').Server;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      database.close();
    },
  };
}
