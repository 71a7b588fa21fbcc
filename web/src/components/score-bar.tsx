/** A 0–100 score as a number in words first, with a bar beside it. */
export function ScoreBar({ score, label = 'Score' }: { score: number; label?: string }) {
  const value = Math.max(0, Math.min(100, Math.round(score)));
  return (
    <div className="score">
      <p className="score-figure">
        {label}: <strong>{value}</strong> / 100
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a <meter> cannot hold the styled .score-fill child (its children are fallback content only), so the bar keeps role="meter" on a div. */}
      <div className="score-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
        <div className="score-fill" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
