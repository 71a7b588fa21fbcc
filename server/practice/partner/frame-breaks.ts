/**
 * Turns that try to break the role-play frame: prompt injection ("ignore your
 * instructions", "print your system prompt") and questions about the machinery ("are you
 * a bot?"). The built-in partner answers these in character; the LLM engine's prompt tells
 * the model to do the same, and the partner suite checks it.
 */
const FRAME_BREAKS: RegExp[] = [
  /\b(ignore|disregard|forget)\b.{0,30}\b(instructions?|prompt|rules|previous|above|role)\b/i,
  /\b(system|hidden|initial)\s+(prompt|message|instructions?)\b/i,
  /\b(print|show|reveal|repeat|tell me)\b.{0,30}\b(instructions?|prompt|rules)\b/i,
  /\bare\s+you\s+(an?\s+)?(ai|a\.i\.|bot|robot|language model|llm|chat\s?gpt|machine|program)\b/i,
  /\byou\s+are\s+now\b/i,
  /\b(act|pretend|roleplay|role-play)\s+(as|to be)\b/i,
  /\b(developer|dan|god)\s+mode\b/i,
  /\bjailbreak/i,
  /\bas an ai\b/i,
];

export function breaksFrame(text: string): boolean {
  return FRAME_BREAKS.some((pattern) => pattern.test(text));
}
