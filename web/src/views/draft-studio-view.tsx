/**
 * The draft studio: paste a message before sending it, optionally to a scenario's partner,
 * and see it sentence by sentence, what is missing, the red flags, how it is likely to land
 * and a score. Each check is kept as a version (in this browser only) to compare.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { MAX_DRAFT_CHARS } from '../../../server/api/limits.js';
import { messageOf } from '../api/client.js';
import { listScenarios, requestDraftFeedback } from '../api/rehearse-api.js';
import type { ApiScenarioSummary } from '../api/types.js';
import { CriterionChips } from '../components/criterion-chips.js';
import { DraftComparison } from '../components/draft-comparison.js';
import { HighlightedText } from '../components/highlighted-text.js';
import { ErrorNotice } from '../components/notice.js';
import { ScoreBar } from '../components/score-bar.js';
import { addVersion, loadVersions, saveVersions, type DraftVersion } from '../drafts/draft-versions.js';
import { spansWithin } from '../drafts/sentence-spans.js';
import { useLoad } from '../use-load.js';
import { criterionLabel } from '../criteria-text.js';

export function DraftStudioView({ initialScenarioId }: { initialScenarioId: string | null }) {
  const [scenarios] = useLoad(listScenarios, []);
  const [scenarioId, setScenarioId] = useState(initialScenarioId ?? '');
  const [text, setText] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [versions, setVersions] = useState<DraftVersion[]>(loadVersions);
  const [compare, setCompare] = useState<{ a: string; b: string } | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const ids = { recipient: useId(), text: useId(), a: useId(), b: useId() };

  useEffect(() => saveVersions(versions), [versions]);
  useEffect(() => setScenarioId(initialScenarioId ?? ''), [initialScenarioId]);

  const options = useMemo(() => {
    const list = scenarios.state === 'ready' ? scenarios.data : [];
    return { drafts: list.filter((s) => s.kind === 'draft'), others: list.filter((s) => s.kind !== 'draft') };
  }, [scenarios]);
  const recipient: ApiScenarioSummary | undefined = scenarios.state === 'ready' ? scenarios.data.find((s) => s.id === scenarioId) : undefined;
  const latest = versions.at(-1);

  const check = async () => {
    if (!text.trim()) {
      setError('Write or paste your draft first.');
      return;
    }
    setChecking(true);
    setError(null);
    try {
      const feedback = await requestDraftFeedback(text, scenarioId || undefined);
      setVersions((vs) =>
        addVersion(vs, { text, scenarioId: scenarioId || null, recipient: recipient?.partner.name ?? null, checkedAt: new Date().toISOString(), feedback }),
      );
      setCompare(null);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setChecking(false);
    }
  };

  const pair = pickPair(versions, compare);

  return (
    <section className="draft-studio">
      <h1>Draft studio</h1>
      <p className="lede">
        Paste a message before you send it. See which sentences build trust, what is missing, and how it is likely to land. Revise and compare.
      </p>

      <form
        className="draft-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <div className="field">
          <label htmlFor={ids.recipient}>Who is it to? (optional)</label>
          <select id={ids.recipient} value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            <option value="">No one in particular</option>
            <RecipientGroup label="Draft recipients" scenarios={options.drafts} />
            <RecipientGroup label="People from the practice scenarios" scenarios={options.others} />
          </select>
          {recipient ? <p className="hint">{recipient.summary}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={ids.text}>Your draft</label>
          <textarea id={ids.text} ref={editor} rows={7} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${ids.text}-count`} />
          <span id={`${ids.text}-count`} className={text.length > MAX_DRAFT_CHARS ? 'count count-over' : 'count'}>
            {text.length} / {MAX_DRAFT_CHARS} characters
          </span>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={checking || text.length > MAX_DRAFT_CHARS}>
            {checking ? 'Checking…' : latest ? 'Check this version' : 'Check my draft'}
          </button>
        </div>
      </form>
      {error ? <ErrorNotice title="The draft could not be checked">{error}</ErrorNotice> : null}

      {latest ? (
        <DraftFeedbackPanel
          version={latest}
          onRevise={() => {
            setText(latest.text);
            editor.current?.focus();
          }}
        />
      ) : null}

      {versions.length > 1 && pair ? (
        <section className="versions" aria-labelledby="versions-h">
          <h2 id="versions-h">Compare versions</h2>
          <div className="compare-pickers">
            <VersionPicker id={ids.a} label="Earlier" versions={versions} value={pair.before.id} onChange={(id) => setCompare({ a: id, b: pair.after.id })} />
            <VersionPicker id={ids.b} label="Later" versions={versions} value={pair.after.id} onChange={(id) => setCompare({ a: pair.before.id, b: id })} />
            <button type="button" className="secondary" onClick={() => setVersions([])}>
              Forget all versions
            </button>
          </div>
          <DraftComparison before={pair.before} after={pair.after} />
        </section>
      ) : null}
    </section>
  );
}

function pickPair(versions: readonly DraftVersion[], chosen: { a: string; b: string } | null) {
  if (versions.length < 2) return null;
  const a = chosen && versions.find((v) => v.id === chosen.a);
  const b = chosen && versions.find((v) => v.id === chosen.b);
  if (a && b) return { before: a, after: b };
  return { before: versions.at(-2)!, after: versions.at(-1)! };
}

function DraftFeedbackPanel({ version, onRevise }: { version: DraftVersion; onRevise: () => void }) {
  const f = version.feedback;
  return (
    <section className="draft-feedback" aria-labelledby="feedback-h">
      <h2 id="feedback-h">Version {version.number}: how it reads</h2>
      <ScoreBar score={f.score} label="Draft score" />

      <h3>Sentence by sentence</h3>
      <ol className="sentences">
        {f.sentences.map((s) => (
          <li key={s.start} className={s.criteria.length ? 'sentence marked' : 'sentence'}>
            <p>
              <HighlightedText text={s.text} spans={spansWithin(s, f.evidence)} />
            </p>
            {s.criteria.length === 0 ? <p className="hint">Nothing from the rubric in this sentence.</p> : null}
          </li>
        ))}
      </ol>

      <div className="two-col">
        <section aria-labelledby="has-h">
          <h3 id="has-h">What it does</h3>
          <CriterionChips labels={f.labels} label="What the draft does" />
        </section>
        <section aria-labelledby="missing-h">
          <h3 id="missing-h">What is missing</h3>
          {f.missing.length === 0 ? (
            <p>Nothing: it names the harm, owns it, validates and offers a repair.</p>
          ) : (
            <ul>
              {f.missing.map((m) => (
                <li key={m.criterion}>
                  <strong>{criterionLabel(m.criterion)}</strong>: {m.why}
                </li>
              ))}
            </ul>
          )}
          {f.redFlags.length ? (
            <p className="flags-line">
              <span aria-hidden="true">⚠ </span>Red flags: {f.redFlags.map(criterionLabel).join(', ')}.
            </p>
          ) : null}
        </section>
      </div>

      <section aria-labelledby="reaction-h" className="reaction">
        <h3 id="reaction-h">{f.reaction.by ? `How ${f.reaction.by} might answer` : 'How it is likely to land'}</h3>
        <blockquote>{f.reaction.text}</blockquote>
        {f.reaction.trustAfter !== null ? (
          <p className="hint">
            {f.reaction.by}'s trust after reading it: about {Math.round(f.reaction.trustAfter)} / 100.
          </p>
        ) : null}
      </section>
      <button type="button" className="secondary" onClick={onRevise}>
        Revise this version
      </button>
    </section>
  );
}

/** One side of the comparison: a labelled choice among the saved versions, with their scores. */
function VersionPicker({
  id,
  label,
  versions,
  value,
  onChange,
}: {
  id: string;
  label: string;
  versions: readonly { id: string; number: number; feedback: { score: number } }[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            Version {v.number} ({v.feedback.score})
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of scenarios' partners to pick as the recipient; nothing when the group is empty. */
function RecipientGroup({ label, scenarios }: { label: string; scenarios: readonly { id: string; title: string; partner: { name: string } }[] }) {
  if (scenarios.length === 0) return null;
  return (
    <optgroup label={label}>
      {scenarios.map((s) => (
        <option key={s.id} value={s.id}>
          {s.partner.name} — {s.title}
        </option>
      ))}
    </optgroup>
  );
}
