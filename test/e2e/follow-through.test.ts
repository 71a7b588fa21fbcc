/**
 * Follow-through in Chromium against the real server: practise, promise, end, find the
 * promises in "Your commitments" (mark one done, move another's day, download the calendar),
 * and write a summary on a listening scorecard. Screenshots go to docs/screenshots/.
 *
 * Skips (with a plain message) when no Chromium is installed, so `npm test` still passes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localToday } from '../../web/src/commitments/commitment-groups.js';
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

describe.skipIf(!CHROMIUM)('follow-through in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    ensureWebBuild();
    app = await startServer();
    base = app.base;
    browser = await launchBrowser();
    page = browser.page;
    mkdirSync(SHOTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const expectNoConsoleErrors = () => expect(browser.consoleErrors, browser.consoleErrors.join('\n')).toEqual([]);
  const post = async (url: string, body?: unknown) =>
    fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  it('keeps what was promised in a session as commitments once it ends', async () => {
    await page.goto(base);
    await page.getByLabel('Search').fill('borrowed van');
    await page.getByRole('button', { name: 'Start with Kwame' }).click();
    await page.waitForURL(/\/practice\//);
    await send(page, "Kwame, I scraped your van and didn't tell you, so you heard it from the garage. That was my fault, and I'm sorry.");
    await send(page, "I'll pay the garage for the repair tomorrow. And I'll call the depot for you by Friday.");
    await page.getByRole('button', { name: 'End and see the scorecard' }).click();
    await page.waitForURL(/\/scorecard\//);
    await page.getByRole('heading', { name: 'What you promised' }).waitFor();
    await page.getByRole('link', { name: 'See them in Your commitments' }).click();
    await page.waitForURL(/\/commitments$/);
    await page.getByRole('heading', { name: 'Your commitments' }).waitFor();
    const soon = page.locator('.group-soon');
    await soon.getByText("I'll pay the garage for the repair tomorrow.").waitFor();
    await soon.getByText("And I'll call the depot for you by Friday.").waitFor();
    await soon.getByText('due tomorrow', { exact: false }).waitFor();
    expectNoConsoleErrors();
  });

  it('marks one done, moves another to a day that has passed, and shows it overdue', async () => {
    await page.getByRole('button', { name: `Mark "I'll pay the garage for the repair tomorrow." as done` }).click();
    await page.locator('.group-done').getByText("I'll pay the garage for the repair tomorrow.").waitFor();

    await page.getByRole('button', { name: `Edit "And I'll call the depot for you by Friday."` }).click();
    await page.getByLabel('What you promised').fill("I'll call the depot for you, and tell you what they say.");
    await page.getByLabel('By').fill(addDays(localToday(), -1));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.group-overdue').getByText("I'll call the depot for you, and tell you what they say.").waitFor();
    await page.locator('.group-overdue').getByText('due yesterday', { exact: false }).waitFor();
    await shot('commitments');

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1200, height: 900 });
    expectNoConsoleErrors();
  });

  it('downloads the open commitments as a calendar', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download calendar (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe('rehearse-commitments.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${addDays(localToday(), -1).replaceAll('-', '')}`);
    expect(ics).toContain('call the depot');
  });

  it('checks in with the partner, who opens by quoting the promise', async () => {
    await page.getByRole('button', { name: `Check in with Kwame about "I'll call the depot for you, and tell you what they say."` }).click();
    await page.waitForURL(/\/practice\//);
    await page.locator('.turn-partner', { hasText: `"I'll call the depot for you, and tell you what they say."` }).waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    const session = await (await fetch(`${base}/api/sessions/${id}`)).json();
    expect(session.followUpOf).toEqual(expect.any(String));
    await shot('check-in');
    // Reporting the promise kept: Kwame answers with his own check-in line, and trust rises.
    await send(page, 'I called the depot on Friday, like I said I would.');
    await page
      .locator('.turn-partner', { hasText: 'You did it? Man. Okay.' })
      .or(page.locator('.turn-partner', { hasText: "that's the bit that counts" }))
      .first()
      .waitFor();
    const after = await (await fetch(`${base}/api/sessions/${id}`)).json();
    expect(after.trust).toBeGreaterThan(session.trust);
    await page.goto(`${base}/commitments`);
    await page.getByRole('heading', { name: 'Your commitments' }).waitFor();
    expectNoConsoleErrors();
  });

  it('deletes a commitment after confirming', async () => {
    await page.getByRole('button', { name: `Delete "I'll pay the garage for the repair tomorrow."` }).click();
    await page.getByRole('button', { name: 'Delete it' }).click();
    await expect.poll(() => page.locator('.commitment').count()).toBe(1);
    expectNoConsoleErrors();
  });

  it('names what improved on a second attempt, and celebrates it on the history page', async () => {
    await page.goto(base);
    await page.getByLabel('Search').fill('borrowed van');
    await page.getByRole('button', { name: 'Start with Kwame' }).click();
    await page.waitForURL(/\/practice\//);
    await send(page, "Kwame, I scraped your van and didn't tell you. That was my fault, and you have every right to be angry. The van is your living.");
    await page.getByRole('button', { name: 'End and see the scorecard' }).click();
    await page.waitForURL(/\/scorecard\//);
    await page.getByRole('heading', { name: 'Better than last time' }).waitFor();
    await page.getByText('You validated their feelings in your first turn this time; last time it never came.').waitFor();

    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'Worth celebrating' }).waitFor();
    await page.getByText(/You have kept \d+ of the \d+ promise/).waitFor();
    await page.locator('.progress-highlights .celebrate').getByText('You validated their feelings in your first turn this time').waitFor();
    await page.getByRole('heading', { name: 'Personal bests' }).waitFor();
    await page.getByRole('heading', { name: 'Progress over time' }).waitFor();
    await shot('progress');
    expectNoConsoleErrors();
  });

  it('reviews a written summary on a listening scorecard', async () => {
    const created = await (await post('/api/sessions', { scenarioId: 'caring-for-dad' })).json();
    const said = "He called you 'nurse' three times tonight, and asked when his daughter was coming, while you stood right there.";
    const turn = await post(`/api/sessions/${created.id}/chat`, { message: { id: 'listen-1', role: 'user', parts: [{ type: 'text', text: said }] } });
    await turn.text();
    await post(`/api/sessions/${created.id}/end`);

    await page.goto(`${base}/scorecard/${created.id}`);
    await page.getByRole('heading', { name: 'Write down what you heard' }).waitFor();
    await page
      .getByLabel('Your summary of what Nadia said')
      .fill(
        "So what I took from tonight is that your dad didn't know you and asked for his daughter while you stood there. Your brother should move back from Dubai.",
      );
    await page.getByRole('button', { name: 'Check my summary' }).click();
    await page.getByText(/Summary score: \d+\/100/).waitFor();
    await page.getByText('Captured: ', { exact: false }).first().waitFor();
    await page.locator('.not-said').getByText('Your brother should move back from Dubai.', { exact: false }).waitFor();
    await page.locator('.summary-box').screenshot({ path: path.join(SHOTS, 'summary.png') });

    // The summary is kept: it is there when the scorecard opens again.
    await page.reload();
    await page.getByText(/Summary score: \d+\/100/).waitFor();
    expectNoConsoleErrors();
  });
});
