/**
 * The summary box on a listening scorecard: the person writes what they heard as they would
 * send it, and sees which of the partner's needs it captured, which it missed, and any claim
 * the partner never made. The latest summary comes back with the scorecard.
 */
import { useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { summariseSession } from '../api/rehearse-api.js';
import type { ApiScorecard, ApiSummaryReview } from '../api/types.js';

const MAX_CHARS = 2000;

export function SummaryBox({ sessionId, card, partner }: { sessionId: string; card: ApiScorecard; partner: string }) {
  const [text, setText] = useState(card.summary?.text ?? '');
  const [review, setReview] = useState<ApiSummaryReview | null>(card.summary ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const says = new Map(card.needs.map((n) => [n.id, n.says]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setReview(await summariseSession(sessionId, text));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="summary-h" className="card-section summary-box">
      <h2 id="summary-h">Write down what you heard</h2>
      <p className="hint">
        As you would send it to {partner}: "So what I took from tonight is…". Only what {partner} said, in your words.
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <label className="visually-hidden" htmlFor="summary-text">
          Your summary of what {partner} said
        </label>
        <textarea
          id="summary-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          maxLength={MAX_CHARS}
          placeholder="So what I took from tonight is…"
        />
        <button type="submit" disabled={busy || text.trim().length === 0}>
          {busy ? 'Reading…' : 'Check my summary'}
        </button>
      </form>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {review ? (
        <div className="summary-review" aria-live="polite">
          <p>
            <strong>Summary score: {review.score}/100</strong>
          </p>
          <ul className="checklist">
            {review.covered.map((id) => (
              <li key={id} className="met">
                <span aria-hidden="true">✓ </span>
                <span className="visually-hidden">Captured: </span>
                {says.get(id) ?? id}
              </li>
            ))}
            {review.missed.map((id) => (
              <li key={id} className="unmet">
                <span aria-hidden="true">○ </span>
                <span className="visually-hidden">Missed: </span>
                {says.get(id) ?? id}
              </li>
            ))}
          </ul>
          {review.notSaid.length ? (
            <>
              <p>{partner} never said this — leave it out, or ask:</p>
              <ul className="quotes not-said">
                {review.notSaid.map((q) => (
                  <li key={q}>“{q}”</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Everything in it is something {partner} said.</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
