/**
 * After a run, checks the database against what the clients posted and saw: every turn
 * stored exactly once, each answered by one complete reply whose text is what the client
 * received (and, for the fake model, what the model sent).
 */
import type { Database } from '../server/db/client.js';

export interface PostedTurn {
  sessionId: string;
  messageId: string;
  /** What the client received. */
  text: string;
  httpStatus: number;
}

export interface Integrity {
  posted: number;
  /** Posted turns with no stored user message. */
  lost: number;
  /** Stored user messages beyond one per posted turn. */
  duplicated: number;
  /** Stored turns whose reply is missing, not `complete`, or not the text the client saw. */
  badReplies: number;
  /** Answers that were not 200. */
  failedRequests: number;
  ok: boolean;
}

interface Row {
  id: string;
  session_id: string;
  seq: number;
  role: string;
  status: string;
  text: string;
  superseded_at: number | null;
}

export async function checkIntegrity(database: Database, turns: readonly PostedTurn[], modelText?: string): Promise<Integrity> {
  const sessionIds = [...new Set(turns.map((turn) => turn.sessionId))];
  const result = await database.client.execute({
    sql: 'select id, session_id, seq, role, status, text, superseded_at from messages where session_id in (select value from json_each(?)) order by session_id, seq',
    args: [JSON.stringify(sessionIds)],
  });
  const rows = result.rows as unknown as Row[];
  const bySession = new Map<string, Row[]>();
  for (const row of rows) bySession.set(row.session_id, [...(bySession.get(row.session_id) ?? []), row]);

  let lost = 0;
  let badReplies = 0;
  for (const turn of turns) {
    const session = bySession.get(turn.sessionId) ?? [];
    const index = session.findIndex((row) => row.id === turn.messageId && row.role === 'user');
    if (index < 0) {
      lost += 1;
      continue;
    }
    const reply = session.slice(index + 1).find((row) => row.role === 'assistant' && row.superseded_at === null);
    const expected = modelText ?? turn.text;
    if (reply?.status !== 'complete' || reply.text !== turn.text || reply.text !== expected) badReplies += 1;
  }
  const userRows = rows.filter((row) => row.role === 'user').length;
  const distinctPosted = new Set(turns.map((turn) => turn.messageId)).size;
  const duplicated = Math.max(0, userRows - distinctPosted) + (turns.length - distinctPosted);
  const failedRequests = turns.filter((turn) => turn.httpStatus !== 200).length;
  return { posted: turns.length, lost, duplicated, badReplies, failedRequests, ok: lost === 0 && duplicated === 0 && badReplies === 0 && failedRequests === 0 };
}

export function sumIntegrity(checks: readonly Integrity[]): Integrity {
  const total = (key: 'posted' | 'lost' | 'duplicated' | 'badReplies' | 'failedRequests') => checks.reduce((sum, check) => sum + check[key], 0);
  return {
    posted: total('posted'),
    lost: total('lost'),
    duplicated: total('duplicated'),
    badReplies: total('badReplies'),
    failedRequests: total('failedRequests'),
    ok: checks.every((check) => check.ok),
  };
}
