/**
 * Reads a pasted conversation into turns: WhatsApp exports (Android `12/03/2026, 21:14 - Name:
 * text` and iOS `[12/03/2026, 21:14:05] Name: text`, in the date orders WhatsApp writes) through
 * `whatsapp-chat-parser`, or plain `Name: text` lines. The parser finds messages; this module
 * adds what it leaves to its callers: WhatsApp's system lines and placeholders are dropped (it
 * keeps some with an author, e.g. iOS's "image omitted"), the invisible direction marks iOS puts
 * before names are removed, and consecutive messages of one speaker become one turn.
 */
import { parseString } from 'whatsapp-chat-parser';

export type ThreadFormat = 'whatsapp' | 'lines';

export interface ThreadTurn {
  /** Position in the thread, from 0. */
  index: number;
  speaker: string;
  /** The speaker's consecutive messages, joined by new lines. */
  text: string;
  /** When the turn's first message was sent (ISO), where the format says; else null. */
  at: string | null;
}

export interface ParsedThread {
  format: ThreadFormat;
  /** Everyone who has a turn, in order of first appearance. */
  speakers: string[];
  turns: ThreadTurn[];
}

interface ThreadMessage {
  speaker: string;
  text: string;
  at: string | null;
}

/** WhatsApp's own lines and placeholders, in the words its English exports use. */
const SYSTEM_TEXT = [
  /^messages and calls are end-to-end encrypted/i,
  /^<media omitted>$/i,
  /^(image|video|audio|sticker|gif|document|contact card) omitted$/i,
  /^.+\.\w{2,5} \(file attached\)$/i,
  /^<attached: .+>$/i,
  /^(this message was deleted|you deleted this message)\.?$/i,
  /^missed (voice|video) call/i,
  /^(voice|video) call(, .*)?$/i,
  /^null$/,
  /^your security code with .+ changed/i,
  /^disappearing messages/i,
];
/**
 * Joins, leaves and group changes. Android writes them without an author (the parser drops
 * those); iOS writes them under the chat's name, starting with a left-to-right mark, so they
 * are only matched there: "Sam: left" typed by a person is a turn.
 */
const MARKED_SYSTEM_TEXT =
  /^(.+ )?(created group|created this group|added .+|removed .+|left|joined using this group's invite link|changed the subject .+|changed this group's icon|changed the group description|changed their phone number.*|is a contact|were added)\.?$/i;
/** Invisible marks WhatsApp puts around names and placeholders (left-to-right mark, embeddings). */
const DIRECTION_MARKS = /[\u200e\u202a-\u202e]/g;
const EDITED = /\s*<this message was edited>$/i;

export function isSystemText(text: string): boolean {
  const plain = text.replace(DIRECTION_MARKS, '').trim();
  if (plain === '' || SYSTEM_TEXT.some((pattern) => pattern.test(plain))) return true;
  return text.startsWith('\u200e') && MARKED_SYSTEM_TEXT.test(plain);
}

/** A `Name: text` line: a name of at most 40 characters and 4 words, not a URL's scheme. */
const NAME_LINE = /^([^:\n]{1,40}):[ \t]?(.*)$/;

function readWhatsApp(text: string): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (const message of parseString(text)) {
    if (message.author === null) continue;
    const speaker = message.author.replace(DIRECTION_MARKS, '').trim();
    if (!speaker || isSystemText(message.message)) continue;
    const body = message.message.replace(EDITED, '').trim();
    if (!body) continue;
    messages.push({ speaker, text: body, at: Number.isNaN(message.date.getTime()) ? null : message.date.toISOString() });
  }
  return messages;
}

function readLines(text: string): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = NAME_LINE.exec(line);
    const name = match?.[1]?.trim();
    if (match && name && name.split(/\s+/).length <= 4 && !match[2]!.startsWith('//')) {
      messages.push({ speaker: name, text: match[2]!.trim(), at: null });
    } else if (messages.length > 0) {
      // A line without a name continues the message before it; text before any name is a title.
      const last = messages.at(-1)!;
      last.text = last.text ? `${last.text}\n${line}` : line;
    }
  }
  return messages.map((m) => ({ ...m, text: m.text.trim() })).filter((m) => m.text !== '');
}

/** Consecutive messages of one speaker are one turn. */
function joinTurns(messages: readonly ThreadMessage[]): ThreadTurn[] {
  const turns: ThreadTurn[] = [];
  for (const message of messages) {
    const last = turns.at(-1);
    if (last && last.speaker === message.speaker) last.text = `${last.text}\n${message.text}`;
    else turns.push({ index: turns.length, speaker: message.speaker, text: message.text, at: message.at });
  }
  return turns;
}

/** The format is WhatsApp when the parser finds any message with an author; else `Name: text` lines. */
export function parseThread(text: string): ParsedThread {
  const clean = text.replace(/^\uFEFF/, '');
  const whatsapp = readWhatsApp(clean);
  const format: ThreadFormat = whatsapp.length > 0 ? 'whatsapp' : 'lines';
  const turns = joinTurns(format === 'whatsapp' ? whatsapp : readLines(clean));
  return { format, speakers: [...new Set(turns.map((turn) => turn.speaker))], turns };
}
