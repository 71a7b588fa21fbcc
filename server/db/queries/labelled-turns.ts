/**
 * The person's stored turns as the domain folds them: text, labels, evidence and scores.
 * Where the LLM judge's read of a turn has arrived it wins over the offline read (the better
 * read), so the partner's state for every later turn folds from it; without a model there is
 * only the offline read and nothing changes.
 */
import type { ScoredTurn } from '../../practice/coach/scorecard.js';
import type { StoredRead } from './messages.js';

interface StoredTurn {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  coach?: StoredRead;
  judge?: StoredRead;
}

export function labelledTurns(messages: readonly StoredTurn[]): ScoredTurn[] {
  const turns: ScoredTurn[] = [];
  for (const message of messages) {
    const read = message.judge ?? message.coach;
    if (message.role !== 'user' || !read) continue;
    turns.push({ messageId: message.id, text: message.text, labels: read.labels, evidence: read.evidence, ...(read.scores ? { scores: read.scores } : {}) });
  }
  return turns;
}
