/**
 * The LLM judge: the same twelve labels as the offline scorer, read by a model through
 * structured output, behind the same Scorer interface. In hybrid mode the model also sees
 * the offline scorer's read, as a first read to check. Verdicts are cached by a hash of
 * (model, prompt version, kind, context, reply), so rerunning an eval costs nothing; model
 * calls are bounded by a semaphore; and every failure (HTTP error, timeout, reply that is
 * not the JSON asked for) comes back as `{ ok: false, error }`, never as an exception.
 */
import { createHash } from 'node:crypto';
import { JSONParseError, type LanguageModelV3 } from '@ai-sdk/provider';
import { APICallError, NoObjectGeneratedError, Output, RetryError, generateText } from 'ai';
import { z } from 'zod';
import { describeError, type Logger } from '../../../logger.js';
import { CRITERIA, type Criterion, type Kind } from '../../criteria.js';
import { JUDGE_PROMPT_VERSION, judgePrompt } from './judge-prompts.js';
import { limitConcurrency } from './limit-concurrency.js';
import { scoreReply } from '../offline-scorer.js';
import { locateQuote } from './quote-location.js';
import { sureScores, type EvidenceSpan, type ReplyToScore, type ScoreResult, type Scorer, type ScorerOutcome } from '../scorer.js';

const verdictSchema = z.object({ met: z.boolean(), evidence: z.string().nullable() });

/**
 * What the model must answer: all twelve criteria, each `{met, evidence}`. Sent as a strict
 * json_schema (every key required, no extra keys); when parsing, unknown extra keys from a
 * server that ignored the schema are dropped rather than failing the verdict.
 */
const judgeOutputSchema = z.object(Object.fromEntries(CRITERIA.map((criterion) => [criterion, verdictSchema])) as Record<Criterion, typeof verdictSchema>);
type JudgeVerdict = z.infer<typeof judgeOutputSchema>;

/** Where verdicts are kept between runs. The database implements it; the domain knows no SQL. */
export interface JudgeCache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, model: string, value: unknown): Promise<void>;
}

interface JudgeCacheKeyInput {
  model: string;
  promptVersion: string;
  kind: Kind;
  context: string;
  reply: string;
  /** Hybrid mode: the offline read shown to the model is part of what it was asked. */
  firstRead?: ScoreResult;
}

export function judgeCacheKey({ model, promptVersion, kind, context, reply, firstRead }: JudgeCacheKeyInput): string {
  // A JSON array, so no choice of separator can make two different inputs collide.
  const material = JSON.stringify([model, promptVersion, kind, context, reply, firstRead ?? null]);
  return createHash('sha256').update(material).digest('hex');
}

export interface LlmJudgeOptions {
  /** Build it with createJudgeModel, which also accepts JSON wrapped in a ```json fence. */
  model: LanguageModelV3;
  /** Names the scorer (`llm:<modelName>`) and keys the cache. */
  modelName: string;
  cache?: JudgeCache;
  /** Most model calls in flight at once. */
  concurrency?: number;
  /** Show the model the offline scorer's read as a first read to check. */
  hybrid?: boolean;
  /** The offline read used in hybrid mode; defaults to the offline scorer. */
  offline?: (input: ReplyToScore) => ScoreResult;
  /** Per model call, from when it leaves the queue. */
  timeoutMs?: number;
  /** Retries of a failed HTTP call (429, 5xx), as in the AI SDK. */
  maxRetries?: number;
  /** Cache failures are logged and ignored: the verdict still stands. */
  logger?: Pick<Logger, 'warn'>;
}

type ModelOutcome = { ok: true; verdict: JudgeVerdict } | { ok: false; error: string };

export function createLlmJudge({
  model,
  modelName,
  cache,
  concurrency = 4,
  hybrid = false,
  offline = scoreReply,
  timeoutMs = 60_000,
  maxRetries = 2,
  logger,
}: LlmJudgeOptions): Scorer {
  const name = `${hybrid ? 'hybrid' : 'llm'}:${modelName}`;
  const promptVersion = `${JUDGE_PROMPT_VERSION}${hybrid ? '+hybrid' : ''}`;
  const limit = limitConcurrency(concurrency);
  // Identical replies scored at once share one model call instead of racing past the cache.
  const inFlight = new Map<string, Promise<ScorerOutcome>>();

  async function readCache(key: string): Promise<JudgeVerdict | undefined> {
    if (!cache) return undefined;
    try {
      const parsed = judgeOutputSchema.safeParse(await cache.get(key));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      logger?.warn('judge.cache_read_failed', { scorer: name, ...describeError(error) });
      return undefined;
    }
  }

  async function writeCache(key: string, verdict: JudgeVerdict): Promise<void> {
    try {
      await cache?.set(key, modelName, verdict);
    } catch (error) {
      logger?.warn('judge.cache_write_failed', { scorer: name, ...describeError(error) });
    }
  }

  async function callModel(input: ReplyToScore, firstRead: ScoreResult | undefined): Promise<ModelOutcome> {
    const { system, prompt } = judgePrompt({ ...input, offlineEvidence: firstRead });
    try {
      const { output } = await generateText({
        model,
        system,
        prompt,
        output: Output.object({
          schema: judgeOutputSchema,
          name: 'rubric_labels',
          description: 'Each rubric criterion: met, and the words of the reply that show it.',
        }),
        temperature: 0,
        maxRetries,
        abortSignal: AbortSignal.timeout(timeoutMs),
      });
      return { ok: true, verdict: output };
    } catch (error) {
      return { ok: false, error: failureReason(error, timeoutMs) };
    }
  }

  async function judge(key: string, input: ReplyToScore, firstRead: ScoreResult | undefined): Promise<ScorerOutcome> {
    const cached = await readCache(key);
    if (cached) return { ok: true, ...toScoreResult(input.reply, cached) };
    const outcome = await limit(() => callModel(input, firstRead));
    if (!outcome.ok) return outcome;
    await writeCache(key, outcome.verdict);
    return { ok: true, ...toScoreResult(input.reply, outcome.verdict) };
  }

  return {
    name,
    async score(input) {
      try {
        const firstRead = hybrid ? offline(input) : undefined;
        const key = judgeCacheKey({ model: modelName, promptVersion, kind: input.kind, context: input.context, reply: input.reply, firstRead });
        const pending = inFlight.get(key);
        if (pending) return await pending;
        const run = judge(key, input, firstRead).finally(() => inFlight.delete(key));
        inFlight.set(key, run);
        return await run;
      } catch (error) {
        // Only a bug gets here (the offline read, the prompt): still a result, not a crash.
        return { ok: false, error: `judge failed: ${error instanceof Error ? error.name : 'unknown error'}` };
      }
    },
  };
}

/** Labels in the criteria's order; quotes the reply does not contain are dropped, labels kept. */
function toScoreResult(reply: string, verdict: JudgeVerdict): ScoreResult {
  const labels = CRITERIA.filter((criterion) => verdict[criterion].met);
  const evidence: EvidenceSpan[] = [];
  for (const criterion of labels) {
    const quote = verdict[criterion].evidence;
    const span = quote ? locateQuote(reply, quote) : undefined;
    if (span) evidence.push({ criterion, ...span });
  }
  // The judge states verdicts, not probabilities: a met criterion is a sure read.
  return { labels, evidence, scores: sureScores(labels) };
}

/**
 * A short reason for a failed call. Never the upstream message or the raw reply: both can
 * echo what the person typed, and the reason ends up in logs and eval reports.
 */
function failureReason(error: unknown, timeoutMs: number): string {
  if (RetryError.isInstance(error)) return failureReason(error.lastError, timeoutMs);
  if (NoObjectGeneratedError.isInstance(error)) {
    if (error.finishReason === 'length') return 'model reply was cut off at its token limit';
    return JSONParseError.isInstance(error.cause) ? 'model reply was not JSON' : 'model reply did not match the label schema';
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `model timed out after ${timeoutMs} ms`;
  if (APICallError.isInstance(error)) {
    if (error.statusCode !== undefined) return `model call failed: HTTP ${error.statusCode}`;
    return `model call failed: ${error.cause instanceof Error ? error.cause.name : 'no response'}`;
  }
  return `model call failed: ${error instanceof Error ? error.name : 'unknown error'}`;
}
