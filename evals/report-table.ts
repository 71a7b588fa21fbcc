/** The readable text form of a score report, for the terminal. */
import { CRITERIA } from '../server/practice/criteria.js';
import type { ScoreReport } from './score-report.js';

const pct = (n: number) => n.toFixed(3);

export function renderScoreTable(report: ScoreReport, options: { maxMistakes?: number } = {}): string {
  const lines: string[] = [];
  lines.push(
    `scorer ${report.scorer} on ${report.dataset} (${report.replies} replies${report.failedReplies ? `, ${report.failedReplies} failed to score` : ''})`,
    '',
  );
  lines.push(
    `${'criterion'.padEnd(26)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)} ${'kappa'.padStart(6)} ${'support'.padStart(7)}  tp/fp/fn`,
  );
  for (const c of CRITERIA) {
    const m = report.criteria[c];
    const note = m.vacuous ? '  (no gold, none predicted: F1 = 1)' : '';
    lines.push(
      `${c.padEnd(26)} ${pct(m.precision).padStart(6)} ${pct(m.recall).padStart(6)} ${pct(m.f1).padStart(6)} ${pct(m.kappa).padStart(6)} ${String(m.support).padStart(7)}  ${m.tp}/${m.fp}/${m.fn}${note}`,
    );
  }
  lines.push('', `macro-F1 ${pct(report.macroF1)}  (${report.macroF1Rule})`);
  lines.push(
    `calibration: expected calibration error ${pct(report.calibration.ece)} over all scores, ${pct(report.calibration.eceGiven)} over the labels given (ten bands)`,
  );
  const max = options.maxMistakes ?? 50;
  if (report.mistakes.length > 0) {
    lines.push(
      '',
      `replies it got wrong (${report.mistakes.length}${report.mistakes.length > max ? `, first ${max} shown; all are in the JSON report` : ''}):`,
    );
    for (const m of report.mistakes.slice(0, max)) {
      lines.push(`- ${m.id}: ${JSON.stringify(m.reply)}`);
      const parts = [
        m.missed.length ? `missed ${m.missed.join(', ')}` : '',
        m.extra.length ? `extra ${m.extra.join(', ')}` : '',
        m.error ? `scorer failed: ${m.error}` : '',
      ];
      lines.push(`    ${parts.filter(Boolean).join('; ')}`);
    }
  }
  lines.push('');
  if (report.belowThreshold.length > 0) lines.push(`BELOW THRESHOLD: ${report.belowThreshold.join('; ')}`);
  else if (report.thresholds.minMacroF1 !== undefined || Object.keys(report.thresholds.minF1).length > 0) lines.push('all thresholds met');
  return lines.join('\n');
}
