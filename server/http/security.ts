/**
 * Access and response hardening: security headers on every response, and a bearer token
 * on every API call when one is configured (compared in constant time).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes; no inline <script> is ever allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}

/** Requires `Authorization: Bearer <token>` on /api/* except the health check. */
export function bearerAuth(token: string | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : undefined;
  return async function bearerAuth(c, next) {
    if (expected && c.req.path.startsWith('/api/') && c.req.path !== '/api/health') {
      const header = c.req.header('authorization') ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(header)?.[1];
      // Hashing first makes both sides the same length, so the comparison time leaks nothing.
      if (!given || !timingSafeEqual(digest(given), expected)) {
        throw new AppError('unauthorized', 'send "Authorization: Bearer <token>" with the REHEARSE_TOKEN this server was started with', {
          headers: { 'WWW-Authenticate': 'Bearer' },
        });
      }
    }
    await next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
