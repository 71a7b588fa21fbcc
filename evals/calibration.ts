/**
 * Calibration of the label model's scores: Platt scaling (a one-feature logistic regression
 * from the raw logit to the probability, fitted on out-of-group predictions) and the expected
 * calibration error over ten equal-width bands, with the reliability of each band.
 */

export interface Calibrated {
  a: number;
  b: number;
}

/** Fits sigmoid(a·z + b) to (logit, truth) pairs by Newton's method on the log loss. */
export function fitPlatt(pairs: readonly (readonly [logit: number, truth: boolean])[]): Calibrated {
  let a = 1;
  let b = 0;
  // Platt's targets keep a criterion with no positives (or no negatives) from diverging.
  const positives = pairs.filter(([, t]) => t).length;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (pairs.length - positives + 2);
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0,
      gb = 0,
      haa = 1e-9,
      hab = 0,
      hbb = 1e-9;
    for (const [z, truth] of pairs) {
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const d = p - (truth ? hi : lo);
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export interface Band {
  from: number;
  to: number;
  n: number;
  meanScore: number;
  shareTrue: number;
}

/** Expected calibration error over ten bands of the score, weighted by how many fall in each. */
export function calibrationError(items: readonly { p: number; gold: boolean }[]): { ece: number; bands: Band[] } {
  const bands: Band[] = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, n: 0, meanScore: 0, shareTrue: 0 }));
  for (const { p, gold } of items) {
    const band = bands[Math.min(9, Math.floor(p * 10))]!;
    band.n++;
    band.meanScore += p;
    band.shareTrue += gold ? 1 : 0;
  }
  let ece = 0;
  for (const band of bands) {
    if (band.n === 0) continue;
    band.meanScore /= band.n;
    band.shareTrue /= band.n;
    ece += (band.n / Math.max(1, items.length)) * Math.abs(band.meanScore - band.shareTrue);
  }
  return { ece, bands };
}
