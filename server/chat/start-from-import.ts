/**
 * Practice from a turn of an imported conversation: a session whose messages are the imported
 * turns before it (yours as `user`, theirs as `assistant`, with your turns' coach reads so the
 * partner's state folds on from where the thread was), played by the general partner of the
 * kind as the other person. This is the moment an import first becomes part of a conversation
 * with the partner, and so, with a model configured, the first time any of it goes to the model.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { createImportSession, findImport, type ImportedMessage } from '../db/queries/imports.js';
import type { SessionRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { PracticeKind } from '../practice/imports/thread-read.js';
import { readPastTurns } from '../practice/turn/take-turn.js';

export async function startFromImport(ctx: AppContext, input: { importId: string; fromTurn: number; kind?: PracticeKind }): Promise<SessionRow> {
  const row = await findImport(ctx.db, input.importId);
  if (!row) throw new AppError('not_found', `importId: no import with id "${input.importId}"`);
  const turn = row.turns[input.fromTurn];
  if (!turn || turn.speaker !== row.you) {
    const yours = row.turns.filter((t) => t.speaker === row.you).map((t) => t.index);
    const listed = yours.length > 12 ? `${yours.slice(0, 12).join(', ')}, …` : yours.join(', ');
    throw new AppError('bad_request', `fromTurn: ${input.fromTurn} is not one of your turns (yours: ${listed})`);
  }
  const kind = input.kind ?? row.kind;
  const partner = ctx.partners[kind];
  const before = row.turns.slice(0, input.fromTurn);
  const mine = before.filter((t) => t.speaker === row.you);
  // The stored reads are the same fold over the same turns when the kind is the one the thread was read as.
  const reads =
    kind === row.kind
      ? mine.map((t) => t.coach!)
      : readPastTurns(
          partner,
          mine.map((t) => ({ context: before[t.index - 1]?.text ?? '', text: t.text })),
          ctx.label,
        ).map(({ read }) => read);
  const readOf = new Map(mine.map((t, i) => [t.index, reads[i]!]));
  const messages: ImportedMessage[] = before.map((t) => {
    const read = readOf.get(t.index);
    return { id: randomUUID(), role: read ? 'user' : 'assistant', text: t.text, ...(read ? { coach: { scorer: 'offline', ...read } } : {}) };
  });
  const session = await createImportSession(ctx.db, { id: randomUUID(), scenarioId: partner.id, importId: row.id, messages });
  ctx.logger.info('session.created', { sessionId: session.id, scenarioId: partner.id, importId: row.id, fromTurn: input.fromTurn, messages: messages.length });
  return session;
}
