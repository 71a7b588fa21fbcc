/**
 * An OpenAI-compatible Chat Completions server, faked with msw, that replays the real
 * recorded responses in ../fixtures/openai/. The only thing the tests ever fake.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { OPENAI_FIXTURES } from './fixtures.js';

export const FAKE_BASE_URL = 'http://fake-openai.test/v1';
const ENDPOINT = `${FAKE_BASE_URL}/chat/completions`;

/** The model the fake serves, as createLlmEngine and createJudgeModel take it. */
export const FAKE_MODEL = { apiKey: 'test-key', baseURL: FAKE_BASE_URL, model: 'gpt-test' } as const;

export function fixtureChunks(name: string): string[] {
  return readFileSync(path.join(OPENAI_FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim());
}

/** The text the recorded stream carries, joined from its deltas. */
export function fixtureText(chunks: string[]): string {
  return chunks.map((line) => (JSON.parse(line).choices?.[0]?.delta?.content as string | undefined) ?? '').join('');
}

export function sseBody(chunks: string[], { done = true }: { done?: boolean } = {}): string {
  return chunks.map((line) => `data: ${line}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
}

/** A whole chat completion as OpenAI answers one, its message `content`. */
export function chatCompletion(content: string, model = 'm') {
  return {
    id: 'x',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export interface SeenRequest {
  body: { model: string; messages: { role: string; content: string }[]; stream?: boolean };
}

export function createFakeOpenAI() {
  const seen: SeenRequest[] = [];
  const server = setupServer();
  const record = async (request: Request) => seen.push({ body: (await request.clone().json()) as SeenRequest['body'] });

  return {
    server,
    seen,
    /** Streams `chunks` as SSE; `done: false` cuts the stream with no finish and no [DONE]. */
    streams(chunks: string[], options: { done?: boolean } = {}) {
      server.use(
        http.post(ENDPOINT, async ({ request }) => {
          await record(request);
          return new HttpResponse(sseBody(chunks, options), { headers: { 'content-type': 'text/event-stream' } });
        }),
      );
    },
    /** Answers one whole (not streamed) chat completion whose message is `content`: what generateText reads. */
    answers(content: string) {
      server.use(
        http.post(ENDPOINT, async ({ request }) => {
          await record(request);
          return HttpResponse.json(chatCompletion(content));
        }),
      );
    },
    fails(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
      server.use(
        http.post(ENDPOINT, async ({ request }) => {
          await record(request);
          return HttpResponse.json(body as never, { status, headers });
        }),
      );
    },
    /** Answers with headers, then never sends a byte; ends when the client aborts. */
    hangs() {
      server.use(
        http.post(ENDPOINT, async ({ request }) => {
          await record(request);
          const stream = new ReadableStream({
            start(controller) {
              request.signal.addEventListener('abort', () => controller.error(new Error('aborted')));
            },
          });
          return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream' } });
        }),
      );
    },
  };
}

/**
 * The fake, listening from the file's first test to its last: an unhandled request fails the
 * test, and each test starts with no handlers and nothing seen. Call it at the top of the file.
 */
export function startFakeOpenAI() {
  const fake = createFakeOpenAI();
  beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => fake.server.close());
  afterEach(() => {
    fake.server.resetHandlers();
    fake.seen.length = 0;
  });
  return fake;
}
