#!/usr/bin/env node
/**
 * Prints the gzipped size of the JavaScript the first view loads: the scripts and module
 * preloads named in web/dist/index.html (views loaded on demand are listed apart).
 * Usage: node scripts/web-size.mjs [--max-kb 200]  (exits 1 above the limit)
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('web/dist/index.html is missing: run `npm run build:web` first.');
  process.exit(1);
}
const maxArg = process.argv.indexOf('--max-kb');
const maxKb = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 200;

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const firstView = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let total = 0;
console.log('First view (loaded by index.html):');
for (const file of firstView) {
  const size = gz(file);
  total += size;
  console.log(`  ${file.padEnd(46)} ${kb(size).padStart(9)} gzipped`);
}
console.log(`  ${'total'.padEnd(46)} ${kb(total).padStart(9)} gzipped (budget ${maxKb} KB)`);

const later = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !firstView.includes(`assets/${f}`));
if (later.length) {
  console.log('Loaded on demand by other views:');
  for (const f of later.sort()) console.log(`  assets/${f.padEnd(39)} ${kb(gz(`assets/${f}`)).padStart(9)} gzipped`);
}
if (total / 1024 > maxKb) {
  console.error(`The first view's JavaScript is over the ${maxKb} KB budget.`);
  process.exit(1);
}
