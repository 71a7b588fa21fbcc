/**
 * Your commitments: what you promised in your sessions, overdue first, then due this week,
 * then later, then done. Each can be marked done, edited (words and day) or deleted; the
 * open ones with a day download as a calendar file.
 */
import { useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { COMMITMENTS_CALENDAR_URL, createSession, deleteCommitment, listCommitments, updateCommitment } from '../api/rehearse-api.js';
import type { ApiCommitment, UpdateCommitmentBody } from '../api/types.js';
import { dueText, groupCommitments, localToday } from '../commitments/commitment-groups.js';
import { ErrorNotice, Loading } from '../components/notice.js';
import { Link, navigate, paths } from '../router.js';
import { useLoad } from '../use-load.js';

export function CommitmentsView() {
  const [loaded, reload, replace] = useLoad(listCommitments, []);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const act = async (work: () => Promise<unknown>, said: string) => {
    setError(null);
    try {
      await work();
      setNotice(said);
      replace(await listCommitments());
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const update = (item: ApiCommitment, patch: UpdateCommitmentBody, said: string) => act(() => updateCommitment(item.id, patch), said);
  const remove = (item: ApiCommitment) => act(() => deleteCommitment(item.id), 'The commitment was deleted.');
  const checkIn = async (item: ApiCommitment) => {
    setError(null);
    try {
      const session = await createSession(item.scenarioId, item.sessionId);
      navigate(paths.practice(session.id));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section className="commitments">
      <h1>Your commitments</h1>
      <p className="lede">What you promised in your sessions. Trust comes back through what you do after the conversation.</p>
      <p className="visually-hidden" aria-live="polite">
        {notice}
      </p>
      {error ? <ErrorNotice title="That did not work">{error}</ErrorNotice> : null}
      {loaded.state === 'loading' ? <Loading what="your commitments" /> : null}
      {loaded.state === 'error' ? (
        <ErrorNotice title="Your commitments could not be loaded" onRetry={reload}>
          {loaded.message}
        </ErrorNotice>
      ) : null}
      {loaded.state === 'ready' ? <CommitmentGroupsList items={loaded.data} onUpdate={update} onDelete={remove} onCheckIn={checkIn} /> : null}
    </section>
  );
}

interface ItemActions {
  onUpdate: (item: ApiCommitment, patch: UpdateCommitmentBody, said: string) => Promise<void>;
  onDelete: (item: ApiCommitment) => Promise<void>;
  onCheckIn: (item: ApiCommitment) => Promise<void>;
}

function CommitmentGroupsList({ items, ...actions }: { items: ApiCommitment[] } & ItemActions) {
  if (items.length === 0) {
    return (
      <p>
        Nothing yet. When you promise something concrete in a session ("I'll call you on Saturday"), it is kept here once the session ends.{' '}
        <Link href={paths.library()}>Practise a conversation</Link>.
      </p>
    );
  }
  const today = localToday();
  const groups = groupCommitments(items, today);
  const withDay = items.filter((c) => !c.done && c.due !== null).length;
  return (
    <>
      <p className="calendar-link">
        <a className="button secondary" href={COMMITMENTS_CALENDAR_URL} download="rehearse-commitments.ics">
          Download calendar (.ics)
        </a>{' '}
        <span className="hint">
          {withDay === 1 ? 'One open commitment has a day' : `${withDay} open commitments have a day`}; each becomes an all-day event.
        </span>
      </p>
      <CommitmentGroup id="overdue" title="Overdue" items={groups.overdue} today={today} {...actions} />
      <CommitmentGroup id="soon" title="Due this week" items={groups.soon} today={today} {...actions} />
      <CommitmentGroup id="later" title="Later, or no day yet" items={groups.later} today={today} {...actions} />
      <CommitmentGroup id="done" title="Done" items={groups.done} today={today} {...actions} />
    </>
  );
}

function CommitmentGroup({ id, title, items, today, ...actions }: { id: string; title: string; items: ApiCommitment[]; today: string } & ItemActions) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`} className={`card-section commitment-group group-${id}`}>
      <h2 id={`${id}-h`}>
        {title} <span className="count">({items.length})</span>
      </h2>
      <ul className="commitment-list">
        {items.map((item) => (
          <CommitmentItem key={item.id} item={item} today={today} {...actions} />
        ))}
      </ul>
    </section>
  );
}

function CommitmentItem({ item, today, onUpdate, onDelete, onCheckIn }: { item: ApiCommitment; today: string } & ItemActions) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [due, setDue] = useState(item.due ?? '');
  const [confirmDelete, setConfirmDelete] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await onUpdate(item, { text, due: due === '' ? null : due }, 'The commitment was saved.');
    setEditing(false);
  };

  if (editing) {
    return (
      <li className="commitment editing">
        <form onSubmit={(e) => void save(e)}>
          <label>
            What you promised
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={500} required />
          </label>
          <label>
            By
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <div className="commitment-actions">
            <button type="submit">Save</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className={`commitment${item.done ? ' done' : ''}`}>
      <p className="commitment-text">{item.text}</p>
      <p className="commitment-meta">
        To {item.partner}
        {item.due ? (
          <>
            {' '}
            · {item.done ? 'was due' : 'due'} <time dateTime={item.due}>{dueText(item.due, today)}</time>
          </>
        ) : (
          ' · no day set'
        )}{' '}
        · <Link href={paths.scorecard(item.sessionId)}>from this session</Link>
      </p>
      <div className="commitment-actions">
        <button
          type="button"
          onClick={() => void onUpdate(item, { done: !item.done }, item.done ? 'Marked as not done.' : 'Marked as done.')}
          aria-label={item.done ? `Mark "${item.text}" as not done` : `Mark "${item.text}" as done`}
        >
          {item.done ? 'Not done yet' : 'Mark done'}
        </button>
        {item.done ? null : (
          <button type="button" className="secondary" onClick={() => void onCheckIn(item)} aria-label={`Check in with ${item.partner} about "${item.text}"`}>
            Check in with {item.partner}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`Edit "${item.text}"`}>
          Edit
        </button>
        {confirmDelete ? (
          <>
            <button type="button" className="danger" onClick={() => void onDelete(item)}>
              Delete it
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirmDelete(true)} aria-label={`Delete "${item.text}"`}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
