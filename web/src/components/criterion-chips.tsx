/** A turn's labels as short chips with a sign and words: ✓ for moves that build trust, ⚠ for red flags. */
import { criterionLabel, isFlag } from '../criteria-text.js';

export function CriterionChips({ labels, label = 'What the coach saw' }: { labels: readonly string[]; label?: string }) {
  if (labels.length === 0) return <p className="chips-empty">The coach saw no move from the rubric in this turn.</p>;
  const ordered = [...labels].sort((a, b) => Number(isFlag(a)) - Number(isFlag(b)));
  return (
    <ul className="chips" aria-label={label}>
      {ordered.map((id) => (
        <li key={id} className={isFlag(id) ? 'chip chip-flag' : 'chip chip-good'}>
          <span aria-hidden="true">{isFlag(id) ? '⚠' : '✓'}</span> {isFlag(id) ? 'Red flag: ' : ''}
          {criterionLabel(id)}
        </li>
      ))}
    </ul>
  );
}
