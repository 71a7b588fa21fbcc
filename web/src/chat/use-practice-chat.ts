/**
 * useChat for one practice session. The transport sends only the new turn (`{message}`):
 * the server holds the conversation. Its fetch turns error answers (409, 413, 429, 502, 504)
 * into ApiErrors with the server's words and status, instead of useChat's raw body text.
 */
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useMemo } from 'react';
import { apiFetch } from '../api/client.js';
import { chatUrl } from '../api/rehearse-api.js';
import type { PracticeMessage } from './practice-messages.js';

export function createPracticeTransport(sessionId: string) {
  return new DefaultChatTransport<PracticeMessage>({
    api: chatUrl(sessionId),
    fetch: apiFetch as typeof fetch,
    // Resending a stored turn (Retry) carries the same message id: the server retries a
    // failed reply, or replays a finished one, instead of storing the turn twice.
    prepareSendMessagesRequest: ({ messages, trigger, messageId }) => ({
      body: { message: messages.at(-1), trigger, ...(messageId ? { messageId } : {}) },
    }),
  });
}

export function usePracticeChat(sessionId: string, initial: PracticeMessage[]) {
  const transport = useMemo(() => createPracticeTransport(sessionId), [sessionId]);
  return useChat<PracticeMessage>({ id: sessionId, messages: initial, transport });
}
