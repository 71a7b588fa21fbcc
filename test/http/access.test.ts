import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { createTestApp, readUiStream, sendTurn, startSession, type TestApp } from '../support/test-app.js';

let test: TestApp | undefined;
afterEach(() => test?.database.close());

describe('access', () => {
  it('listens on loopback by default and refuses other addresses without a token', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/REHEARSE_TOKEN/);
    expect(loadConfig({ HOST: '0.0.0.0', REHEARSE_TOKEN: 'a-long-enough-token-123' }).host).toBe('0.0.0.0');
  });

  it('names the variable at fault in a bad configuration', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('chooses the LLM engine only when a key or base URL is set', () => {
    expect(loadConfig({}).model).toBeUndefined();
    expect(loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', REHEARSE_MODEL: 'llama3.2' }).model).toMatchObject({
      model: 'llama3.2',
      baseURL: 'http://localhost:11434/v1',
    });
    expect(loadConfig({ OPENAI_API_KEY: 'k' }).judge).toBe(true);
    expect(loadConfig({ OPENAI_API_KEY: 'k', REHEARSE_JUDGE: 'off' }).judge).toBe(false);
    expect(() => loadConfig({ REHEARSE_JUDGE: 'maybe' })).toThrow(/REHEARSE_JUDGE/);
  });

  it('requires the bearer token on every API call when one is set', async () => {
    test = await createTestApp({ token: 'a-long-enough-token-123' });
    expect((await test.app.request('/api/scenarios')).status).toBe(401);
    expect((await test.app.request('/api/scenarios', { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
    const ok = await test.app.request('/api/scenarios', { headers: { authorization: 'Bearer a-long-enough-token-123' } });
    expect(ok.status).toBe(200);
    expect((await test.app.request('/api/health')).status).toBe(200);
  });

  it('sets security headers on every response', async () => {
    test = await createTestApp();
    for (const path of ['/api/health', '/api/nothing', '/']) {
      const response = await test.app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('limits chat turns per client per minute with a Retry-After', async () => {
    test = await createTestApp({ rateLimitPerMinute: 2 });
    const session = await startSession(test.app);
    await readUiStream(await sendTurn(test.app, session.id, 'I am sorry.'));
    await readUiStream(await sendTurn(test.app, session.id, 'That was my fault.'));
    const limited = await sendTurn(test.app, session.id, 'Really.');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });
});
