/**
 * A language model (AI SDK `LanguageModelV3`) that streams text decided in-process. The
 * built-in partner and the safety responder both use it, so their replies travel the
 * same streaming path as a real model's, word by word.
 */
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';

export interface ScriptedModelOptions {
  modelId: string;
  /** Decides the reply from the prompt; runs once per call. */
  reply: (options: LanguageModelV3CallOptions) => string;
  /** Milliseconds between words, for a typing feel; 0 streams at once. */
  paceMs?: number;
}

const USAGE_UNKNOWN = {
  inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

export function createScriptedModel({ modelId, reply, paceMs = 0 }: ScriptedModelOptions): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: 'rehearse',
    modelId,
    supportedUrls: {},
    async doGenerate(options) {
      const text = reply(options);
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: USAGE_UNKNOWN,
        warnings: [],
      };
    },
    async doStream(options) {
      const text = reply(options);
      // With no pace there is nothing to see between words: one delta carries the whole reply.
      const words = paceMs > 0 ? (text.match(/\S+\s*/g) ?? [text]) : [text];
      const signal = options.abortSignal;
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        async start(controller) {
          controller.enqueue({ type: 'stream-start', warnings: [] });
          controller.enqueue({ type: 'text-start', id: 'reply' });
          for (const [index, word] of words.entries()) {
            if (signal?.aborted) {
              controller.error(signal.reason ?? new Error('aborted'));
              return;
            }
            if (paceMs > 0 && index > 0) await sleep(paceMs);
            controller.enqueue({ type: 'text-delta', id: 'reply', delta: word });
          }
          controller.enqueue({ type: 'text-end', id: 'reply' });
          controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: USAGE_UNKNOWN });
          controller.close();
        },
      });
      return { stream };
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
