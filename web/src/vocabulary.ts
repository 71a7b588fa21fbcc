/** The words the page uses for the kinds of exercise, difficulty and session status. */
import type { Kind } from './api/types.js';

export const KIND_ORDER: readonly Kind[] = ['apology', 'listening', 'draft'];

export const KIND_TEXT: Record<Kind, { job: string; blurb: string }> = {
  apology: { job: 'Rehearse an apology', blurb: 'Talk to someone you hurt. Their trust rises when you name it, own it and offer a repair.' },
  listening: { job: 'Practise listening', blurb: 'Someone is struggling. They open up when you reflect, validate and ask open questions.' },
  draft: { job: 'Check a draft', blurb: 'Paste a message before you send it and see how it is likely to land.' },
};

export const DIFFICULTY_TEXT: Record<number, string> = { 1: 'Gentle', 2: 'Moderate', 3: 'Hard' };

export function difficultyText(level: number): string {
  return DIFFICULTY_TEXT[level] ?? `Level ${level}`;
}

export const STATUS_TEXT: Record<string, string> = {
  active: 'In progress',
  resolved: 'Resolved',
  ended: 'Ended',
};
