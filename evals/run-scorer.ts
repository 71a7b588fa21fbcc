/**
 * Runs a scorer over many replies with bounded concurrency, so an LLM judge drops in without
 * flooding its API. A thrown error is turned into a failed outcome, like `ok: false`.
 */
import type { ReplyToScore, Scorer, ScorerOutcome } from '../server/practice/scoring/scorer.js';
import type { Progress } from './progress.js';

export async function scoreAll(
  scorer: Scorer,
  inputs: readonly ReplyToScore[],
  options: { concurrency: number; progress?: Progress },
): Promise<ScorerOutcome[]> {
  const results: ScorerOutcome[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      try {
        results[i] = await scorer.score(inputs[i]!);
      } catch (error) {
        results[i] = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      options.progress?.tick();
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, inputs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  options.progress?.done();
  return results;
}
