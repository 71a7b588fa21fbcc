/**
 * (g) The floor under "added time to first token": the least a relay built the way issue 11
 * asks (the model read through `@ai-sdk/openai`'s `doStream`, the reply written as the AI SDK
 * UI message stream) adds on this machine. It is a bare `node:http` server in a process of its
 * own: it reads the posted message, calls the model with the server's own `modelFetch`, and
 * writes the UI message stream with the same 40 ms coalescing as Rehearse — no session, no
 * database, no scoring, no partner, no logging. The latency runs time it beside Rehearse and the
 * direct path, so what Rehearse adds beyond any relay is visible, and a goal below this floor
 * is a goal no relay of this shape meets here.
 *
 * Run as a script, it is that child process: `tsx bench/relay-floor.ts <baseURL>` prints its
 * port as JSON and serves until killed.
 */
import { spawn } from 'node:child_process';
import { cpuMsOf, stop } from './child-process.js';
import http from 'node:http';

export interface RelayFloor {
  /** POST `{message: {parts: [{type: 'text', text}]}}` here; the answer is a UI message stream. */
  url: string;
  /** The relay process's user + system CPU so far. */
  cpuMs(): number;
  close(): Promise<void>;
}

export async function startRelayFloor(baseURL: string): Promise<RelayFloor> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, baseURL], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the relay-floor process exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port));
  });
  return {
    url: `http://127.0.0.1:${port}/chat`,
    cpuMs: () => cpuMsOf(child),
    close: () => stop(child),
  };
}

async function childMain(baseURL: string): Promise<void> {
  const { createOpenAI } = await import('@ai-sdk/openai');
  const { UI_MESSAGE_STREAM_HEADERS } = await import('ai');
  const { modelFetch } = await import('../server/http/model-fetch.js');
  const model = createOpenAI({ baseURL, apiKey: 'bench', fetch: modelFetch }).chat('bench-model');
  const event = (part: object) => `data: ${JSON.stringify(part)}\n\n`;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { message } = JSON.parse(Buffer.concat(chunks).toString()) as { message: { parts: { text: string }[] } };
    const { stream } = await model.doStream({
      prompt: [
        { role: 'system', content: 'You are Sam.' },
        { role: 'user', content: [{ type: 'text', text: message.parts[0]!.text }] },
      ],
    });
    res.writeHead(200, UI_MESSAGE_STREAM_HEADERS);
    res.write(event({ type: 'start', messageId: 'reply' }) + event({ type: 'text-start', id: 'text' }));
    // The first delta goes at once, later ones every 40 ms, as Rehearse's relay does.
    let pending = '';
    let first = true;
    let timer: NodeJS.Timeout | undefined;
    const emit = () => {
      timer = undefined;
      if (pending) res.write(event({ type: 'text-delta', id: 'text', delta: pending }));
      pending = '';
    };
    const reader = stream.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      if (part.value.type !== 'text-delta') continue;
      pending += part.value.delta;
      if (first) {
        first = false;
        emit();
      } else timer ??= setTimeout(emit, 40);
    }
    clearTimeout(timer);
    emit();
    res.end(`${event({ type: 'text-end', id: 'text' })}${event({ type: 'finish' })}data: [DONE]\n\n`);
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port })));
}

if (process.argv[1] === import.meta.filename) {
  childMain(process.argv[2]!).catch((error) => {
    process.stderr.write(`relay-floor: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
