/**
 * The AI SDK UI message stream, written as server-sent events straight into one byte stream.
 *
 * Why not `createUIMessageStream` + `createUIMessageStreamResponse`: those pass every part
 * through three web-stream stages (the writer's stream, JSON-to-SSE, text encoding) before the
 * HTTP adapter reads it, and each stage is a round of promises per part. Here a part is
 * serialised and encoded once and enqueued where the adapter reads it. The wire format is the
 * `ai` package's own: its headers (`UI_MESSAGE_STREAM_HEADERS`), `data: <json>` events and the
 * closing `data: [DONE]`, and its `UIMessageChunk` type checks every part we write.
 *
 * A client that goes away cancels the byte stream; later writes are dropped, so whoever is
 * writing (the reply's loop) carries on and stores the reply.
 */
import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from 'ai';

const encoder = new TextEncoder();
const DONE = encoder.encode('data: [DONE]\n\n');

export interface UIMessageSse {
  /** The HTTP answer whose body is the stream. */
  response: Response;
  /** Sends one part, unless the client has gone. */
  write(part: UIMessageChunk): void;
  /** Ends the stream (`data: [DONE]`). */
  close(): void;
  /** Whether the client is still reading. */
  readonly open: boolean;
}

export function uiMessageSse(): UIMessageSse {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      open = false;
    },
  });
  return {
    response: new Response(body, { headers: UI_MESSAGE_STREAM_HEADERS }),
    write(part) {
      if (open) controller.enqueue(encoder.encode(`data: ${JSON.stringify(part)}\n\n`));
    },
    close() {
      if (!open) return;
      open = false;
      controller.enqueue(DONE);
      controller.close();
    },
    get open() {
      return open;
    },
  };
}
