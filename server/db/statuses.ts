/**
 * The statuses a session and a message can have: defined once, here, for the tables
 * (schema.ts) and the API's schemas (api/schemas.ts), which both build on these lists.
 * Dependency-free, so the page could read them too.
 */

/** `active`, `resolved` (the partner closed the conversation) or `ended` (the person ended it). */
export const SESSION_STATUSES = ['active', 'resolved', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** `streaming` only while a reply is being written; `complete`, `partial` or `failed` after. */
export const MESSAGE_STATUSES = ['complete', 'partial', 'failed', 'streaming'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
