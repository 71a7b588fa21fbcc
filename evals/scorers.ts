/**
 * The scorer registry: a name on the command line maps to a `Scorer`. `offline` is always
 * there; `llm` and `hybrid` are the LLM judge (hybrid also shows the model the offline read),
 * built from the same configuration as the server and caching its verdicts in the same
 * libSQL database, so a rerun costs nothing. Everything downstream talks to the async
 * `Scorer` interface only.
 */
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { createDeferredJudgeCache } from '../server/db/queries/judge-cache.js';
import { createJudgeModel, createLlmJudge } from '../server/practice/scoring/judge/index.js';
import { offlineScorer } from '../server/practice/scoring/offline-scorer.js';
import type { Scorer } from '../server/practice/scoring/scorer.js';
import { UsageError } from './cli-args.js';

export type ScorerFactory = (env: NodeJS.ProcessEnv) => Scorer;

function llmJudgeFactory(hybrid: boolean): ScorerFactory {
  return (env) => {
    let config: Config;
    try {
      config = loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    if (!config.model) throw new UsageError(`the ${hybrid ? 'hybrid' : 'llm'} scorer needs OPENAI_API_KEY or OPENAI_BASE_URL`);
    const { database } = config;
    return createLlmJudge({
      model: createJudgeModel(config.model),
      modelName: config.model.model,
      cache: createDeferredJudgeCache(async () => (await openDatabase(database)).db),
      hybrid,
      timeoutMs: config.modelTimeoutMs,
    });
  };
}

const registry = new Map<string, ScorerFactory>([
  ['offline', () => offlineScorer],
  ['llm', llmJudgeFactory(false)],
  ['hybrid', llmJudgeFactory(true)],
]);

/** Adds or replaces a scorer. */
export function registerScorer(name: string, factory: ScorerFactory): void {
  registry.set(name, factory);
}

export function scorerNames(): string[] {
  return [...registry.keys()];
}

export function createScorer(name: string, env: NodeJS.ProcessEnv = process.env): Scorer {
  const factory = registry.get(name);
  if (!factory) throw new UsageError(`unknown scorer "${name}" (choose one of: ${scorerNames().join(', ')})`);
  return factory(env);
}

/** How many replies to score at once: the offline scorer is synchronous; the judge bounds its own model calls. */
export function defaultConcurrency(scorer: Scorer): number {
  return scorer.name === 'offline' ? 1 : 8;
}
