/**
 * The conversation as useChat holds it. Stored messages (ApiMessage) become UI messages:
 * the person's turns carry the coach's read as `metadata.coach`; the partner's replies
 * carry what the stream sent (`ReplyMetadata`: the coach's read of the turn they answer,
 * the trust, the session status, and `safety` when the reply is outside the role-play).
 */
import type { UIMessage } from 'ai';
import type { ApiMessage, ApiSession, CoachRead, ReplyMetadata } from '../api/types.js';

export type PracticeMessage = UIMessage<ReplyMetadata>;

export function messageText(message: PracticeMessage): string {
  return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** The read a turn shows: the LLM judge's once it has arrived (the better read wins), else the offline one. */
export function bestRead(message: ApiMessage): CoachRead | undefined {
  return message.judge ?? message.coach;
}

export function toUIMessage(message: ApiMessage): PracticeMessage {
  const read = bestRead(message);
  const metadata: ReplyMetadata =
    message.role === 'user' ? (read ? { coach: read } : {}) : { status: message.status, ...(message.source === 'safety' ? { safety: true } : {}) };
  return { id: message.id, role: message.role, metadata, parts: [{ type: 'text', text: message.text }] };
}

/**
 * Puts the judge's reads that have arrived on the turns they read, leaving everything else
 * as it is: the page's labels and trust for those turns follow the better read.
 */
export function withJudgedReads(messages: readonly PracticeMessage[], stored: readonly ApiMessage[]): PracticeMessage[] {
  const judged = new Map(stored.filter((m) => m.role === 'user' && m.judge).map((m) => [m.id, m.judge!]));
  if (judged.size === 0) return [...messages];
  return messages.map((m) => (m.role === 'user' && judged.has(m.id) ? { ...m, metadata: { ...m.metadata, coach: judged.get(m.id)! } } : m));
}

/** The messages still in the conversation; a reply that failed before any word is left out (Retry asks again). */
export function toUIMessages(messages: readonly ApiMessage[]): PracticeMessage[] {
  return messages.filter((m) => !m.superseded && !(m.role === 'assistant' && m.status === 'failed' && m.text === '')).map(toUIMessage);
}

/** The coach's read of each of the person's turns, by message id, from whichever side carries it. */
export function coachByTurn(messages: readonly PracticeMessage[]): Map<string, CoachRead> {
  const reads = new Map<string, CoachRead>();
  for (const message of messages) {
    const meta = message.metadata;
    if (!meta?.coach) continue;
    if (message.role === 'user') reads.set(message.id, meta.coach);
    else if (meta.userMessageId && !reads.has(meta.userMessageId)) reads.set(meta.userMessageId, meta.coach);
  }
  return reads;
}

export interface TrustNow {
  trust: number;
  previous: number | null;
  reason: string | null;
  tip: string | null;
  latest: { messageId: string; read: CoachRead } | null;
}

/** Trust after the latest read turn; `base` (the session's trust) before any turn. */
export function trustNow(messages: readonly PracticeMessage[], base: number): TrustNow {
  const reads = coachByTurn(messages);
  const lastTurn = [...messages].reverse().find((m) => m.role === 'user' && reads.has(m.id));
  if (!lastTurn) return { trust: base, previous: null, reason: null, tip: null, latest: null };
  const read = reads.get(lastTurn.id)!;
  return { trust: read.trustAfter, previous: read.trustBefore, reason: read.reason, tip: read.tip, latest: { messageId: lastTurn.id, read } };
}

/** The partner's arc as the latest reply reported it, else as loaded. */
export function arcNow(messages: readonly PracticeMessage[], base: ApiSession['arc']): ApiSession['arc'] {
  return [...messages].reverse().find((m) => m.role === 'assistant' && m.metadata?.arc)?.metadata?.arc ?? base;
}

/** The session's status as the latest reply reported it, else as loaded. */
export function statusNow(messages: readonly PracticeMessage[], base: ReplyMetadata['sessionStatus']): NonNullable<ReplyMetadata['sessionStatus']> {
  const reported = [...messages].reverse().find((m) => m.role === 'assistant' && m.metadata?.sessionStatus)?.metadata?.sessionStatus;
  return reported ?? base ?? 'active';
}

/**
 * Runs of turns taken back by a rewind, oldest first: each run is one earlier attempt.
 * (The API says only whether a message was taken back, not by which rewind, so two rewinds
 * in a row at the same point read as one run; rewinds made on this page are grouped exactly
 * by `newlyTakenBack`.)
 */
export function earlierAttempts(messages: readonly ApiMessage[]): ApiMessage[][] {
  const attempts: ApiMessage[][] = [];
  let current: ApiMessage[] | null = null;
  for (const message of messages) {
    if (message.superseded) {
      if (!current) attempts.push((current = []));
      current.push(message);
    } else current = null;
  }
  return attempts;
}

/** The messages taken back since `known` attempts were recorded: the attempt a rewind just made. */
export function newlyTakenBack(messages: readonly ApiMessage[], known: readonly ApiMessage[][]): ApiMessage[] {
  const seen = new Set(known.flat().map((m) => m.id));
  return messages.filter((m) => m.superseded && !seen.has(m.id));
}
