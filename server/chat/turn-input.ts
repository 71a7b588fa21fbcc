/**
 * Reads the person's new turn out of a chat body (`{message}` or useChat's `{messages}`)
 * and checks its text, with errors that name what is wrong.
 */
import { MAX_TURN_CHARS, type ChatBody } from '../api/schemas.js';
import { AppError } from '../errors.js';

export interface TurnInput {
  id: string;
  text: string;
  regenerate: boolean;
}

// C0 controls other than tab, newline and carriage return; DEL; C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function readTurnInput(body: ChatBody): TurnInput {
  const message = body.message ?? body.messages?.at(-1);
  if (!message) throw new AppError('bad_request', 'message: the new turn is missing');
  if (message.role !== 'user') throw new AppError('bad_request', 'message.role: the new turn must be a user message');
  const text = message.parts
    .filter((part): part is { type: 'text'; text: string } => part.type === 'text' && typeof (part as { text?: unknown }).text === 'string')
    .map((part) => part.text)
    .join('');
  checkTurnText(text);
  return { id: message.id, text, regenerate: body.trigger === 'regenerate-message' };
}

export function checkTurnText(text: string): void {
  if (text.trim().length === 0) throw new AppError('bad_request', 'message.parts: the turn has no text (empty or blank)');
  if (text.length > MAX_TURN_CHARS) {
    throw new AppError('too_large', `message.parts: the turn is ${text.length} characters; the limit is ${MAX_TURN_CHARS}`);
  }
  if (CONTROL.test(text)) throw new AppError('bad_request', 'message.parts: the turn contains control characters');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
    throw new AppError('bad_request', 'message.parts: the turn contains invalid Unicode (a lone surrogate)');
  }
}
