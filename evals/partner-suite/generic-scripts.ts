/**
 * Textbook but generic scripts, one per kind of exercise: own the harm, validate, ask an open
 * question, offer a concrete repair — the same lines for every scenario of a kind, varied over
 * the turns, with nothing specific to the story. A partner that is hard to win back must not
 * resolve on these before its difficulty's minimum number of turns (issue 12).
 */
import type { Kind } from '../../server/practice/criteria.js';

const APOLOGY: readonly string[] = [
  "I'm so sorry. What I did hurt you, and that's on me. There's no excuse for it.",
  'You have every right to be upset. Your feelings make complete sense.',
  "Can you tell me what it's been like for you?",
  "I want to make this right. Tomorrow evening I'll sit down with you and we'll work out what would help, and I'll follow through.",
  "It sounds like this has been really hard for you, and I'm sorry I made it harder.",
  'That makes sense. Of course you feel that way, anyone would.',
  'It was my fault, and I own it completely. I am sorry.',
  "What would help most? I'll call you on Sunday to check in, and every Sunday after that.",
  'I hear how much this hurt. You are right to be angry with me.',
  "What else has been weighing on you? I'm listening.",
];

const LISTENING: readonly string[] = [
  "That sounds really hard. I'm here, and I'm listening.",
  'It makes complete sense that you feel this way. Anyone would.',
  'What has this been like for you?',
  "It sounds like you've been carrying a lot of this on your own.",
  "Can you tell me more about what's weighing on you most?",
  "Of course you feel that. That's completely understandable.",
  "So it's not just what happened, it's how alone it's made you feel.",
  'What do you need most right now?',
  'That makes sense to me. You are not wrong to feel it.',
  "It sounds like you've been holding this in for a long time.",
];

export const GENERIC_SCRIPTS: Record<Kind, readonly string[]> = {
  apology: APOLOGY,
  // A draft is a written apology: the same textbook moves, as messages.
  draft: APOLOGY,
  listening: LISTENING,
};

/** The generic script for a scenario, as long as its turn budget (the lines come round again if needed). */
export function genericScript(kind: Kind, turns: number): string[] {
  const lines = GENERIC_SCRIPTS[kind];
  return Array.from({ length: turns }, (_, i) => lines[i % lines.length]!);
}
