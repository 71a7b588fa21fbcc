/**
 * How much the partner trusts the person right now, how far it moved on the last turn and
 * why — in words and numbers, with the bar only as an extra.
 */
export interface TrustMeterProps {
  trust: number;
  /** The level at which the conversation resolves. */
  resolveAt: number;
  /** Trust before the last turn; absent before the first turn. */
  previous?: number | null;
  /** The coach's one line on why it moved, e.g. "trust rose: you owned it". */
  reason?: string | null;
  partnerName?: string;
}

export function describeChange(trust: number, previous: number | null | undefined): string {
  if (previous === null || previous === undefined) return 'before your first turn';
  const delta = Math.round(trust - previous);
  if (delta > 0) return `up ${delta} on your last turn`;
  if (delta < 0) return `down ${-delta} on your last turn`;
  return 'no change on your last turn';
}

export function TrustMeter({ trust, resolveAt, previous, reason, partnerName }: TrustMeterProps) {
  const value = clamp(Math.round(trust));
  const goal = clamp(resolveAt);
  const delta = previous === null || previous === undefined ? 0 : Math.round(trust - previous);
  const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
  const change = describeChange(trust, previous);
  const who = partnerName ? `${partnerName}'s trust` : 'Trust';
  return (
    <section className={`trust-meter trust-${direction}`} aria-label="Trust">
      <p className="trust-figure">
        <span className="trust-label">{who}</span>{' '}
        <strong className="trust-value">
          {value}
          <span className="trust-of"> / 100</span>
        </strong>{' '}
        <span className="trust-change">
          <span aria-hidden="true">{arrow}</span> {change}
        </span>
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a <meter> cannot hold the styled .trust-fill and .trust-goal marker (its children are fallback content only), so the bar keeps role="meter" on a div. */}
      <div
        className="trust-bar"
        role="meter"
        aria-label={who}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value} of 100, ${change}; the conversation resolves at ${goal}`}
      >
        <div className="trust-fill" style={{ width: `${value}%` }} />
        <div className="trust-goal" style={{ left: `${goal}%` }} title={`resolves at ${goal}`} />
      </div>
      <p className="trust-goal-text">Resolves at {goal}.</p>
      <p className="trust-reason" aria-live="polite">
        {reason ?? (previous === null || previous === undefined ? 'Trust moves after each of your turns.' : '')}
      </p>
    </section>
  );
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, n));
}
