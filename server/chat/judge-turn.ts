/**
 * The LLM judge's second read of a turn, run after the turn is stored and never awaited by
 * the chat route: the partner's reply does not wait for it, and a judge failure is logged
 * (without text) and otherwise ignored. Trust stays folded from the offline read.
 */
import type { AppContext } from '../app-context.js';
import { saveCoachRead } from '../db/queries/messages.js';
import { describeError } from '../logger.js';
import type { TurnRead } from '../practice/coach/turn-coach.js';
import type { ReplyToScore } from '../practice/scoring/scorer.js';

export function judgeTurnLater(ctx: AppContext, messageId: string, input: ReplyToScore, offline: TurnRead): Promise<void> | undefined {
  const judge = ctx.judge;
  if (!judge) return undefined;
  return (async () => {
    try {
      const outcome = await judge.score(input);
      if (!outcome.ok) {
        ctx.logger.warn('judge.failed', { messageId, scorer: judge.name, error: outcome.error });
        return;
      }
      await saveCoachRead(ctx.db, {
        messageId,
        scorer: judge.name,
        labels: outcome.labels,
        evidence: outcome.evidence,
        tip: offline.tip,
        trustBefore: offline.trustBefore,
        trustAfter: offline.trustAfter,
        reason: offline.reason,
      });
      ctx.logger.info('judge.stored', { messageId, scorer: judge.name, labels: outcome.labels.length });
    } catch (error) {
      // The turn may have been deleted meanwhile; the judge's read is extra, never essential.
      ctx.logger.warn('judge.store_failed', { messageId, ...describeError(error) });
    }
  })();
}
