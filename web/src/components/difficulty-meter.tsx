/** Difficulty as a word and as filled dots, so it never rests on colour. */
import { difficultyText } from '../vocabulary.js';

export function DifficultyMeter({ level }: { level: number }) {
  const text = difficultyText(level);
  return (
    <span className="difficulty" title={`Difficulty: ${text} (${level} of 3)`}>
      <span className="difficulty-dots" aria-hidden="true">
        {[1, 2, 3].map((n) => (
          <span key={n} className={n <= level ? 'dot dot-on' : 'dot'} />
        ))}
      </span>
      <span className="difficulty-text">
        <span className="visually-hidden">Difficulty: </span>
        {text}
      </span>
    </span>
  );
}
