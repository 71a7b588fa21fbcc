/**
 * A self-contained HTML page for a score report: inline CSS, no scripts, no network, so it
 * can be attached to a pull request or opened from disk.
 */
import { CRITERIA } from '../server/practice/criteria.js';
import type { ScoreReport } from './score-report.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const f = (n: number) => n.toFixed(3);

export function renderScoreHtml(report: ScoreReport): string {
  const rows = CRITERIA.map((c) => {
    const m = report.criteria[c];
    const cls = m.f1 >= 0.85 ? 'ok' : m.f1 >= 0.7 ? 'warn' : 'bad';
    return `<tr><td>${c}</td><td>${f(m.precision)}</td><td>${f(m.recall)}</td><td class="${cls}">${f(m.f1)}${m.vacuous ? ' *' : ''}</td><td>${f(m.kappa)}</td><td>${m.support}</td><td>${m.tp}/${m.fp}/${m.fn}</td></tr>`;
  }).join('\n');
  const mistakes = report.mistakes
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.id)}</td><td>${escapeHtml(m.reply)}</td><td>${m.missed.join(', ')}</td><td>${m.extra.join(', ')}${m.error ? ` <em>(scorer failed: ${escapeHtml(m.error)})</em>` : ''}</td></tr>`,
    )
    .join('\n');
  const status = report.passed
    ? '<p class="ok">All thresholds met.</p>'
    : report.belowThreshold.length
      ? `<p class="bad">Below threshold: ${escapeHtml(report.belowThreshold.join('; '))}</p>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rehearse eval: ${escapeHtml(report.scorer)} on ${escapeHtml(report.dataset)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#222;max-width:1100px}
table{border-collapse:collapse;margin:1rem 0;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.ok{color:#17692b;font-weight:600}.warn{color:#8a6100;font-weight:600}.bad{color:#a11;font-weight:600}
</style></head><body>
<h1>Scorer <code>${escapeHtml(report.scorer)}</code> on <code>${escapeHtml(report.dataset)}</code></h1>
<p>${report.replies} replies, ${report.failedReplies} failed to score, run at ${escapeHtml(report.createdAt)}.</p>
<p><strong>macro-F1 ${f(report.macroF1)}</strong> — ${escapeHtml(report.macroF1Rule)}.${report.vacuousCriteria.length ? ` (* vacuous: ${report.vacuousCriteria.join(', ')})` : ''}</p>
${status}
<table><thead><tr><th>criterion</th><th>precision</th><th>recall</th><th>F1</th><th>kappa</th><th>support</th><th>tp/fp/fn</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Replies it got wrong (${report.mistakes.length})</h2>
<table><thead><tr><th>id</th><th>reply</th><th>missed</th><th>extra</th></tr></thead><tbody>
${mistakes}
</tbody></table>
</body></html>
`;
}
