/**
 * Rehearse's real app (libSQL, fixture scenarios, offline scorer) with its LLM engine pointed
 * at a fake upstream over the same transport the server uses (`modelFetch`), plus a reader for
 * what it stored.
 */
import { modelFetch } from '../../server/http/model-fetch.js';
import { createLlmEngine } from '../../server/practice/partner/partner-engine.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';

export interface StoredMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  status: 'complete' | 'partial' | 'failed' | 'streaming';
  superseded: boolean;
}

export async function openLlmApp(upstream: FakeUpstream, { modelTimeoutMs = 5_000 }: { modelTimeoutMs?: number } = {}): Promise<TestApp> {
  return createTestApp({ engine: createLlmEngine({ apiKey: 'test-key', baseURL: upstream.baseURL, model: 'fake-model', fetch: modelFetch }), modelTimeoutMs });
}

/** Every stored message of the session, the superseded attempts included. */
export async function storedMessages(app: TestApp['app'], sessionId: string): Promise<StoredMessage[]> {
  const response = await app.request(`/api/sessions/${sessionId}?history=1`);
  return ((await response.json()) as { messages: StoredMessage[] }).messages;
}

/** Polls until `check` passes or `ms` runs out; for outcomes settled after the response ends. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * One fake upstream for a test file, and an app on it per test: started before the file,
 * closed after it, and after each test the app closed and the upstream's records cleared.
 */
export function withFakeUpstream() {
  let upstream: FakeUpstream | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream?.close());
  afterEach(() => {
    upstream!.requests.length = 0;
    upstream!.judgeRequests.length = 0;
    app?.database.close();
    app = undefined;
  });
  return {
    get upstream(): FakeUpstream {
      return upstream!;
    },
    async open(options: { modelTimeoutMs?: number } = {}): Promise<TestApp> {
      app = await openLlmApp(upstream!, options);
      return app;
    },
  };
}
