/** Two versions of a draft side by side: their scores, what each did and missed, and the text marked. */
import type { DraftVersion } from '../drafts/draft-versions.js';
import { criterionLabel, isFlag } from '../criteria-text.js';
import { HighlightedText } from './highlighted-text.js';
import { ScoreBar } from './score-bar.js';

export function DraftComparison({ before, after }: { before: DraftVersion; after: DraftVersion }) {
  const change = Math.round(after.feedback.score - before.feedback.score);
  const summary =
    change > 0
      ? `Version ${after.number} scores ${change} higher than version ${before.number}.`
      : change < 0
        ? `Version ${after.number} scores ${-change} lower than version ${before.number}.`
        : `Both versions score the same.`;
  const gained = after.feedback.labels.filter((l) => !before.feedback.labels.includes(l));
  const lost = before.feedback.labels.filter((l) => !after.feedback.labels.includes(l));
  return (
    <section className="draft-comparison" aria-label={`Version ${before.number} and version ${after.number} side by side`}>
      <p className="comparison-summary" role="status">
        {summary}
        {gained.length ? ` New in version ${after.number}: ${gained.map(describe).join(', ')}.` : ''}
        {lost.length ? ` Gone from version ${after.number}: ${lost.map(describe).join(', ')}.` : ''}
      </p>
      <div className="side-by-side">
        {[before, after].map((v) => (
          <article key={v.id} className="version-column" aria-label={`Version ${v.number}`}>
            <h3>
              Version {v.number}
              {v.recipient ? <span className="hint"> · to {v.recipient}</span> : null}
            </h3>
            <ScoreBar score={v.feedback.score} label={`Version ${v.number} score`} />
            <p className="version-text">
              <HighlightedText text={v.text} spans={v.feedback.evidence} />
            </p>
            <p>
              <strong>Missing:</strong> {v.feedback.missing.length ? v.feedback.missing.map((m) => criterionLabel(m.criterion)).join(', ') : 'nothing'}
            </p>
            <p>
              <strong>Red flags:</strong> {v.feedback.redFlags.length ? v.feedback.redFlags.map(criterionLabel).join(', ') : 'none'}
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}

function describe(id: string): string {
  return `${isFlag(id) ? 'red flag ' : ''}“${criterionLabel(id)}”`;
}
