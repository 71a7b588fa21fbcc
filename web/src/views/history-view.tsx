/**
 * Past sessions (date, scenario, outcome, trust reached), what is worth celebrating (promises
 * kept, personal bests, what improved per scenario), progress per criterion over time,
 * and deleting one session or all of them — each after a confirmation.
 */
import { useState } from 'react';
import { messageOf } from '../api/client.js';
import { deleteAllSessions, deleteSession, getProgress, getProgressHighlights, listSessions } from '../api/rehearse-api.js';
import type { ApiSessionSummary } from '../api/types.js';
import { ErrorNotice, Loading } from '../components/notice.js';
import { ProgressCharts } from '../history/progress-chart.js';
import { ProgressHighlights } from '../history/progress-highlights.js';
import { Link, paths } from '../router.js';
import { useLoad } from '../use-load.js';
import { STATUS_TEXT } from '../vocabulary.js';

export function HistoryView() {
  const [sessions, reloadSessions] = useLoad(listSessions, []);
  const [progress, reloadProgress] = useLoad(getProgress, []);
  const [highlights, reloadHighlights] = useLoad(getProgressHighlights, []);
  const [error, setError] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [notice, setNotice] = useState('');

  const reload = () => {
    reloadSessions();
    reloadProgress();
    reloadHighlights();
  };

  const removeAll = async () => {
    setError(null);
    try {
      await deleteAllSessions();
      setConfirmAll(false);
      setNotice('Every session was deleted.');
      reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section className="history">
      <h1>Your sessions</h1>
      <p className="visually-hidden" aria-live="polite">
        {notice}
      </p>
      {error ? <ErrorNotice title="That did not work">{error}</ErrorNotice> : null}

      {highlights.state === 'ready' && sessions.state === 'ready' && sessions.data.length > 0 ? (
        <section aria-labelledby="celebrate-h" className="card-section">
          <h2 id="celebrate-h">Worth celebrating</h2>
          <ProgressHighlights highlights={highlights.data} sessions={sessions.data} />
        </section>
      ) : null}

      <section aria-labelledby="progress-h" className="card-section">
        <h2 id="progress-h">Progress over time</h2>
        {progress.state === 'loading' ? <Loading what="your progress" /> : null}
        {progress.state === 'error' ? (
          <ErrorNotice title="Progress could not be loaded" onRetry={reloadProgress}>
            {progress.message}
          </ErrorNotice>
        ) : null}
        {progress.state === 'ready' ? <ProgressCharts points={progress.data} /> : null}
      </section>

      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">Past sessions</h2>
        {sessions.state === 'loading' ? <Loading what="your sessions" /> : null}
        {sessions.state === 'error' ? (
          <ErrorNotice title="Your sessions could not be loaded" onRetry={reloadSessions}>
            {sessions.message}
          </ErrorNotice>
        ) : null}
        {sessions.state === 'ready' && sessions.data.length === 0 ? (
          <p>
            No sessions yet. <Link href={paths.library()}>Pick a scenario</Link> to start.
          </p>
        ) : null}
        {sessions.state === 'ready' && sessions.data.length > 0 ? (
          <>
            <div className="table-scroll">
              <table className="sessions-table">
                <caption className="visually-hidden">Past sessions, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Scenario</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Trust reached</th>
                    <th scope="col">Turns</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sessions.data.map((s) => (
                    <SessionRow
                      key={s.id}
                      session={s}
                      onDeleted={() => {
                        setNotice(`The session “${s.scenarioTitle ?? s.scenarioId}” was deleted.`);
                        reload();
                      }}
                      onError={setError}
                    />
                  ))}
                </tbody>
              </table>
            </div>
            <div className="danger-zone">
              {confirmAll ? (
                <p role="alert">
                  Delete all {sessions.data.length} sessions and everything in them? This cannot be undone.{' '}
                  <button type="button" className="danger" onClick={() => void removeAll()}>
                    Yes, delete everything
                  </button>{' '}
                  <button type="button" className="secondary" onClick={() => setConfirmAll(false)}>
                    Cancel
                  </button>
                </p>
              ) : (
                <button type="button" className="secondary" onClick={() => setConfirmAll(true)}>
                  Delete all sessions…
                </button>
              )}
            </div>
          </>
        ) : null}
      </section>
    </section>
  );
}

function SessionRow({ session, onDeleted, onError }: { session: ApiSessionSummary; onDeleted: () => void; onError: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const title = session.scenarioTitle ?? `${session.scenarioId} (no longer installed)`;
  const remove = async () => {
    setBusy(true);
    try {
      await deleteSession(session.id);
      onDeleted();
    } catch (e) {
      onError(messageOf(e));
      setBusy(false);
    }
  };
  const when = new Date(session.createdAt);
  return (
    <tr>
      <td>
        <time dateTime={session.createdAt}>{when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </td>
      <td>{title}</td>
      <td>
        <span className={`status status-${session.status}`}>
          <span aria-hidden="true">{session.status === 'resolved' ? '✓ ' : session.status === 'active' ? '○ ' : '■ '}</span>
          {STATUS_TEXT[session.status] ?? session.status}
        </span>
      </td>
      <td>{Math.round(session.trust)}</td>
      <td>{session.turns}</td>
      <td className="row-actions">
        {confirming ? (
          <>
            <span>Delete this session?</span>{' '}
            <button type="button" className="danger" onClick={() => void remove()} disabled={busy} aria-label={`Yes, delete the session “${title}”`}>
              Yes, delete
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </button>
          </>
        ) : (
          <>
            {session.status !== 'ended' ? <Link href={paths.practice(session.id)}>Continue</Link> : null}{' '}
            <Link href={paths.scorecard(session.id)}>Scorecard</Link>{' '}
            <button type="button" className="link-button" onClick={() => setConfirming(true)} aria-label={`Delete the session “${title}”`}>
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
