/**
 * An imported conversation read by the coach: the trust path as a chart, where it went wrong
 * and what would have helped, and the thread with each of your turns coached and a "Practise
 * from here" button that starts a session at that point with the same person.
 */
import { useState } from 'react';
import { messageOf } from '../api/client.js';
import { deleteImport, getImport, practiseFromImport } from '../api/rehearse-api.js';
import type { ApiImport } from '../api/types.js';
import { CriterionChips } from '../components/criterion-chips.js';
import { LineChart } from '../components/line-chart.js';
import { ErrorNotice, Loading } from '../components/notice.js';
import { Link, navigate, paths } from '../router.js';
import { useLoad } from '../use-load.js';

export function ImportThreadView({ importId }: { importId: string }) {
  const [loaded, reload] = useLoad(() => getImport(importId), [importId]);
  if (loaded.state === 'loading') return <Loading what="the conversation" />;
  if (loaded.state === 'error') {
    return (
      <section>
        <h1>Your own conversation</h1>
        <ErrorNotice title="This conversation could not be opened" onRetry={reload}>
          {loaded.message} <Link href={paths.importNew()}>Import another</Link>.
        </ErrorNotice>
      </section>
    );
  }
  return <ImportedThread thread={loaded.data} />;
}

function ImportedThread({ thread }: { thread: ApiImport }) {
  const [busy, setBusy] = useState<number | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = thread.turns.filter((t) => t.mine);
  const other = thread.speakers.filter((s) => s !== thread.you).join(', ');
  const { weakest, strongest } = thread.summary;

  const practise = async (index: number) => {
    setBusy(index);
    setError(null);
    try {
      const session = await practiseFromImport(thread.id, index, thread.kind);
      navigate(paths.practice(session.id));
    } catch (e) {
      setError(messageOf(e));
      setBusy(null);
    }
  };
  const remove = async () => {
    if (!window.confirm('Delete this conversation and every practice started from it?')) return;
    setBusy('delete');
    try {
      await deleteImport(thread.id);
      navigate(paths.library());
    } catch (e) {
      setError(messageOf(e));
      setBusy(null);
    }
  };

  return (
    <section className="import-thread">
      <p className="eyebrow">Your own conversation · read as {thread.kind === 'apology' ? 'an apology' : 'listening'}</p>
      <h1>{thread.title}</h1>
      <p className="hint">
        {thread.turns.length} turns, {mine.length} of them yours ({thread.you}). Trust is {other}'s likely trust after each of your turns, from a neutral start.
      </p>
      <p className="privacy-note" role="note">
        Practising from a turn starts a session with the turns before it. If Rehearse is set up with a model, those turns go to it then, so it can play {other}.
        Without one, nothing leaves this machine.
      </p>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}

      <LineChart
        title={`${other}'s likely trust after each of your turns`}
        series={[{ name: 'trust', values: thread.trustPath }]}
        xLabels={['start', ...mine.map((t) => `#${t.index + 1}`)]}
      >
        Trust went {thread.trustPath.join(' → ')}.
      </LineChart>

      <div className="import-summary">
        {weakest ? (
          <div className="summary-weakest">
            <h2>Where it went wrong</h2>
            <p>
              Turn #{weakest.index + 1} ({weakest.trustDelta} trust): <q>{weakest.text}</q>
            </p>
            <p>
              <strong>What would have helped:</strong> {weakest.rewrite}
            </p>
            <button type="button" className="button" onClick={() => practise(weakest.index)} disabled={busy !== null}>
              Practise from turn #{weakest.index + 1}
            </button>
          </div>
        ) : (
          <p>No turn of yours cost trust.</p>
        )}
        {strongest ? (
          <p className="summary-strongest">
            Your strongest turn was #{strongest.index + 1} (+{strongest.trustDelta}).
          </p>
        ) : null}
        {thread.summary.tips.length ? (
          <ul className="tips">
            {thread.summary.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <ol className="thread">
        {thread.turns.map((turn) => (
          <li key={turn.index} className={turn.mine ? 'thread-turn mine' : 'thread-turn theirs'} id={`turn-${turn.index}`}>
            <p className="thread-meta">
              <span className="partner-name">{turn.speaker}</span> #{turn.index + 1}
              {turn.at ? <time dateTime={turn.at}> · {turn.at.slice(0, 16).replace('T', ' ')}</time> : null}
            </p>
            <p className="thread-text" dir="auto">
              {turn.text}
            </p>
            {turn.coach ? (
              <div className="thread-coach">
                <CriterionChips labels={turn.coach.labels} />
                <p className="trust-change">
                  Trust {turn.coach.trustBefore} → {turn.coach.trustAfter}
                  {turn.coach.reason ? `: ${turn.coach.reason}` : ''}
                </p>
                {turn.coach.tip ? <p className="tip">{turn.coach.tip}</p> : null}
                <button type="button" className="button secondary" onClick={() => practise(turn.index)} disabled={busy !== null}>
                  {busy === turn.index ? 'Starting…' : 'Practise from here'}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      <p>
        <button type="button" className="button secondary" onClick={remove} disabled={busy !== null}>
          Delete this conversation
        </button>
      </p>
    </section>
  );
}
