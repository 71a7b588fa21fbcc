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

const FAKE_BASE_URL = 'http://fake-openai.test/v1';
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

function sseBody(chunks: string[], { done = true }: { done?: boolean } = {}): string {
  return chunks.map((line) => `data: ${line}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
}

/** The recorded whole (not streamed) completion that every answer is shaped like. */
const RECORDED_COMPLETION: { choices: { message: Record<string, unknown> }[] } = JSON.parse(
  readFileSync(path.join(OPENAI_FIXTURES, 'chat-openai-text.json'), 'utf8'),
);

/** A whole chat completion as OpenAI answers one: the recorded one, its message `content`. */
function chatCompletion(content: string) {
  return { ...RECORDED_COMPLETION, choices: RECORDED_COMPLETION.choices.map((choice) => ({ ...choice, message: { ...choice.message, content } })) };
}

export interface SeenRequest {
  body: {
    model: string;
    messages: { role: string; content: string }[];
    stream?: boolean;
    response_format?: { type: string; json_schema?: { name: string; strict: boolean; schema: { required: string[]; additionalProperties: boolean } } };
  };
}

export interface AnswerOptions {
  /** Holds the answer until this settles: a slow model, or one the test releases when it is ready. */
  after?: () => Promise<unknown>;
}

function createFakeOpenAI() {
  const seen: SeenRequest[] = [];
  const server = setupServer();
  /** Answers every request with `respond`, once it is recorded in `seen`. */
  const replyWith = (respond: (body: SeenRequest['body'], request: Request) => Response | Promise<Response>) =>
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        const body = (await request.clone().json()) as SeenRequest['body'];
        seen.push({ body });
        return respond(body, request);
      }),
    );
  const stream = (chunks: string[], options: { done?: boolean } = {}) =>
    new HttpResponse(sseBody(chunks, options), { headers: { 'content-type': 'text/event-stream' } });
  const answer = async (content: string, { after }: AnswerOptions) => {
    await after?.();
    return HttpResponse.json(chatCompletion(content));
  };

  return {
    server,
    seen,
    /** Streams `chunks` as SSE; `done: false` cuts the stream with no finish and no [DONE]. */
    streams(chunks: string[], options: { done?: boolean } = {}) {
      replyWith(() => stream(chunks, options));
    },
    /** Answers one whole (not streamed) chat completion whose message is `content`: what generateText reads. */
    answers(content: string, options: AnswerOptions = {}) {
      replyWith(() => answer(content, options));
    },
    /**
     * One server for the partner and the judge, as in the app: streams `chunks` to streamed
     * requests (the partner's reply) and answers `content` whole to the rest (the judge's
     * verdict). `after` holds only the answers, so a test can show the partner never waits.
     */
    streamsAndAnswers(chunks: string[], content: string, options: AnswerOptions = {}) {
      replyWith((body) => (body.stream ? stream(chunks) : answer(content, options)));
    },
    fails(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
      replyWith(() => HttpResponse.json(body as never, { status, headers }));
    },
    /** Answers with headers, then never sends a byte; ends when the client aborts. */
    hangs() {
      replyWith((_body, request) => {
        const never = new ReadableStream({
          start(controller) {
            request.signal.addEventListener('abort', () => controller.error(new Error('aborted')));
          },
        });
        return new HttpResponse(never, { headers: { 'content-type': 'text/event-stream' } });
      });
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
