/** The shape both public-dataset measurements report, and its text rendering. */
import type { Criterion } from '../../server/practice/criteria.js';
import type { BinaryMetrics } from '../metrics.js';

export interface PublicCriterionResult {
  /** The public label this criterion is compared with. */
  source: string;
  metrics: BinaryMetrics;
  /** Human-human agreement on the same label, when the data allows it. */
  human?: { kappa: number; f1: number; note: string };
}

export interface PublicResult {
  dataset: string;
  split?: string;
  items: number;
  mapping: string[];
  criteria: Partial<Record<Criterion, PublicCriterionResult>>;
  meanF1: number;
  notes: string[];
}

export function renderPublicResult(r: PublicResult): string {
  const lines = [`${r.dataset}${r.split ? ` (${r.split} split)` : ''}: ${r.items} items`, ...r.mapping.map((m) => `  mapping: ${m}`), ''];
  lines.push(
    `${'criterion'.padEnd(26)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)} ${'kappa'.padStart(6)} ${'support'.padStart(7)}  human kappa / F1`,
  );
  for (const [c, v] of Object.entries(r.criteria)) {
    const m = v!.metrics;
    const human = v!.human ? `${v!.human.kappa.toFixed(3)} / ${v!.human.f1.toFixed(3)}` : 'n/a';
    lines.push(
      `${c.padEnd(26)} ${m.precision.toFixed(3).padStart(6)} ${m.recall.toFixed(3).padStart(6)} ${m.f1.toFixed(3).padStart(6)} ${m.kappa.toFixed(3).padStart(6)} ${String(m.support).padStart(7)}  ${human}`,
    );
  }
  lines.push('', `mean F1 over ${Object.keys(r.criteria).length} criteria: ${r.meanF1.toFixed(3)}`, ...r.notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}
