/**
 * When the partner's model fails, the page says so plainly, keeps the turn, and Retry
 * resends the same message id so the server retries the reply (no second copy of the turn).
 * The real server runs with its LLM engine pointed at a small fake Chat Completions server
 * that fails (400, not retried) until it is told to answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, ensureWebBuild, launchBrowser, SKIP_MESSAGE, startServer, type Browser, type RunningApp } from './browser-harness.js';

if (!CHROMIUM) console.log(SKIP_MESSAGE);

function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

/** A Chat Completions server that fails every call while `failing` is set. */
function fakeModel() {
  const state = { failing: true, streamed: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (state.failing) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'fake model says no', type: 'invalid_request_error' } }));
        return;
      }
      const wantsStream = (JSON.parse(body || '{}') as { stream?: boolean }).stream === true;
      if (!wantsStream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'c2',
            object: 'chat.completion',
            created: 1,
            model: 'fake',
            choices: [{ index: 0, message: { role: 'assistant', content: '{}' }, finish_reason: 'stop' }],
          }),
        );
        return;
      }
      state.streamed += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk({ role: 'assistant', content: '' }));
      for (const word of ['Okay. ', 'I ', 'hear ', 'you, ', 'man.']) res.write(chunk({ content: word }));
      res.write(chunk({}, 'stop'));
      res.end('data: [DONE]\n\n');
    });
  });
  return { server, state };
}

describe.skipIf(!CHROMIUM)('the web page when the model fails', () => {
  let app: RunningApp;
  let browser: Browser;
  const model = fakeModel();

  beforeAll(async () => {
    ensureWebBuild();
    await new Promise<void>((resolve) => model.server.listen(0, '127.0.0.1', resolve));
    const { port } = model.server.address() as AddressInfo;
    app = await startServer({
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      OPENAI_API_KEY: 'test-key',
      REHEARSE_MODEL: 'fake',
      REHEARSE_MODEL_TIMEOUT_MS: '8000',
    });
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await new Promise((resolve) => model.server.close(resolve));
  });

  it('says the reply failed, keeps the turn, and Retry resends the same message', async () => {
    const { page } = browser;
    const session = await (
      await fetch(`${app.base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenarioId: 'borrowed-van' }),
      })
    ).json();
    await page.goto(`${app.base}/practice/${session.id}`);
    await page.getByText('The garage rang me', { exact: false }).waitFor();

    const turn = "I scraped your van and didn't tell you. That was my fault.";
    const box = page.getByLabel(/^Your reply to/);
    await box.fill(turn);
    await box.press('Enter');

    const alert = page.getByRole('alert').filter({ hasText: "Kwame's reply did not come through" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The partner's model failed to answer. Your turn is saved; send it again to retry.");
    expect(await page.locator('.turn-person .turn-text').allTextContents()).toHaveLength(1);
    model.state.failing = false;

    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.turn-partner .turn-text', { hasText: 'Okay. I hear you, man.' }).waitFor();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    expect(model.state.streamed).toBe(1);

    const stored = await (await fetch(`${app.base}/api/sessions/${session.id}`)).json();
    const userTurns = stored.messages.filter((m: { role: string }) => m.role === 'user');
    expect(userTurns).toHaveLength(1);
    expect(userTurns[0].text).toBe(turn);
    expect(stored.messages.at(-1)).toMatchObject({ role: 'assistant', status: 'complete', text: 'Okay. I hear you, man.' });

    // The only console errors are the browser's own notes on the failed request.
    expect(browser.consoleErrors.filter((e) => !/status of 502/.test(e))).toEqual([]);
  });
});
