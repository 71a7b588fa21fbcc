/**
 * The scorer registry: a name on the command line maps to a `Scorer`. The offline scorer is
 * always available; the LLM judge is registered here when it lands, and until then `llm`
 * explains what it needs. Everything downstream talks to the async `Scorer` interface only.
 */
import { offlineScorer } from '../server/practice/scoring/offline-scorer.js';
import type { Scorer } from '../server/practice/scoring/scorer.js';
import { UsageError } from './cli-args.js';

export type ScorerFactory = (env: NodeJS.ProcessEnv) => Scorer;

const registry = new Map<string, ScorerFactory>([
  ['offline', () => offlineScorer],
  [
    'llm',
    (env) => {
      if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) throw new UsageError('the llm scorer needs OPENAI_API_KEY or OPENAI_BASE_URL');
      throw new UsageError('the llm scorer is not available in this build yet (register it in evals/scorers.ts)');
    },
  ],
]);

/** Adds or replaces a scorer (the LLM judge registers itself here). */
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

/** How many replies to score at once: the offline scorer is synchronous, an LLM is not. */
export function defaultConcurrency(scorer: Scorer): number {
  return scorer.name === 'offline' ? 1 : 8;
}
