/**
 * The scorecard at the end of a session: what built trust (with the words), red flags,
 * trust over the turns, the strongest and weakest turn with a rewrite, commitments, the
 * listening balance, tips, and a Markdown export.
 */
import { ArcProgress } from '../components/arc-progress.js';
import { useState } from 'react';
import { messageOf } from '../api/client.js';
import { createSession, getScenario, getScorecard, getSession } from '../api/rehearse-api.js';
import type { ApiScenarioDetail, ApiScorecard, CriterionResult } from '../api/types.js';
import { LineChart } from '../components/line-chart.js';
import { ErrorNotice, Loading } from '../components/notice.js';
import { Link, navigate, paths } from '../router.js';
import { SummaryBox } from '../scorecard/summary-box.js';
import { buildScorecardMarkdown, downloadText, listeningRatioText, scorecardFileName } from '../scorecard/scorecard-markdown.js';
import { useLoad } from '../use-load.js';
import { criterionLabel } from '../criteria-text.js';
import { KIND_TEXT, STATUS_TEXT } from '../vocabulary.js';

async function loadScorecard(sessionId: string) {
  const [card, session] = await Promise.all([getScorecard(sessionId), getSession(sessionId)]);
  const detail = await getScenario(card.scenarioId);
  // Practice from an imported conversation: the general partner, played as the other person.
  const scenario = session.partnerName ? { ...detail, partner: { ...detail.partner, name: session.partnerName } } : detail;
  return { card, scenario, importId: session.importId };
}

export function ScorecardView({ sessionId }: { sessionId: string }) {
  const [loaded, reload] = useLoad(() => loadScorecard(sessionId), [sessionId]);
  if (loaded.state === 'loading') return <Loading what="the scorecard" />;
  if (loaded.state === 'error') {
    return (
      <section>
        <h1>Scorecard</h1>
        <ErrorNotice title="The scorecard could not be loaded" onRetry={reload}>
          {loaded.message}
        </ErrorNotice>
      </section>
    );
  }
  return <ScorecardBody sessionId={sessionId} {...loaded.data} />;
}

function ScorecardBody({
  sessionId,
  card,
  scenario,
  importId,
}: {
  sessionId: string;
  card: ApiScorecard;
  scenario: ApiScenarioDetail;
  importId: string | null;
}) {
  const [again, setAgain] = useState<string | null>(null);
  const partner = scenario.partner.name;
  const exportMarkdown = () => {
    const date = new Date();
    downloadText(scorecardFileName(scenario.title, date), buildScorecardMarkdown(card, { title: scenario.title, partnerName: partner, date }));
  };
  const practiseAgain = async () => {
    setAgain('Starting…');
    try {
      const session = await createSession(scenario.id);
      navigate(paths.practice(session.id));
    } catch (e) {
      setAgain(messageOf(e));
    }
  };
  const checkIn = async () => {
    setAgain('Starting…');
    try {
      const session = await createSession(scenario.id, sessionId);
      navigate(paths.practice(session.id));
    } catch (e) {
      setAgain(messageOf(e));
    }
  };
  const flagsSeen = Object.entries(card.redFlags).filter(([, r]) => (r as CriterionResult).met);

  return (
    <section className="scorecard">
      <p className="eyebrow">{KIND_TEXT[scenario.kind].job} · scorecard</p>
      <h1>{scenario.title}</h1>
      <p className="outcome">
        <strong>{card.resolved ? `Resolved — ${partner} felt heard.` : `Not resolved yet — ${partner} still needed more.`}</strong> {card.turns} turn
        {card.turns === 1 ? '' : 's'} · {STATUS_TEXT[card.status] ?? card.status}
      </p>
      {card.safetyFlagged ? (
        <div className="notice notice-safety" role="note">
          <p>
            Part of this session stepped outside the role-play because something you wrote sounded like real danger. If that is you, please reach out to someone
            now — the help lines are in the conversation.
          </p>
        </div>
      ) : null}

      <div className="scorecard-actions">
        <button type="button" onClick={exportMarkdown}>
          Export as Markdown
        </button>
        {importId ? (
          <Link className="button secondary" href={paths.import(importId)}>
            Back to your conversation
          </Link>
        ) : (
          <>
            <button type="button" className="secondary" onClick={() => void practiseAgain()} disabled={again === 'Starting…'}>
              Practise this again
            </button>
            {card.status !== 'active' ? (
              <button type="button" className="secondary" onClick={() => void checkIn()} disabled={again === 'Starting…'}>
                Check in with {partner}
              </button>
            ) : null}
          </>
        )}
        {card.status !== 'ended' ? (
          <Link className="button secondary" href={paths.practice(sessionId)}>
            Back to the conversation
          </Link>
        ) : null}
        {again && again !== 'Starting…' ? (
          <p className="inline-error" role="alert">
            {again}
          </p>
        ) : null}
      </div>

      {card.improved.length > 0 ? (
        <section aria-labelledby="improved-h" className="card-section celebrate">
          <h2 id="improved-h">Better than last time</h2>
          <ul>
            {card.improved.map((line) => (
              <li key={line}>{line[0]!.toUpperCase() + line.slice(1)}.</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="trust-h" className="card-section">
        <h2 id="trust-h">Trust over the conversation</h2>
        {card.trustPath.length > 1 ? (
          <LineChart
            title={`${partner}'s trust after each turn`}
            series={[{ name: 'Trust', values: card.trustPath }]}
            xLabels={card.trustPath.map((_, i) => (i === 0 ? 'Start' : `Turn ${i}`))}
            threshold={{ value: scenario.trust.resolveAt, label: `resolves at ${scenario.trust.resolveAt}` }}
          >
            Trust went {card.trustPath.map((t) => Math.round(t)).join(' → ')} (resolves at {scenario.trust.resolveAt}).
          </LineChart>
        ) : (
          <p>No turns were taken, so trust stayed at {Math.round(card.trustPath[0] ?? scenario.trust.start)}.</p>
        )}
      </section>

      <section aria-labelledby="arc-h" className="card-section">
        <h2 id="arc-h">How the conversation moved</h2>
        <ArcProgress arc={card.arc} partnerName={partner} />
        <p className="hint">
          {card.hiddenConcernTurn ? `${partner} told you what was underneath after your turn ${card.hiddenConcernTurn}. ` : ''}
          {card.resolvedTurn ? `It resolved after your turn ${card.resolvedTurn}.` : 'It had not resolved when the session ended.'}
        </p>
      </section>

      <div className="two-col">
        <section aria-labelledby="met-h" className="card-section">
          <h2 id="met-h">What built trust</h2>
          <CriterionResults results={card.criteria} positive />
        </section>
        <section aria-labelledby="flags-h" className="card-section">
          <h2 id="flags-h">Red flags</h2>
          {flagsSeen.length === 0 ? (
            <p>None. You kept clear of every red flag.</p>
          ) : (
            <CriterionResults results={Object.fromEntries(flagsSeen)} positive={false} />
          )}
        </section>
      </div>

      {card.strongest || card.weakest ? (
        <div className="two-col">
          {card.strongest ? (
            <section aria-labelledby="strong-h" className="card-section">
              <h2 id="strong-h">Your strongest turn</h2>
              <blockquote>{card.strongest.text}</blockquote>
              <p>Trust {delta(card.strongest.trustDelta)}.</p>
            </section>
          ) : null}
          {card.weakest ? (
            <section aria-labelledby="weak-h" className="card-section">
              <h2 id="weak-h">Your weakest turn</h2>
              <blockquote>{card.weakest.text}</blockquote>
              <p>Trust {delta(card.weakest.trustDelta)}. You could say instead:</p>
              <blockquote className="rewrite">{card.weakest.rewrite}</blockquote>
              <p className="hint">
                {card.weakest.rewriteBy === 'model'
                  ? 'Rewritten by the model, in your words where it could.'
                  : 'Built from your turn: what hurt is left out, and what was missing is added.'}
              </p>
            </section>
          ) : null}
        </div>
      ) : null}

      {card.listening ? (
        <section aria-labelledby="listen-h" className="card-section">
          <h2 id="listen-h">Listening balance</h2>
          <p>{listeningRatioText(card.listening)}</p>
          <p className="hint">MITI 4.2 counts one reflection per question as fair and two per question as good.</p>
        </section>
      ) : null}

      {card.kind === 'listening' ? <SummaryBox sessionId={sessionId} card={card} partner={partner} /> : null}

      {card.commitments.length ? (
        <section aria-labelledby="promise-h" className="card-section">
          <h2 id="promise-h">What you promised</h2>
          <ul>
            {card.commitments.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p className="hint">
            Following through is what makes an apology real.{' '}
            {card.status === 'active' ? (
              'They are kept in Your commitments once the session ends.'
            ) : (
              <Link href={paths.commitments()}>See them in Your commitments</Link>
            )}
          </p>
        </section>
      ) : null}

      {card.needs.length ? (
        <section aria-labelledby="needs-h" className="card-section">
          <h2 id="needs-h">What {partner} needed to hear</h2>
          <ul className="checklist">
            {card.needs.map((n) => (
              <li key={n.id} className={n.met ? 'met' : 'unmet'}>
                <span aria-hidden="true">{n.met ? '✓' : '○'} </span>
                <span className="visually-hidden">{n.met ? 'Heard: ' : 'Not yet: '}</span>
                {n.says}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="tips-h" className="card-section">
        <h2 id="tips-h">Next time</h2>
        <ul>
          {card.tips.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function CriterionResults({ results, positive }: { results: ApiScorecard['criteria']; positive: boolean }) {
  return (
    <ul className="criterion-results">
      {Object.entries(results).map(([id, value]) => {
        const r = value as CriterionResult;
        const sign = positive ? (r.met ? '✓' : '○') : '⚠';
        return (
          <li key={id} className={positive ? (r.met ? 'met' : 'unmet') : 'flag'}>
            <p>
              <span aria-hidden="true">{sign} </span>
              <strong>{criterionLabel(id)}</strong> — {r.met ? `${r.count} turn${r.count === 1 ? '' : 's'}` : 'not yet'}
            </p>
            {r.evidence.length ? (
              <ul className="quotes">
                {r.evidence.slice(0, 3).map((q, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same words can be quoted from two turns, so the position keeps the key unique; the list is static (at most three quotes, never reordered).
                  <li key={`${i}:${q}`}>“{q}”</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function delta(n: number): string {
  const r = Math.round(n);
  return r > 0 ? `rose ${r}` : r < 0 ? `fell ${-r}` : 'held';
}
