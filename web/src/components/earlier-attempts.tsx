/** The turns taken back by "Try again from here", kept and folded away for comparison. */
import type { ApiMessage } from '../api/types.js';
import { CriterionChips } from './criterion-chips.js';

export function EarlierAttempts({ attempts, partnerName }: { attempts: readonly ApiMessage[][]; partnerName: string }) {
  if (attempts.length === 0) return null;
  return (
    <details className="earlier-attempts">
      <summary>Earlier attempts ({attempts.length}) — the turns you took back</summary>
      <ol>
        {attempts.map((attempt, i) => (
          <li key={attempt[0]?.id ?? i}>
            <h3>Attempt {i + 1}</h3>
            <ul className="attempt-turns">
              {attempt.map((m) => (
                <li key={m.id} className={m.role === 'user' ? 'attempt-you' : 'attempt-partner'}>
                  <strong>{m.role === 'user' ? 'You' : partnerName}:</strong> {m.text || '(no reply)'}
                  {m.role === 'user' && m.coach ? (
                    <div className="attempt-coach">
                      <CriterionChips labels={m.coach.labels} label="What the coach saw" />
                      <span className="turn-delta">
                        Trust {Math.round(m.coach.trustBefore)} → {Math.round(m.coach.trustAfter)}
                      </span>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
