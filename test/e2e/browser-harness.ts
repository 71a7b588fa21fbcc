/**
 * What the browser tests share: finding Debian's Chromium, building the page once, starting
 * the real server on a free port with a temporary database, and launching Chromium with a
 * fresh profile that records console errors.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = path.join(ROOT, 'docs', 'screenshots');
/** CHROMIUM_PATH when set (and only it), else Debian's and Ubuntu's usual places. */
export const CHROMIUM = (process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser']).find((p) =>
  existsSync(p),
);
export const SKIP_MESSAGE = 'e2e: skipped, no Chromium found (set CHROMIUM_PATH or apt-get install -y chromium)';
// CI installs Chromium before the tests; there a missing browser is a failure, not a skip.
if (!CHROMIUM && process.env.REHEARSE_REQUIRE_E2E === '1') {
  throw new Error('e2e: REHEARSE_REQUIRE_E2E=1 but no Chromium was found (set CHROMIUM_PATH or apt-get install -y chromium)');
}
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds web/dist when it is missing or stale, and the server bundle, as `npm start` does. */
export function ensureWebBuild(): void {
  for (const script of ['ensure-web-build.mjs', 'build-server.mjs']) {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script)], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`${script} failed:\n${build.stdout}\n${build.stderr}`);
  }
}

export interface RunningApp {
  base: string;
  stop: () => Promise<void>;
}

/** Starts the bundled server (what `npm start` runs) as a child process and waits for /api/health. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningApp> {
  const work = mkdtempSync(path.join(tmpdir(), 'rehearse-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(work, 'e2e.db')}`,
      REHEARSE_BUILTIN_PACE_MS: '5',
      REHEARSE_RATE_LIMIT: '0',
      REHEARSE_LOG_LEVEL: 'warn',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      REHEARSE_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(work, { recursive: true, force: true });
  };

  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited (${child.exitCode}):\n${log}`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`the server did not become healthy:\n${log}`);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far, with the page they happened on. */
  consoleErrors: string[];
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'rehearse-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
    // No transitions: screenshots then show where the trust bar ends, not where it is on the way.
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return {
    context,
    page,
    consoleErrors,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sends a turn with Enter and waits until the partner's reply has finished streaming. */
export async function sendTurn(page: Page, text: string): Promise<void> {
  const before = await page.locator('.turn-partner:not(.is-streaming):not(.is-waiting)').count();
  const box = page.getByLabel(/^Your reply to/);
  await box.fill(text);
  await box.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.turn-partner:not(.is-streaming):not(.is-waiting)').length > n, before);
  await page.waitForFunction(() => !document.querySelector('.is-streaming, .is-waiting'));
}
