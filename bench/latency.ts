/**
 * (a) time to first token and total time of a streamed reply, through Rehearse and straight
 * from the fake model, at several levels of concurrent sessions; (c) the peak RSS while
 * Rehearse serves them; (e) the stored turns checked after every Rehearse run.
 *
 * Each session is a client doing sequential turns; client i starts i/N of a stream's length
 * after the first, so the level of concurrency is reached within one reply and then held
 * (a steady load, not one burst at a single instant). Direct and Rehearse runs use the same
 * schedule and alternate within each repetition, in this one process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PacedUpstream } from './fake-openai.js';
import { checkIntegrity, sumIntegrity, type Integrity, type PostedTurn } from './integrity.js';
import { chatCompletionText, postJson, resetConnections, streamPost, uiMessageText, type StreamTiming } from './load-client.js';
import type { RehearseInstance } from './rehearse-instance.js';
import type { RelayFloor } from './relay-floor.js';
import { median, percentile } from './stats.js';
import { SCENARIO_ID, turnText } from './turn-texts.js';

export interface Percentiles {
  ttftP50: number;
  ttftP99: number;
  totalP50: number;
  totalP99: number;
}

export interface LevelResult {
  sessions: number;
  turnsPerSession: number;
  samplesPerRep: number;
  direct: Percentiles;
  rehearse: Percentiles;
  /** Rehearse minus direct, per repetition, then the median. */
  overhead: Percentiles;
  /** Rehearse divided by direct (medians). */
  ratio: Percentiles;
  peakRssMb: number;
  rssBeforeMb: number;
  /** The server's CPU time (user + system) per streamed turn, median over repetitions. */
  cpuMsPerTurn: number;
  /** The bench process's own event-loop delay p99 (load client and fake model): low means the bench is not the bottleneck. */
  loopDelayP99Ms: number;
  integrity: Integrity;
  /** (g) The bare doStream relay on the same schedule: its times, what it adds over direct, its CPU per turn. */
  relay?: { path: Percentiles; overhead: Percentiles; cpuMsPerTurn: number };
}

export interface LatencyOptions {
  levels: number[];
  reps: number;
  upstream: PacedUpstream;
  rehearse: RehearseInstance;
  /** When given, each repetition also times the bare relay (the floor, `relay-floor.ts`). */
  relay?: RelayFloor;
  streamMs: number;
  turnsPerSession(level: number): number;
}

type Kind = 'direct' | 'rehearse' | 'relay';

export async function measureLatency(options: LatencyOptions): Promise<LevelResult[]> {
  await runLevel(options, 20, 1, 'direct');
  await runLevel(options, 20, 1, 'rehearse');
  if (options.relay) await runLevel(options, 20, 1, 'relay');
  const results: LevelResult[] = [];
  for (const level of options.levels) results.push(await measureLevel(options, level));
  return results;
}

async function measureLevel(options: LatencyOptions, level: number): Promise<LevelResult> {
  const turns = options.turnsPerSession(level);
  const reps: {
    direct: Percentiles;
    rehearse: Percentiles;
    relay?: Percentiles;
    relayCpuPerTurn?: number;
    peakRss: number;
    rssBefore: number;
    loopP99: number;
    cpuPerTurn: number;
    integrity: Integrity;
  }[] = [];
  const kinds: Kind[] = options.relay ? ['direct', 'rehearse', 'relay'] : ['direct', 'rehearse'];
  for (let rep = 0; rep < options.reps; rep++) {
    // A different order each repetition, so none of the paths always runs first.
    const order = kinds.map((_, k) => kinds[(k + rep) % kinds.length]!);
    const runs: Partial<Record<Kind, Awaited<ReturnType<typeof runLevel>>>> = {};
    for (const kind of order) runs[kind] = await runLevel(options, level, turns, kind);
    const integrity = await checkIntegrity(options.rehearse.database, runs.rehearse!.posted, options.upstream.text);
    reps.push({
      direct: percentilesOf(runs.direct!.timings),
      rehearse: percentilesOf(runs.rehearse!.timings),
      peakRss: runs.rehearse!.peakRss,
      rssBefore: runs.rehearse!.rssBefore,
      loopP99: runs.rehearse!.loopP99,
      cpuPerTurn: runs.rehearse!.cpuMs / runs.rehearse!.posted.length,
      ...(runs.relay ? { relay: percentilesOf(runs.relay.timings), relayCpuPerTurn: runs.relay.cpuMs / runs.relay.timings.length } : {}),
      integrity,
    });
  }
  const med = (pick: (rep: (typeof reps)[number]) => number) => median(reps.map(pick));
  const each = (of: (rep: (typeof reps)[number], key: keyof Percentiles) => number): Percentiles => ({
    ttftP50: med((rep) => of(rep, 'ttftP50')),
    ttftP99: med((rep) => of(rep, 'ttftP99')),
    totalP50: med((rep) => of(rep, 'totalP50')),
    totalP99: med((rep) => of(rep, 'totalP99')),
  });
  const direct = each((rep, key) => rep.direct[key]);
  const rehearse = each((rep, key) => rep.rehearse[key]);
  return {
    sessions: level,
    turnsPerSession: turns,
    samplesPerRep: level * turns,
    direct,
    rehearse,
    overhead: each((rep, key) => rep.rehearse[key] - rep.direct[key]),
    ratio: {
      ttftP50: rehearse.ttftP50 / direct.ttftP50,
      ttftP99: rehearse.ttftP99 / direct.ttftP99,
      totalP50: rehearse.totalP50 / direct.totalP50,
      totalP99: rehearse.totalP99 / direct.totalP99,
    },
    peakRssMb: Math.max(...reps.map((rep) => rep.peakRss)) / 2 ** 20,
    rssBeforeMb: med((rep) => rep.rssBefore) / 2 ** 20,
    loopDelayP99Ms: med((rep) => rep.loopP99),
    cpuMsPerTurn: med((rep) => rep.cpuPerTurn),
    integrity: sumIntegrity(reps.map((rep) => rep.integrity)),
    ...(options.relay
      ? {
          relay: {
            path: each((rep, key) => rep.relay![key]),
            overhead: each((rep, key) => rep.relay![key] - rep.direct[key]),
            cpuMsPerTurn: med((rep) => rep.relayCpuPerTurn!),
          },
        }
      : {}),
  };
}

function percentilesOf(timings: StreamTiming[]): Percentiles {
  const ttft = timings.map((t) => t.ttftMs);
  const total = timings.map((t) => t.totalMs);
  return { ttftP50: percentile(ttft, 50), ttftP99: percentile(ttft, 99), totalP50: percentile(total, 50), totalP99: percentile(total, 99) };
}

async function runLevel({ upstream, rehearse, relay, streamMs }: LatencyOptions, level: number, turns: number, kind: Kind) {
  // Fresh connections for each run: a socket left idle past the server's keep-alive
  // timeout can be closed just as the client reuses it (a spurious "socket hang up").
  resetConnections();
  const sessions: string[] = [];
  if (kind === 'rehearse') {
    for (let i = 0; i < level; i++) {
      const created = await postJson<{ id: string }>(`${rehearse.url}/api/sessions`, { scenarioId: SCENARIO_ID });
      if (created.status !== 201) throw new Error(`could not create a session: ${created.status}`);
      sessions.push(created.body.id);
    }
  }
  const timings: StreamTiming[] = [];
  const posted: PostedTurn[] = [];
  // The server's own memory, sampled from its process while the streams run.
  const rssBefore = rehearse.rss();
  const cpuOf = () => (kind === 'rehearse' ? rehearse.cpuMs() : kind === 'relay' ? relay!.cpuMs() : 0);
  const cpuBefore = cpuOf();
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rehearse.rss())), 50);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();

  const client = async (i: number) => {
    await new Promise((resolve) => setTimeout(resolve, (i * streamMs) / level));
    for (let t = 0; t < turns; t++) {
      const text = turnText(i + t);
      if (kind === 'direct') {
        const body = { model: 'bench-model', stream: true, messages: [{ role: 'user', content: text }] };
        timings.push(await streamPost(upstream.endpoint, body, chatCompletionText));
      } else if (kind === 'relay') {
        timings.push(await streamPost(relay!.url, { message: { parts: [{ type: 'text', text }] } }, uiMessageText));
      } else {
        const messageId = `bench-${sessions[i]}-${t}`;
        const timing = await streamPost(
          `${rehearse.url}/api/sessions/${sessions[i]}/chat`,
          { message: { id: messageId, role: 'user', parts: [{ type: 'text', text }] } },
          uiMessageText,
        );
        timings.push(timing);
        posted.push({ sessionId: sessions[i]!, messageId, text: timing.text, httpStatus: timing.status });
      }
    }
  };
  await Promise.all(Array.from({ length: level }, (_, i) => client(i)));
  clearInterval(sampler);
  loop.disable();
  const cpuMs = cpuOf() - cpuBefore;
  const bad = timings.find((t) => t.status !== 200 || t.ttftMs < 0);
  if (bad) throw new Error(`a ${kind} stream failed: ${bad.status} ${bad.detail ?? ''}`);
  return { timings, posted, peakRss, rssBefore, cpuMs, loopP99: loop.percentile(99) / 1e6 };
}
