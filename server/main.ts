/**
 * Starts Rehearse: check the configuration, migrate, load scenarios, serve. On SIGTERM or
 * SIGINT it stops accepting connections, lets replies in flight finish for up to 10 s,
 * then exits.
 *
 * With REHEARSE_WORKERS > 1 this process becomes a primary that migrates the database and
 * settles interrupted replies once, then forks that many workers sharing the port and the
 * database (the server keeps no per-session state in memory, so any worker can take any
 * turn), restarts a worker that dies, and on a signal lets every worker drain.
 */
import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { boot, settleOnStart } from './bootstrap.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/client.js';
import { createLogger, type Logger } from './logger.js';
import { warmScorerInBackground } from './warm-scorer.js';

const DRAIN_MS = 10_000;

type ReadyMessage = { type: 'rehearse:listening'; port: number; description: string };

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`rehearse: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config, logger);
  return runServer(config, logger);
}

function readyLine(config: Config, port: number, description: string): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `Rehearse is ready at http://${host}:${port} (${description})\n`;
}

async function runServer(config: Config, logger: Logger): Promise<void> {
  const { ctx, database } = await boot(config, { logger, settleInterrupted: cluster.isPrimary });
  const app = createApp(ctx);

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    logger.info('server.listening', { host: info.address, port: info.port, engine: ctx.engine.name, worker: cluster.worker?.id });
    if (cluster.isWorker) process.send?.({ type: 'rehearse:listening', port: info.port, description: ctx.engine.description } satisfies ReadyMessage);
    else process.stdout.write(readyLine(config, info.port, ctx.engine.description));
    // The scorer's first few hundred replies are slow; it reads the scenarios' own lines now,
    // one per turn of the event loop, so a person's turns do not pay for that (warm-scorer.ts).
    void warmScorerInBackground(ctx.label, ctx.scenarios.list()).then((lines) => logger.debug('scorer.warmed', { lines }));
  });

  let stopping = false;
  // While draining, a kept-alive connection must not carry new turns in: answer with
  // `Connection: close` so the client goes away once its response is done.
  server.on('request', (_request, response) => {
    if (stopping) response.setHeader('Connection', 'close');
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { signal });
    const force = setTimeout(() => {
      logger.warn('server.drain_timeout', { ms: DRAIN_MS });
      database.close();
      process.exit(0);
    }, DRAIN_MS);
    force.unref();
    server.close(() => {
      database.close();
      logger.info('server.stopped', {});
      process.exit(0);
    });
    // Idle keep-alive sockets would hold close() open; streams in flight are left to finish.
    const closeIdle = () => (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    closeIdle();
    setInterval(closeIdle, 100).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function runPrimary(config: Config, logger: Logger): Promise<void> {
  // Migrate and settle once, before any worker opens the database.
  const database = await openDatabase(config.database);
  await settleOnStart(database, logger);
  database.close();

  let stopping = false;
  let ready = 0;
  cluster.on('message', (_worker, message: ReadyMessage) => {
    if (message?.type !== 'rehearse:listening') return;
    ready += 1;
    if (ready === config.workers) process.stdout.write(readyLine(config, message.port, `${message.description}, ${config.workers} workers`));
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error('worker.exited', { worker: worker.id, code, signal });
    cluster.fork();
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { signal, workers: config.workers });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), DRAIN_MS + 2_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`rehearse: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
