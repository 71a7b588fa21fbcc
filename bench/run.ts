/**
 * `npm run bench`: Rehearse's latency overhead over the model, its turn throughput, its
 * memory under load, the offline scorer's speed, and a check that no turn was lost or
 * duplicated. A benchmark, not a test: it prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                      # the full run (a few minutes)
 *   npm run bench -- --quick           # fewer repetitions and turns, for a smoke check
 *   npm run bench -- --reps 7 --levels 1,50,200 --tokens 64 --pace 5
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPacedUpstream } from './fake-openai.js';
import { measureLatency } from './latency.js';
import { measureReadFloor } from './read-floor.js';
import { startRelayFloor } from './relay-floor.js';
import { startRehearse } from './rehearse-instance.js';
import { report } from './report.js';
import { measureScorer } from './scorer-throughput.js';
import { measureThroughput } from './throughput.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reps: { type: 'string' },
    levels: { type: 'string', default: '1,50,200' },
    tokens: { type: 'string', default: '64' },
    pace: { type: 'string', default: '5' },
    clients: { type: 'string', default: '50' },
    out: { type: 'string', default: path.join(import.meta.dirname, 'results', 'latest.json') },
  },
});

const reps = Number(values.reps ?? (values.quick ? 2 : 5));
const levels = values.levels!.split(',').map(Number);
const tokens = Number(values.tokens);
const paceMs = Number(values.pace);
const clients = Number(values.clients);
const streamMs = tokens * paceMs;

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'scripts', 'build-server.mjs')]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-'));
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  try {
    log(`offline scorer (${reps} × 1 s)`);
    const scorer = await measureScorer({ reps, seconds: values.quick ? 0.5 : 1 });

    const upstream = await startPacedUpstream({ tokens, paceMs });
    const llm = await startRehearse({ dir, name: 'latency', modelBaseURL: upstream.baseURL });
    const relay = await startRelayFloor(upstream.baseURL);
    log(`latency at ${levels.join(', ')} concurrent sessions (${tokens} tokens every ${paceMs} ms, ${reps} repetitions)`);
    const latency = await measureLatency({
      levels,
      reps,
      upstream,
      rehearse: llm,
      relay,
      streamMs,
      // Enough turns per repetition for a percentile at one session, two per session beyond.
      turnsPerSession: (level) => Math.max(2, Math.ceil((values.quick ? 10 : 20) / level)),
    });
    const floorConcurrency = Math.min(50, Math.max(...levels));
    log(`the floor: CPU to read a ${tokens}-token stream, ${floorConcurrency} at once, bare node:http and through the provider (${reps} repetitions)`);
    const floor = await measureReadFloor({ endpoint: upstream.endpoint, baseURL: upstream.baseURL, concurrency: floorConcurrency, streamMs, reps });
    const latencyLogs = Object.fromEntries(llm.logCounts);
    const upstreamCalls = { streams: upstream.requests(), judge: upstream.judgeRequests() };
    await llm.close();
    await relay.close();
    await upstream.close();

    const builtin = await startRehearse({ dir, name: 'throughput' });
    const turnsPerClient = values.quick ? 6 : 20;
    log(`throughput: ${clients} clients × ${turnsPerClient} sequential turns, built-in partner (${reps} repetitions)`);
    const throughput = await measureThroughput({ rehearse: builtin, clients, turnsPerClient, reps });
    const throughputLogs = Object.fromEntries(builtin.logCounts);
    await builtin.close();

    // The same load against two worker processes (REHEARSE_WORKERS=2): one per core here.
    const pair = await startRehearse({ dir, name: 'throughput-workers', workers: 2 });
    log(`throughput again with 2 workers (${reps} repetitions)`);
    const throughputWorkers = await measureThroughput({ rehearse: pair, clients, turnsPerClient, reps });
    await pair.close();

    const results = {
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', totalMemMb: Math.round(os.totalmem() / 2 ** 20) },
      settings: { reps, levels, tokens, paceMs, clients, turnsPerClient, quick: values.quick },
      latency,
      floor,
      throughput,
      throughputWorkers,
      scorer,
      upstreamCalls,
      logs: { latency: latencyLogs, throughput: throughputLogs },
    };
    const { table, goals } = report(results);
    process.stdout.write(`${table}\n`);
    mkdirSync(path.dirname(values.out!), { recursive: true });
    writeFileSync(values.out!, `${JSON.stringify({ ...results, goals }, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), values.out!)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
