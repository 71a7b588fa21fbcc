/**
 * The Hono app: middleware, the routes of the API, the built web page, and the one place
 * where errors become responses. Built from an AppContext, so tests run it with
 * `app.request()` on an in-memory database and no server.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from './app-context.js';
import { AppError, errorBody } from './errors.js';
import { rateLimit } from './http/rate-limit.js';
import { bearerAuth, securityHeaders } from './http/security.js';
import { describeError } from './logger.js';
import { chatRoutes } from './routes/chat.js';
import { commitmentRoutes } from './routes/commitments.js';
import { draftRoutes } from './routes/drafts.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { progressRoutes } from './routes/progress.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { scorecardRoutes } from './routes/scorecard.js';
import { sessionRoutes } from './routes/sessions.js';
import { summaryRoutes } from './routes/summary.js';

type Env = { Variables: { requestId: string } };

export function createApp(ctx: AppContext) {
  const app = new Hono<Env>();

  app.use(async function requestLog(c, next) {
    const requestId = randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    // Paths carry ids, never text; bodies are never logged.
    ctx.logger.info('http.request', { requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use(securityHeaders());
  app.use('/api/*', bearerAuth(ctx.token));
  app.use('/api/sessions/:id/chat', rateLimit({ perMinute: ctx.rateLimitPerMinute, clientOf: clientAddress }));

  app.route('/api/health', healthRoutes(ctx));
  app.route('/api/scenarios', scenarioRoutes(ctx));
  app.route('/api/sessions', sessionRoutes(ctx));
  app.route('/api/sessions', chatRoutes(ctx));
  app.route('/api/sessions', scorecardRoutes(ctx));
  app.route('/api/sessions', summaryRoutes(ctx));
  app.route('/api/drafts', draftRoutes(ctx));
  app.route('/api/progress', progressRoutes(ctx));
  app.route('/api', commitmentRoutes(ctx));
  app.route('/api/imports', importRoutes(ctx));
  app.all('/api/*', (c) => {
    throw new AppError('not_found', `no API route ${c.req.method} ${c.req.path}`);
  });

  if (ctx.webDir && existsSync(path.join(ctx.webDir, 'index.html'))) {
    const root = path.relative(process.cwd(), ctx.webDir) || '.';
    const index = readFileSync(path.join(ctx.webDir, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root }));
    // The page routes on the client: any other path gets the app.
    app.get('*', (c) => c.html(index));
  }

  app.notFound((c) => c.json(errorBody('not_found', `nothing at ${c.req.path}`), 404));
  app.onError((error, c) => respondToError(ctx, error, c));
  return app;
}

function respondToError(ctx: AppContext, error: Error, c: Context<Env>) {
  const requestId = c.get('requestId');
  if (error instanceof AppError) {
    if (error.status >= 500) ctx.logger.error('http.error', { requestId, code: error.code, ...describeError(error.cause) });
    return c.json(errorBody(error.code, error.message), error.status, error.headers);
  }
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'too_large' : error.status === 401 ? 'unauthorized' : 'bad_request';
    return c.json(errorBody(code, error.message || 'bad request'), error.status);
  }
  ctx.logger.error('http.unexpected', { requestId, ...describeError(error) });
  return c.json(errorBody('internal', 'something went wrong on our side; nothing you typed was lost'), 500);
}

/** The client's address for rate limiting; `local` under app.request() in tests. */
function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
