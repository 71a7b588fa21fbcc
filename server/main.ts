/**
 * Starts Rehearse: check the configuration, migrate, load scenarios, serve. On SIGTERM or
 * SIGINT it stops accepting connections, lets replies in flight finish for up to 10 s,
 * then exits.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { boot } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

const DRAIN_MS = 10_000;

async function main(): Promise<void> {
  let config;
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
  const { ctx, database } = await boot(config, { logger });
  const app = createApp(ctx);

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    logger.info('server.listening', { host: info.address, port: info.port, engine: ctx.engine.name });
    process.stdout.write(`Rehearse is ready at http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${info.port} (${ctx.engine.description})\n`);
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

main().catch((error) => {
  process.stderr.write(`rehearse: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
