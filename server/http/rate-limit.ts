/**
 * A per-client limit on chat turns (a sliding one-minute window). Kept in memory per
 * process: it protects one server's model budget, not a cluster's.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';

export function rateLimit({ perMinute, clientOf }: { perMinute: number; clientOf: (c: Parameters<MiddlewareHandler>[0]) => string }): MiddlewareHandler {
  const windows = new Map<string, number[]>();
  return async function rateLimit(c, next) {
    if (perMinute <= 0) return next();
    const now = Date.now();
    const client = clientOf(c);
    const recent = (windows.get(client) ?? []).filter((at) => now - at < 60_000);
    if (recent.length >= perMinute) {
      const retryAfter = Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
      windows.set(client, recent);
      throw new AppError('rate_limited', `too many turns: the limit is ${perMinute} a minute; try again in ${retryAfter} s`, {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    recent.push(now);
    windows.set(client, recent);
    if (windows.size > 10_000) for (const [key, times] of windows) if (now - times.at(-1)! >= 60_000) windows.delete(key);
    return next();
  };
}
