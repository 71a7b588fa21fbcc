/**
 * The arc summary's shape as the API sends it (on the scorecard, the session and the reply's
 * metadata), defined once beside the dependency-free type it checks (arc-stages.ts).
 */
import { z } from 'zod';
import { ARC_STAGES, ARC_WAITS, type ArcSummary } from '../partner/arc-stages.js';

const turnNumber = z.number().int().min(1);

export const arcSummarySchema = z.object({
  stages: z.array(z.object({ stage: z.enum(ARC_STAGES), turn: turnNumber })),
  pushbacks: z.array(z.object({ turn: turnNumber, line: z.string(), outcome: z.enum(['held', 'broke', 'open']) })),
  minTurns: turnNumber,
  hiddenConcernTurn: turnNumber.nullable(),
  resolvedTurn: turnNumber.nullable(),
  waitingFor: z.array(z.enum(ARC_WAITS)),
}) satisfies z.ZodType<ArcSummary>;
