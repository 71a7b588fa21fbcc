/**
 * The scenario library: scenarios grouped by the job they do, with a filter, and a pointer
 * to the guide for writing your own.
 */
import { useId, useMemo, useState } from 'react';
import { messageOf } from '../api/client.js';
import { createSession, listImports, listScenarios } from '../api/rehearse-api.js';
import type { ApiScenarioSummary, Kind } from '../api/types.js';
import { DifficultyMeter } from '../components/difficulty-meter.js';
import { ErrorNotice, Loading } from '../components/notice.js';
import { Link, navigate, paths } from '../router.js';
import { useLoad } from '../use-load.js';
import { DIFFICULTY_TEXT, KIND_ORDER, KIND_TEXT } from '../vocabulary.js';

export function LibraryView() {
  const [scenarios, reload] = useLoad(listScenarios, []);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [difficulty, setDifficulty] = useState('');
  const ids = { query: useId(), kind: useId(), difficulty: useId() };

  const shown = useMemo(() => {
    if (scenarios.state !== 'ready') return [];
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return scenarios.data.filter((s) => {
      if (kind && s.kind !== kind) return false;
      if (difficulty && String(s.difficulty) !== difficulty) return false;
      const hay = `${s.title} ${s.summary} ${s.partner.name} ${s.partner.relationship} ${s.setting}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [scenarios, query, kind, difficulty]);

  return (
    <section className="library">
      <h1>Practise a hard conversation</h1>
      <p className="lede">
        Pick a situation. Your partner reacts like a real person would, and a coach shows, turn by turn, what built trust and what eroded it. Nothing is at
        stake here: you can take any turn back and try again.
      </p>

      <search aria-label="Filter scenarios">
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={ids.query}>Search</label>
            <input id={ids.query} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. sister, work, van" />
          </div>
          <div className="field">
            <label htmlFor={ids.kind}>Job</label>
            <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
              <option value="">All jobs</option>
              {KIND_ORDER.map((k) => (
                <option key={k} value={k}>
                  {KIND_TEXT[k].job}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.difficulty}>Difficulty</label>
            <select id={ids.difficulty} value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
              <option value="">Any difficulty</option>
              {Object.entries(DIFFICULTY_TEXT).map(([level, text]) => (
                <option key={level} value={level}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>

      {scenarios.state === 'loading' ? <Loading what="scenarios" /> : null}
      {scenarios.state === 'error' ? (
        <ErrorNotice title="The scenarios could not be loaded" onRetry={reload}>
          {scenarios.message}
        </ErrorNotice>
      ) : null}
      {scenarios.state === 'ready' ? (
        <>
          <p className="filter-count" role="status">
            {shown.length === scenarios.data.length ? `${shown.length} scenarios` : `${shown.length} of ${scenarios.data.length} scenarios match`}
          </p>
          {KIND_ORDER.map((k) => (
            <ScenarioGroup key={k} kind={k} scenarios={shown.filter((s) => s.kind === k)} filtered={shown.length !== scenarios.data.length} />
          ))}
          {shown.length === 0 ? <p>No scenario matches. Clear the search or choose another job or difficulty.</p> : null}
        </>
      ) : null}

      <OwnConversation />

      <aside className="write-your-own" aria-labelledby="write-own">
        <h2 id="write-own">Write your own scenario</h2>
        <p>
          A scenario is one Markdown file in the <code>scenarios/</code> folder: who the partner is, what happened from both sides, what they need to hear, and
          how they react. No code is needed. The guide is <strong>docs/writing-scenarios.md in the repository</strong>; check a new file with{' '}
          <code>npm run scenarios -- check</code> or start one with <code>npm run scenarios -- new</code>, then restart Rehearse.
        </p>
      </aside>
    </section>
  );
}

function ScenarioGroup({ kind, scenarios, filtered }: { kind: Kind; scenarios: ApiScenarioSummary[]; filtered: boolean }) {
  if (scenarios.length === 0 && filtered) return null;
  const headingId = `group-${kind}`;
  return (
    <section className="scenario-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{KIND_TEXT[kind].job}</h2>
      <p className="group-blurb">{KIND_TEXT[kind].blurb}</p>
      {scenarios.length === 0 ? (
        kind === 'draft' ? (
          <p>
            No draft recipients are installed yet. You can still <Link href={paths.drafts()}>check a draft in the draft studio</Link>.
          </p>
        ) : (
          <p>No scenarios of this kind are installed yet.</p>
        )
      ) : (
        <ul className="cards">
          {scenarios.map((s) => (
            <li key={s.id}>
              <ScenarioCard scenario={s} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ScenarioCard({ scenario }: { scenario: ApiScenarioSummary }) {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const session = await createSession(scenario.id);
      navigate(paths.practice(session.id));
    } catch (e) {
      setError(messageOf(e));
      setStarting(false);
    }
  };
  const titleId = `scenario-${scenario.id}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>{scenario.title}</h3>
      <p className="partner-line">
        <span className="partner-name">{scenario.partner.name}</span>, {scenario.partner.relationship}
      </p>
      <p className="situation">{scenario.summary}</p>
      <div className="card-meta">
        <DifficultyMeter level={scenario.difficulty} />
        <span className="setting">{scenario.setting}</span>
      </div>
      {scenario.kind === 'draft' ? (
        <Link className="button" href={paths.drafts(scenario.id)} aria-describedby={titleId}>
          Write to {scenario.partner.name}
        </Link>
      ) : (
        <button type="button" className="button" onClick={start} disabled={starting} aria-describedby={titleId}>
          {starting ? 'Starting…' : `Start with ${scenario.partner.name}`}
        </button>
      )}
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </article>
  );
}

/** The entry to bringing your own conversation, with the ones already imported. */
function OwnConversation() {
  const [imports] = useLoad(listImports, []);
  return (
    <section className="own-conversation scenario-group" aria-labelledby="own-conversation">
      <h2 id="own-conversation">Your own conversation</h2>
      <p className="group-blurb">
        Paste a real text thread that went wrong. See where it turned, then practise again from any of your turns with the same person.
      </p>
      <Link className="button" href={paths.importNew()}>
        Paste a conversation
      </Link>
      {imports.state === 'ready' && imports.data.length > 0 ? (
        <ul className="imports-list">
          {imports.data.map((item) => (
            <li key={item.id}>
              <Link href={paths.import(item.id)}>{item.title}</Link> · {item.turns} turns
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
