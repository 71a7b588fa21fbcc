import { parseJsonEventStream, readUIMessageStream, uiMessageChunkSchema, type UIMessage, type UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import { uiMessageSse } from '../../server/chat/ui-message-sse.js';

describe('the UI message stream written as bytes', () => {
  it('is read by the ai package’s own client parser as the message it describes', async () => {
    const sse = uiMessageSse();
    sse.write({ type: 'start', messageId: 'r1', messageMetadata: { trust: 40 } });
    sse.write({ type: 'text-start', id: 'r1' });
    sse.write({ type: 'text-delta', id: 'r1', delta: 'I hear ' });
    sse.write({ type: 'text-delta', id: 'r1', delta: 'you — “properly”.' });
    sse.write({ type: 'text-end', id: 'r1' });
    sse.write({ type: 'finish', messageMetadata: { status: 'complete' } });
    sse.close();

    expect(sse.response.headers.get('content-type')).toBe('text/event-stream');
    expect(sse.response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const parsed = parseJsonEventStream({ stream: sse.response.body!, schema: uiMessageChunkSchema }).pipeThrough(
      new TransformStream<{ success: boolean; value?: UIMessageChunk }, UIMessageChunk>({
        transform(result, controller) {
          if (!result.success) throw new Error('a part did not parse');
          controller.enqueue(result.value!);
        },
      }),
    );
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream: parsed })) last = message;
    expect(last?.id).toBe('r1');
    expect(last?.parts).toEqual([{ type: 'text', text: 'I hear you — “properly”.', state: 'done' }]);
    expect(last?.metadata).toEqual({ trust: 40, status: 'complete' });
  });

  it('ends with [DONE], and drops what is written after the client has gone', async () => {
    const sse = uiMessageSse();
    sse.write({ type: 'text-start', id: 'r2' });
    const reader = sse.response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"type":"text-start","id":"r2"}\n\n');
    await reader.cancel();
    expect(sse.open).toBe(false);
    expect(() => sse.write({ type: 'text-delta', id: 'r2', delta: 'still writing' })).not.toThrow();
    expect(() => sse.close()).not.toThrow();

    const whole = uiMessageSse();
    whole.write({ type: 'finish' });
    whole.close();
    expect(await whole.response.text()).toBe('data: {"type":"finish"}\n\ndata: [DONE]\n\n');
  });
});
