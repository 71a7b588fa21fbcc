/**
 * The coach beside the conversation: the trust meter with the one-line why, and the read of
 * the latest turn (what helped, what hurt, one tip). It can be hidden until the end, as a
 * real conversation has no coach; the choice is remembered on this computer.
 */
import { useId } from 'react';
import type { CoachRead, ListeningBalance } from '../api/types.js';
import { criterionLabel, doubtfulQuestion, isFlag } from '../criteria-text.js';
import type { ArcSummary } from '../../../server/practice/partner/arc-stages.js';
import { ArcProgress } from './arc-progress.js';
import { TrustMeter } from './trust-meter.js';

export interface CoachPanelProps {
  live: boolean;
  onLiveChange: (live: boolean) => void;
  partnerName: string;
  trust: number;
  previous: number | null;
  reason: string | null;
  resolveAt: number;
  latest: CoachRead | null;
  /** For listening: reflections to questions so far, against MITI 4.2. */
  listening?: ListeningBalance | null;
  /** The partner's arc so far: stages, pushbacks, what they still wait for. */
  arc?: ArcSummary | null;
}

export function CoachPanel({ live, onLiveChange, partnerName, trust, previous, reason, resolveAt, latest, listening, arc }: CoachPanelProps) {
  const toggleId = useId();
  return (
    <aside className="coach-panel" aria-labelledby={`${toggleId}-h`}>
      <div className="coach-head">
        <h2 id={`${toggleId}-h`}>Coach</h2>
        <label className="toggle" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={live} onChange={(e) => onLiveChange(e.target.checked)} />
          Show the coach while I practise
        </label>
      </div>
      {live ? (
        <>
          <TrustMeter trust={trust} previous={previous} reason={reason} resolveAt={resolveAt} partnerName={partnerName} />
          {latest ? <LatestRead read={latest} /> : <p className="coach-empty">After your first turn the coach shows what built trust and what eroded it.</p>}
          {listening && latest ? <ListeningLine balance={listening} /> : null}
          {arc && latest ? <ArcProgress arc={arc} partnerName={partnerName} /> : null}
        </>
      ) : (
        <p className="coach-hidden">
          The coach is hidden, as it would be in a real conversation. Everything is still recorded: you will see it all on the scorecard, or tick the box to
          bring it back.
        </p>
      )}
    </aside>
  );
}

function LatestRead({ read }: { read: CoachRead }) {
  const quotes = quotesByCriterion(read);
  const helped = quotes.filter((q) => !isFlag(q.criterion));
  const hurt = quotes.filter((q) => isFlag(q.criterion));
  return (
    <section className="latest-read" aria-label="Your last turn">
      <h3>Your last turn</h3>
      {helped.length > 0 ? (
        <>
          <h4>
            <span aria-hidden="true">✓ </span>Built trust
          </h4>
          <EvidenceList items={helped} />
        </>
      ) : null}
      {hurt.length > 0 ? (
        <>
          <h4>
            <span aria-hidden="true">⚠ </span>Eroded trust
          </h4>
          <EvidenceList items={hurt} />
        </>
      ) : null}
      {read.labels.length === 0 ? <p>Nothing from the rubric showed in that turn.</p> : null}
      {read.tip ? (
        <p className="tip">
          <strong>Tip:</strong> {read.tip}
        </p>
      ) : null}
    </section>
  );
}

const RATING_TEXT: Record<ListeningBalance['rating'], string> = {
  good: 'good (2:1 or more)',
  fair: 'fair (1:1 or more)',
  below: 'below fair: reflect more before asking',
};

/** Reflections to questions so far, in words and numbers (MITI 4.2: 1:1 fair, 2:1 good). */
export function ListeningLine({ balance }: { balance: ListeningBalance }) {
  return (
    <p className="listening-balance">
      <strong>Reflections to questions:</strong> {balance.reflections} to {balance.questions} — {RATING_TEXT[balance.rating]}
      <span className="muted"> (MITI 4.2)</span>
    </p>
  );
}

/** A sure label is stated ("owned it"); a doubtful one is asked ("Was that an excuse?"). */
function EvidenceList({ items }: { items: { criterion: string; quotes: string[]; question?: string }[] }) {
  return (
    <ul className="evidence-list">
      {items.map((item) => (
        <li key={item.criterion} className={item.question ? 'doubtful' : undefined}>
          <strong>{item.question ?? criterionLabel(item.criterion)}</strong>
          {item.quotes.length ? `${item.question ? ' ' : ': '}${item.quotes.map((q) => `“${q}”`).join(' · ')}` : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * One entry per criterion the coach saw, with the words that showed it (each quote once), and
 * the question to ask instead of a verdict when the label is doubtful.
 */
export function quotesByCriterion(read: CoachRead): { criterion: string; quotes: string[]; question?: string }[] {
  const byCriterion = new Map<string, string[]>(read.labels.map((label) => [label, []]));
  const spans = read.spans.length ? read.spans : Object.entries(read.evidence).map(([criterion, quote]) => ({ criterion, quote }));
  for (const span of spans) {
    const quotes = byCriterion.get(span.criterion) ?? [];
    if (!quotes.includes(span.quote)) quotes.push(span.quote);
    byCriterion.set(span.criterion, quotes);
  }
  return [...byCriterion].map(([criterion, quotes]) => {
    const question = doubtfulQuestion(criterion, read.scores);
    return question ? { criterion, quotes, question } : { criterion, quotes };
  });
}
