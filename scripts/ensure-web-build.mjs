#!/usr/bin/env node
/**
 * Builds the web page (web/dist) when it is missing or older than its sources, so that
 * `npm start` serves the page from a fresh clone with no manual step; otherwise a fast no-op.
 *
 * Sources are every file under web/ (but dist/) plus the files outside web/ that the last
 * build recorded in web/dist/.inputs.json (the shared types and criteria in server/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const dist = path.join(web, 'dist');
const builtMarker = path.join(dist, 'index.html');

function newestUnder(dir, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.has(full) || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full, skip) : statSync(full).mtimeMs);
  }
  return newest;
}

function recordedInputs() {
  try {
    const list = JSON.parse(readFileSync(path.join(dist, '.inputs.json'), 'utf8'));
    return Array.isArray(list) ? list.filter((f) => typeof f === 'string' && !f.startsWith('web/')) : [];
  } catch {
    return null;
  }
}

function staleReason() {
  if (!existsSync(builtMarker)) return 'web/dist is missing';
  const builtAt = statSync(builtMarker).mtimeMs;
  if (newestUnder(web, new Set([dist])) > builtAt) return 'a file in web/ changed since the last build';
  const inputs = recordedInputs();
  if (inputs === null) return 'the last build recorded no inputs';
  for (const file of inputs) {
    const full = path.join(root, file);
    if (!existsSync(full) || statSync(full).mtimeMs > builtAt) return `${file} changed since the last build`;
  }
  return null;
}

/**
 * Two starts at once (two test files, two terminals) must not build into web/dist together:
 * a lock directory (mkdir is atomic) makes the second wait, then find the build fresh.
 */
const lock = path.join(root, 'node_modules', '.cache', 'rehearse-web-build.lock');

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a build that died long ago is taken over.
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 180_000 || Date.now() > deadline) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      sleep(200);
    }
  }
}

function build(reason) {
  process.stdout.write(`Building the web page (${reason})…\n`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    process.stderr.write('Cannot build the web page: vite is not installed. Run `npm ci` (with dev dependencies) first.\n');
    return 1;
  }
  // Always a production build: run from vitest, NODE_ENV=test would give React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) process.stderr.write('The web page failed to build; see the errors above.\n');
  return result.status ?? 1;
}

if (staleReason()) {
  acquireLock();
  let status = 0;
  try {
    const reason = staleReason(); // another process may have built it while this one waited
    if (reason) status = build(reason);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  process.exit(status);
}
