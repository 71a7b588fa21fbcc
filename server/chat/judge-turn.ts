/**
 * The LLM judge's second read of a turn, run after the turn is stored and never awaited by
 * the chat route: the partner's reply does not wait for it, and a judge failure is logged
 * (without text) and otherwise ignored. When it arrives the better read wins: it is stored
 * beside the offline read with the trust folded from its own labels, and the partner's state
 * for every later turn folds from it (see db/queries/labelled-turns.ts).
 */
import type { AppContext } from '../app-context.js';
import { labelledTurns } from '../db/queries/labelled-turns.js';
import { listConversation, saveCoachRead } from '../db/queries/messages.js';
import { describeError } from '../logger.js';
import type { Scenario } from '../practice/scenarios/scenario-schema.js';
import type { ReplyToScore } from '../practice/scoring/scorer.js';
import type { CheckInContext } from '../practice/partner/check-in-arc.js';
import { continueTurn } from '../practice/turn/take-turn.js';

export interface JudgeRequest {
  sessionId: string;
  messageId: string;
  scenario: Scenario;
  input: ReplyToScore;
  /** In a check-in, what was promised, so the judge's read folds the same state as the coach's. */
  checkIn?: CheckInContext;
}

export function judgeTurnLater(ctx: AppContext, { sessionId, messageId, scenario, input, checkIn }: JudgeRequest): Promise<void> | undefined {
  const judge = ctx.judge;
  if (!judge) return undefined;
  return (async () => {
    try {
      const outcome = await judge.score(input);
      if (!outcome.ok) {
        ctx.logger.warn('judge.failed', { messageId, scorer: judge.name, error: outcome.error });
        return;
      }
      // The turns before this one as they stand now (earlier judge reads included), then this
      // turn as the judge read it: the same turn function the chat route calls.
      const active = (await listConversation(ctx.db, sessionId)).filter((m) => m.supersededAt === null);
      const index = active.findIndex((m) => m.id === messageId);
      if (index < 0) return; // rewound or deleted meanwhile
      const { labels, evidence, scores } = outcome;
      const turns = [...labelledTurns(active.slice(0, index)), { text: input.reply, labels, evidence, scores }];
      const { read } = continueTurn(scenario, turns, { checkIn });
      await saveCoachRead(ctx.db, { messageId, scorer: judge.name, ...read });
      ctx.logger.info('judge.stored', { messageId, scorer: judge.name, labels: labels.length });
    } catch (error) {
      // The turn may have been deleted meanwhile; the judge's read is extra, never essential.
      ctx.logger.warn('judge.store_failed', { messageId, ...describeError(error) });
    }
  })();
}
