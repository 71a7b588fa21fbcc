/**
 * How long `POST /api/imports` takes for a 5,000-message WhatsApp thread (issue 14's goal:
 * under a second), through the real app on a temp-file libSQL database, as the HTTP test does.
 * Not part of `npm run bench` (which measures turns); run it alone:
 *
 *   npx tsx bench/import-thread.ts [--reps 7] [--messages 5000]
 *
 * Prints each run and the median, and where the time goes (parse, coach read, the write).
 */
import { parseArgs } from 'node:util';
import { createTestApp, json } from '../test/support/test-app.js';
import { longThread } from '../test/support/threads.js';
import { parseThread } from '../server/practice/imports/thread-parser.js';
import { readThread } from '../server/practice/imports/thread-read.js';
import { median } from './stats.js';

const { values } = parseArgs({ options: { reps: { type: 'string', default: '7' }, messages: { type: 'string', default: '5000' } } });
const reps = Number(values.reps);
const text = longThread(Number(values.messages));
const test = await createTestApp();

const parse: number[] = [];
const read: number[] = [];
const whole: number[] = [];
// One warm-up, as a running server would have read turns before.
await test.app.request('/api/imports', json({ text, you: 'Sam' }));
for (let i = 0; i < reps; i++) {
  let t = performance.now();
  const thread = parseThread(text);
  parse.push(performance.now() - t);
  t = performance.now();
  readThread({ turns: thread.turns, you: 'Sam', partners: test.ctx.partners, label: test.ctx.label });
  read.push(performance.now() - t);
  t = performance.now();
  const response = await test.app.request('/api/imports', json({ text, you: 'Sam' }));
  await response.arrayBuffer();
  whole.push(performance.now() - t);
  if (response.status !== 201) throw new Error(`import failed: ${response.status}`);
}
test.database.close();

const turns = parseThread(text).turns;
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
console.log(
  `${values.messages} messages, ${Buffer.byteLength(text)} bytes, ${turns.length} turns, ${turns.filter((t) => t.speaker === 'Sam').length} of yours`,
);
console.log(`parse                   ${fmt(parse)}`);
console.log(`coach read and fold     ${fmt(read)}`);
console.log(`POST /api/imports (all) ${fmt(whole)}`);
