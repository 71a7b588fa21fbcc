import { describe, expect, it } from 'vitest';
import { calibrationError, fitPlatt } from '../../evals/calibration.js';

/** A seeded generator, so the synthetic data is the same every run. */
function rng(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('calibration', () => {
  it('Platt scaling recovers the slope and offset that generated the truths', () => {
    const next = rng(3);
    const pairs: [number, boolean][] = [];
    for (let i = 0; i < 20000; i++) {
      const z = next() * 8 - 4;
      pairs.push([z, next() < 1 / (1 + Math.exp(-(0.5 * z - 1)))]);
    }
    const { a, b } = fitPlatt(pairs);
    expect(a).toBeCloseTo(0.5, 1);
    expect(b).toBeCloseTo(-1, 1);
  });

  it('expected calibration error is near zero for honest scores and large for overconfident ones', () => {
    const next = rng(5);
    const honest: { p: number; gold: boolean }[] = [];
    const overconfident: { p: number; gold: boolean }[] = [];
    for (let i = 0; i < 20000; i++) {
      const p = next();
      const gold = next() < p;
      honest.push({ p, gold });
      overconfident.push({ p: p > 0.5 ? 0.99 : 0.01, gold });
    }
    expect(calibrationError(honest).ece).toBeLessThan(0.02);
    expect(calibrationError(overconfident).ece).toBeGreaterThan(0.2);
    const bands = calibrationError(honest).bands;
    expect(bands).toHaveLength(10);
    expect(bands.reduce((n, b) => n + b.n, 0)).toBe(20000);
  });
});
