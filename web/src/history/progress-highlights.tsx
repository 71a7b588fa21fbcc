/**
 * Progress worth celebrating on the history page: promises kept, the personal best for each
 * move, and for each repeated scenario what improved since the previous attempt.
 */
import type { ApiProgressHighlights, ApiSessionSummary } from '../api/types.js';
import { criterionLabel } from '../criteria-text.js';
import { Link, paths } from '../router.js';

const capital = (line: string) => `${line[0]!.toUpperCase()}${line.slice(1)}`;
const sentence = (line: string) => `${capital(line)}.`;

export function ProgressHighlights({ highlights, sessions }: { highlights: ApiProgressHighlights; sessions: readonly ApiSessionSummary[] }) {
  const titleOf = (scenarioId: string) => sessions.find((s) => s.scenarioId === scenarioId)?.scenarioTitle ?? scenarioId;
  const { kept, total } = highlights.commitments;
  return (
    <div className="progress-highlights">
      <p className="kept">
        {total === 0 ? 'No promises recorded yet.' : `You have kept ${kept} of the ${total} promise${total === 1 ? '' : 's'} you made.`}{' '}
        {total > 0 ? <Link href={paths.commitments()}>Your commitments</Link> : null}
      </p>
      {highlights.scenarios.some((s) => s.improved.length > 0) ? (
        <>
          <h3>Better than last time</h3>
          {highlights.scenarios
            .filter((s) => s.improved.length > 0)
            .map((s) => (
              <div key={s.scenarioId} className="celebrate">
                <p>
                  <strong>{titleOf(s.scenarioId)}</strong> — <Link href={paths.scorecard(s.sessionId)}>latest scorecard</Link>
                </p>
                <ul>
                  {s.improved.map((line) => (
                    <li key={line}>{sentence(line)}</li>
                  ))}
                </ul>
              </div>
            ))}
        </>
      ) : null}
      {highlights.bests.length > 0 ? (
        <>
          <h3>Personal bests</h3>
          <ul className="bests">
            {highlights.bests.map((b) => (
              <li key={b.criterion}>
                {capital(criterionLabel(b.criterion))}: {Math.round(b.share * 100)}% of your turns, on{' '}
                <Link href={paths.scorecard(b.sessionId)}>{new Date(b.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
