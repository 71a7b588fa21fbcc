/**
 * (f) The floor under "CPU per streamed turn": what merely reading one model stream costs on
 * this machine, in a process of its own (so the fake model's work is not counted), for the same
 * paced tokens the latency runs stream, with as many streams open at once as the busiest
 * latency level (a network read wakes the process per token when streams are few, and is
 * shared between streams when they are many, so the floor depends on it):
 *   - `node:http`: a bare request and a hand-written SSE split, no validation — the least any
 *     Node process can spend to receive the reply;
 *   - `provider`: `@ai-sdk/openai`'s chat model `doStream` (with the server's `modelFetch`),
 *     which is how Rehearse reads the model (issue 11 asks for exactly this path).
 * Rehearse's CPU per turn is reported beside these, so what is its own is visible.
 *
 * Run as a script, it is that child process: `tsx bench/read-floor.ts <endpoint> <baseURL> <concurrency> <streamMs> <reps>`.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';

export interface ReadFloor {
  /** CPU ms per stream, median of the repetitions. */
  bareHttpMs: number;
  providerMs: number;
}

export async function measureReadFloor({
  endpoint,
  baseURL,
  concurrency,
  streamMs,
  reps,
}: {
  endpoint: string;
  baseURL: string;
  /** Streams open at once; each reader reads two in a row. */
  concurrency: number;
  streamMs: number;
  reps: number;
}): Promise<ReadFloor> {
  const args = [endpoint, baseURL, String(concurrency), String(streamMs), String(reps)];
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the read-floor process exited with ${code}`);
  return JSON.parse(out) as ReadFloor;
}

async function childMain(endpoint: string, baseURL: string, concurrency: number, streamMs: number, reps: number): Promise<void> {
  const { createOpenAI } = await import('@ai-sdk/openai');
  const { modelFetch } = await import('../server/http/model-fetch.js');
  const { median } = await import('./stats.js');
  const model = createOpenAI({ baseURL, apiKey: 'bench', fetch: modelFetch }).chat('bench-model');
  const prompt = [
    { role: 'system' as const, content: 'You are Sam.' },
    { role: 'user' as const, content: [{ type: 'text' as const, text: 'I am sorry.' }] },
  ];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const viaProvider = async () => {
    const reader = (await model.doStream({ prompt })).stream.getReader();
    for (;;) if ((await reader.read()).done) return;
  };
  const viaHttp = () =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ model: 'bench-model', stream: true, messages: [{ role: 'user', content: 'I am sorry.' }] });
      const req = http.request(endpoint, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (text: string) => {
          buffer += text;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (event.startsWith('data: {')) JSON.parse(event.slice(6));
          }
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const cpuPerStream = async (read: () => Promise<void>) => {
    const runs: number[] = [];
    for (let i = 0; i < 20; i++) await read(); // warm the JIT, as a long-running server is
    for (let r = 0; r < reps; r++) {
      const start = process.cpuUsage();
      // Reader i starts i/N of a stream's length after the first, as the latency clients do.
      const reader = async (i: number) => {
        await new Promise((resolve) => setTimeout(resolve, (i * streamMs) / concurrency));
        await read();
        await read();
      };
      await Promise.all(Array.from({ length: concurrency }, (_, i) => reader(i)));
      const used = process.cpuUsage(start);
      runs.push((used.user + used.system) / 1000 / (2 * concurrency));
    }
    return median(runs);
  };
  const bareHttpMs = await cpuPerStream(viaHttp);
  const providerMs = await cpuPerStream(viaProvider);
  process.stdout.write(JSON.stringify({ bareHttpMs, providerMs } satisfies ReadFloor));
  agent.destroy();
}

if (process.argv[1] === import.meta.filename) {
  const [endpoint, baseURL, concurrency, streamMs, reps] = process.argv.slice(2);
  childMain(endpoint!, baseURL!, Number(concurrency), Number(streamMs), Number(reps)).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`read-floor: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
