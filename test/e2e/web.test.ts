/**
 * The web page against the real server, in Debian's Chromium driven by playwright-core:
 * pick a scenario, talk, see the reply stream in and trust move, rewind, read the
 * scorecard, check a draft, and delete sessions — with no console errors anywhere.
 * Screenshots of each view go to docs/screenshots/.
 *
 * Skips (with a plain message) when no Chromium is installed, so `npm test` still passes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  ensureWebBuild,
  launchBrowser,
  sendTurn as send,
  SHOTS,
  SKIP_MESSAGE,
  startServer,
  type Browser,
  type RunningApp,
} from './browser-harness.js';

if (!CHROMIUM) console.log(SKIP_MESSAGE);

describe.skipIf(!CHROMIUM)('the web page in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let consoleErrors: string[];

  beforeAll(async () => {
    ensureWebBuild();
    app = await startServer();
    base = app.base;
    browser = await launchBrowser();
    page = browser.page;
    consoleErrors = browser.consoleErrors;
    mkdirSync(SHOTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const expectNoConsoleErrors = () => expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  const sendTurn = (text: string) => send(page, text);

  /** The partner turns' texts, once no reply is streaming. */
  async function settledPartnerTurns(): Promise<string[]> {
    await page.waitForFunction(() => !document.querySelector('.is-streaming, .is-waiting'));
    return page.locator('.turn-partner .turn-text').allTextContents();
  }

  let sessionPath = '';

  it('shows the library grouped by job, filters it, and starts a session', async () => {
    await page.goto(base);
    await page.getByRole('heading', { name: 'Practise a hard conversation' }).waitFor();
    await page.getByRole('heading', { name: 'Rehearse an apology', level: 2 }).waitFor();
    expect(await page.locator('.card').count()).toBeGreaterThan(2);
    await page.getByText('docs/writing-scenarios.md in the repository').waitFor();
    await shot('library');

    await page.getByLabel('Search').fill('borrowed van');
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    await page.getByRole('button', { name: 'Start with Kwame' }).click();
    await page.waitForURL(/\/practice\//);
    sessionPath = new URL(page.url()).pathname;
    await page.getByText('The garage rang me', { exact: false }).waitFor();
    expectNoConsoleErrors();
  });

  it('streams the reply token by token and moves the trust meter with the reason', async () => {
    const meter = page.getByRole('meter', { name: /trust/i });
    const startTrust = Number(await meter.getAttribute('aria-valuenow'));

    // Shift+Enter is a new line, not a send.
    const box = page.getByLabel(/^Your reply to/);
    await box.fill('line one');
    await box.press('Shift+Enter');
    await box.pressSequentially('line two');
    expect(await box.inputValue()).toBe('line one\nline two');
    expect(await page.locator('.turn-person').count()).toBe(0);

    // Record every length the partner's newest line passes through while it streams.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __lengths: number[] }).__lengths = seen;
      new MutationObserver(() => {
        const turns = document.querySelectorAll('.turn-partner .turn-text');
        const last = turns[turns.length - 1];
        if (turns.length > 1 && last) seen.push(last.textContent?.length ?? 0);
      }).observe(document.querySelector('.conversation')!, { subtree: true, childList: true, characterData: true });
    });
    await sendTurn(
      "Kwame, I scraped your van on a bollard and then I didn't tell you, so you heard it from the garage. That was my fault. I'll pay the repair and your two lost days today.",
    );
    const lengths = await page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
    expect(new Set(lengths.filter((n) => n > 0)).size).toBeGreaterThan(2);

    const turns = await settledPartnerTurns();
    expect(turns).toHaveLength(2);
    expect(turns[1]!.length).toBeGreaterThan(0);
    await expect.poll(async () => Number(await meter.getAttribute('aria-valuenow'))).toBeGreaterThan(startTrust);
    await page.locator('.trust-reason', { hasText: /trust rose/i }).waitFor();
    expect(await page.locator('.turn-person mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.turn-person .mark-tag').first().textContent()).toMatch(/^[✓⚠] /);
    await shot('practice');
    expectNoConsoleErrors();
  });

  it('rewinds a turn, puts its words back to edit, and keeps the earlier attempt', async () => {
    const second = "Look, I was slammed with the move, and honestly it's only a scratch.";
    await sendTurn(second);
    await page.locator('.trust-reason', { hasText: /trust fell/i }).waitFor();
    expect(await page.locator('.turn-person').count()).toBe(2);

    await page.getByRole('button', { name: 'Try again from your turn 2' }).click();
    await expect.poll(() => page.locator('.turn-person').count()).toBe(1);
    expect(await page.getByLabel(/^Your reply to/).inputValue()).toBe(second);
    const earlier = page.locator('.earlier-attempts');
    await earlier.getByText('Earlier attempts (1)', { exact: false }).click();
    await earlier.getByText(second).waitFor();

    await sendTurn('You must be furious, and that makes sense — the van is your living. What would help you trust me with it again?');
    expect(await page.locator('.turn-person').count()).toBe(2);
    expectNoConsoleErrors();
  });

  it('works at 375 px wide with no sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.getByText('The garage rang me', { exact: false }).waitFor();
    expect(await page.locator('.turn-person').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot('practice-375');

    // The coach can be hidden, as in a real conversation, and the choice is remembered.
    await page.getByLabel('Show the coach while I practise').uncheck();
    expect(await page.locator('.turn-person mark').count()).toBe(0);
    expect(await page.getByRole('meter').count()).toBe(0);
    await page.reload();
    await page.getByText('The coach is hidden', { exact: false }).waitFor();
    await page.getByLabel('Show the coach while I practise').check();
    expect(await page.locator('.turn-person mark').count()).toBeGreaterThan(0);

    for (const view of ['/', '/drafts', '/history']) {
      await page.goto(`${base}${view}`);
      await page.locator('h1').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(375);
    }
    await page.goto(`${base}${sessionPath}`);
    await page.getByText('The garage rang me', { exact: false }).waitFor();
    await page.setViewportSize({ width: 1200, height: 900 });
    expectNoConsoleErrors();
  });

  it('ends the session and shows the scorecard, exported as Markdown', async () => {
    await page.getByRole('button', { name: 'End and see the scorecard' }).click();
    await page.waitForURL(/\/scorecard\//);
    await page.getByRole('heading', { name: 'What built trust' }).waitFor();
    await page.getByRole('heading', { name: 'Trust over the conversation' }).waitFor();
    expect(await page.locator('.line-chart svg[role="img"] path').count()).toBeGreaterThan(0);
    await page.getByText(/^Trust went \d+ → \d+ → \d+/).waitFor();
    await page.getByRole('heading', { name: 'Your strongest turn' }).waitFor();
    // Both turns still in the conversation helped and left nothing unsaid: no rewrite to offer.
    expect(await page.getByRole('heading', { name: 'Your weakest turn' }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^rehearse-the-scrape-on-the-borrowed-van-\d{4}-\d{2}-\d{2}\.md$/);
    const file = await download.path();
    expect(readFileSync(file, 'utf8')).toContain('# Rehearse scorecard: The scrape on the borrowed van');
    await shot('scorecard');

    // An ended session opens read-only, pointing at the scorecard.
    await page.goto(`${base}${sessionPath}`);
    await page.getByText('This session has ended.').waitFor();
    expectNoConsoleErrors();
  });

  it('checks a draft, then a revision, and compares them side by side', async () => {
    await page.goto(`${base}/drafts`);
    await page.getByRole('heading', { name: 'Draft studio' }).waitFor();
    const box = page.getByLabel('Your draft');
    await box.fill("I'm sorry if you were upset. It was only a joke, and you know how everyone was drinking.");
    await page.getByRole('button', { name: 'Check my draft' }).click();
    await page.getByRole('heading', { name: /Version 1: how it reads/ }).waitFor();
    await page.getByRole('heading', { name: 'What is missing' }).waitFor();

    await box.fill(
      'I told everyone about your ex, and that was mine to keep quiet. I am sorry. Of course you are hurt. I will apologise to the table too, and I want to hear what would help.',
    );
    await page.getByRole('button', { name: 'Check this version' }).click();
    await page.getByRole('heading', { name: /Version 2: how it reads/ }).waitFor();
    await page.getByRole('heading', { name: 'Compare versions' }).waitFor();
    expect(await page.locator('.version-column').count()).toBe(2);
    await page.locator('.comparison-summary', { hasText: /Version 2 scores \d+ (higher|lower) than version 1|Both versions score the same/ }).waitFor();
    await shot('drafts');
    expectNoConsoleErrors();
  });

  it('lists past sessions with progress, and deletes one and then all after confirming', async () => {
    // A second session through the API, so progress has two points.
    const created = await (
      await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenarioId: 'borrowed-van' }),
      })
    ).json();
    const turn = await fetch(`${base}/api/sessions/${created.id}/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: { id: 'e2e-turn-1', role: 'user', parts: [{ type: 'text', text: "That was my fault, Kwame. I'm sorry I hid it." }] } }),
    });
    await turn.text();

    await page.goto(`${base}/history`);
    await page.getByRole('heading', { name: 'Your sessions' }).waitFor();
    await page.getByRole('heading', { name: 'Progress over time' }).waitFor();
    await expect.poll(() => page.locator('.sessions-table tbody tr').count()).toBe(2);
    expect(await page.locator('.progress svg[role="img"]').count()).toBe(2);
    await page.getByText('Ended', { exact: false }).first().waitFor();
    await shot('history');

    await page
      .getByRole('button', { name: /^Delete the session/ })
      .first()
      .click();
    await page.getByRole('button', { name: /^Yes, delete the session/ }).click();
    await expect.poll(() => page.locator('.sessions-table tbody tr').count()).toBe(1);

    await page.getByRole('button', { name: 'Delete all sessions…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('No sessions yet.', { exact: false }).waitFor();
    expect(await (await fetch(`${base}/api/sessions`)).json()).toEqual([]);
    expectNoConsoleErrors();
  });

  it('shows the listening balance on the scorecard of a listening scenario', async () => {
    const scenarios: { id: string; kind: string }[] = await (await fetch(`${base}/api/scenarios`)).json();
    const listening = scenarios.find((s) => s.kind === 'listening');
    expect(listening, 'a listening scenario is installed').toBeDefined();
    const created = await (
      await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenarioId: listening!.id }),
      })
    ).json();
    for (const [i, text] of [
      'So it sounds like this has been building for a long time, and you feel very alone with it.',
      'What has been the hardest part?',
    ].entries()) {
      const turn = await fetch(`${base}/api/sessions/${created.id}/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: { id: `listen-${i}`, role: 'user', parts: [{ type: 'text', text }] } }),
      });
      await turn.text();
    }
    await page.goto(`${base}/scorecard/${created.id}`);
    await page.getByRole('heading', { name: 'Listening balance' }).waitFor();
    await page.getByText(/reflections? to \d+ questions?/).waitFor();
    expectNoConsoleErrors();
  });

  it('answers a turn about real danger outside the role-play, as a help message', async () => {
    await page.goto(base);
    await page.getByRole('button', { name: 'Start with Kwame' }).click();
    await page.waitForURL(/\/practice\//);
    await sendTurn('Honestly, some days I just want to kill myself.');
    const help = page.getByRole('note', { name: 'A message outside the role-play' });
    await help.waitFor();
    expect(await help.textContent()).toMatch(/Outside the role-play/);
    expectNoConsoleErrors();
  });
});
