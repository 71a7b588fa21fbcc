/**
 * A tiny semaphore: at most `max` tasks run at once, the rest wait in arrival order. The LLM
 * judge uses it so an eval run over hundreds of replies never has more than a few model
 * calls in flight (rate limits, and a local model that serves one request at a time).
 */

type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(max: number): Limit {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a positive integer, got ${max}`);
  let active = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    // Hand the slot straight to the next task, so `active` never dips and lets a newcomer jump the queue.
    if (next) next();
    else active--;
  };

  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
