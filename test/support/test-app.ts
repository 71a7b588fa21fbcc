/**
 * A real app on a real libSQL database file (in a temp directory, as a user's would be, so the
 * turn's prepared statements are the ones that run) with the migrations applied, the fixture
 * scenarios, and the real offline scorer. Only the model's HTTP server is ever faked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.js';
import { createScenarioCatalog, type AppContext } from '../../server/app-context.js';
import { openDatabase, type Database } from '../../server/db/client.js';
import { createLogger } from '../../server/logger.js';
import { createBuiltinEngine, type PartnerEngine } from '../../server/practice/partner/partner-engine.js';
import { loadScenarios } from '../../server/practice/scenarios/scenario-loader.js';
import { scoreReply } from '../../server/practice/scoring/offline-scorer.js';
import { FIXTURE_SCENARIOS } from './fixtures.js';
import { loadGeneralPartners } from '../../server/practice/imports/thread-partner.js';
import { GENERAL_PARTNERS_DIR } from '../../server/paths.js';

export { FIXTURE_SCENARIOS };

export interface TestApp {
  app: ReturnType<typeof createApp>;
  ctx: AppContext;
  database: Database;
  logs: string[];
}

export async function createTestApp(overrides: Partial<AppContext> & { url?: string; engine?: PartnerEngine } = {}): Promise<TestApp> {
  const dir = overrides.url ? undefined : mkdtempSync(path.join(os.tmpdir(), 'rehearse-test-'));
  const opened = await openDatabase({ url: overrides.url ?? `file:${path.join(dir!, 'rehearse.db')}` });
  const database: Database = {
    ...opened,
    close() {
      opened.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  const { scenarios, problems } = await loadScenarios(FIXTURE_SCENARIOS);
  if (problems.length > 0) throw new Error(`fixture scenarios are invalid: ${JSON.stringify(problems)}`);
  const partners = await loadGeneralPartners(GENERAL_PARTNERS_DIR);
  const logs: string[] = [];
  const ctx: AppContext = {
    db: database.db,
    scenarios: createScenarioCatalog(scenarios, partners),
    partners,
    engine: createBuiltinEngine(),
    label: scoreReply,
    logger: createLogger('debug', (line) => logs.push(line)),
    modelTimeoutMs: 5_000,
    rateLimitPerMinute: 0,
    ...overrides,
  };
  return { app: createApp(ctx), ctx, database, logs };
}

export function json(body: unknown, init: RequestInit = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...(init.headers ?? {}) }, body: JSON.stringify(body), ...init };
}

export function userMessage(text: string, id = `m-${Math.random().toString(36).slice(2, 10)}`) {
  return { id, role: 'user' as const, parts: [{ type: 'text' as const, text }] };
}

/** Reads an AI SDK UI message stream into its parsed parts. */
export async function readUiStream(response: Response): Promise<{ parts: Record<string, unknown>[]; text: string }> {
  const body = await response.text();
  const parts = body
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)) as Record<string, unknown>);
  const text = parts
    .filter((p) => p.type === 'text-delta')
    .map((p) => p.delta as string)
    .join('');
  return { parts, text };
}

export async function startSession(app: TestApp['app'], scenarioId = 'airport-at-midnight') {
  const response = await app.request('/api/sessions', json({ scenarioId }));
  if (response.status !== 201) throw new Error(`could not start a session: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; trust: number; messages: { id: string; text: string }[] };
}

export async function sendTurn(app: TestApp['app'], sessionId: string, text: string, id?: string) {
  const response = await app.request(`/api/sessions/${sessionId}/chat`, json({ message: userMessage(text, id) }));
  return response;
}
