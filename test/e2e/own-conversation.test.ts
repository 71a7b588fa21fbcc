/**
 * Bring your own conversation in Chromium against the real server: paste a WhatsApp thread,
 * pick which speaker you are, read the coached thread and the trust chart, practise from the
 * turn where it went wrong, and reach the scorecard — with no console errors. Screenshots go
 * to docs/screenshots/ (own-paste, own-thread, own-practice, own-scorecard).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANDROID_THREAD } from '../support/threads.js';
import { CHROMIUM, ensureWebBuild, launchBrowser, sendTurn, SHOTS, SKIP_MESSAGE, startServer, type Browser, type RunningApp } from './browser-harness.js';

if (!CHROMIUM) console.log(SKIP_MESSAGE);

describe.skipIf(!CHROMIUM)('your own conversation in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuild();
    app = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('pastes a thread, practises from its worst turn and reaches the scorecard', async () => {
    await page.goto(app.base);
    await page.getByRole('link', { name: 'Paste a conversation' }).click();
    await page.waitForURL(/\/imports\/new$/);
    await expect.poll(() => page.getByRole('note').textContent()).toMatch(/nothing leaves this machine/);
    await page.getByLabel('The conversation').fill(ANDROID_THREAD);
    await page.getByRole('button', { name: 'Find the speakers' }).click();
    await page.getByRole('radio', { name: 'Sam' }).check();
    await shot('own-paste');
    await page.getByRole('button', { name: 'Read it as Sam' }).click();

    await page.waitForURL(/\/imports\/[^/]+$/);
    await page.getByRole('heading', { name: 'Where it went wrong' }).waitFor();
    expect(await page.locator('.thread-turn').count()).toBe(8);
    expect(await page.locator('.thread-turn.mine .chips').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Practise from here' }).count()).toBe(4);
    expect(await page.locator('.line-chart svg').count()).toBe(1);
    await expect.poll(() => page.locator('.thread-text').nth(4).textContent()).toContain('مرحبا');
    await shot('own-thread');

    // The summary's button practises from the worst turn.
    await page.getByRole('button', { name: /^Practise from turn #/ }).click();
    await page.waitForURL(/\/practice\//);
    await expect.poll(() => page.locator('.partner-name').first().textContent()).toBe('Maya');
    await sendTurn(page, "You're right. I'm sorry I missed your recital. I promised and I broke it, that's on me.");
    await sendTurn(page, 'I know how much it meant to you. Next time I will block the evening the day you tell me.');
    await shot('own-practice');

    await page.getByRole('button', { name: 'End and see the scorecard' }).click();
    await page.waitForURL(/\/scorecard\//);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shot('own-scorecard');
    // Back to the thread, where the next attempt can start from another turn.
    await page.getByRole('link', { name: 'Back to your conversation' }).click();
    await page.waitForURL(/\/imports\/[^/]+$/);
    await page.getByRole('heading', { name: 'Where it went wrong' }).waitFor();
    expect(browser.consoleErrors, browser.consoleErrors.join('\n')).toEqual([]);
  }, 120_000);
});
