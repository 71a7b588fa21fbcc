/**
 * Progress over time for one kind of exercise: for each session (oldest first), how often
 * each criterion showed in the person's turns — the moves that build trust in one chart,
 * the red flags in another — with a table as the text alternative.
 */
import { useId, useState } from 'react';
import type { ApiProgressPoint, Criterion, Kind } from '../api/types.js';
import { LineChart } from '../components/line-chart.js';
import { criterionLabel, KIND_RUBRIC } from '../criteria-text.js';
import { KIND_ORDER, KIND_TEXT } from '../vocabulary.js';

const percent = (v: number) => `${Math.round(v)}%`;

export function ProgressCharts({ points }: { points: readonly ApiProgressPoint[] }) {
  const kinds = KIND_ORDER.filter((k) => points.some((p) => p.kind === k));
  const [chosen, setChosen] = useState<Kind | null>(null);
  const kind = chosen && kinds.includes(chosen) ? chosen : kinds[0];
  const pickerId = useId();
  if (!kind) return <p>Once you have taken a turn in a session, your progress shows here.</p>;

  const sessions = points.filter((p) => p.kind === kind);
  const xLabels = axisLabels(sessions.map((p) => p.createdAt));
  const rubric = KIND_RUBRIC[kind];
  const seriesOf = (ids: readonly Criterion[]) => ids.map((id) => ({ name: criterionLabel(id), values: sessions.map((p) => (p.criteria[id] ?? 0) * 100) }));

  return (
    <div className="progress">
      {kinds.length > 1 ? (
        <div className="field inline-field">
          <label htmlFor={pickerId}>Exercise</label>
          <select id={pickerId} value={kind} onChange={(e) => setChosen(e.target.value as Kind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_TEXT[k].job}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p className="hint">
        {KIND_TEXT[kind].job}: {sessions.length} session{sessions.length === 1 ? '' : 's'}. Each point is the share of your turns in that session that showed
        the move.
      </p>
      <div className="two-col">
        <LineChart
          title="Moves that build trust, share of turns per session"
          series={seriesOf(rubric.positive)}
          xLabels={xLabels}
          formatY={percent}
          height={200}
        >
          Moves that build trust (higher is better).
        </LineChart>
        <LineChart title="Red flags, share of turns per session" series={seriesOf(rubric.redFlags)} xLabels={xLabels} formatY={percent} height={200}>
          Red flags (lower is better).
        </LineChart>
      </div>
      <details className="table-alt">
        <summary>Show progress as a table</summary>
        <div className="table-scroll">
          <table>
            <caption>Share of your turns showing each move, per session</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Trust reached</th>
                {[...rubric.positive, ...rubric.redFlags].map((id) => (
                  <th key={id} scope="col">
                    {criterionLabel(id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sessions.map((p, i) => (
                <tr key={p.sessionId}>
                  <th scope="row">{xLabels[i]}</th>
                  <td>{Math.round(p.trust)}</td>
                  {[...rubric.positive, ...rubric.redFlags].map((id) => (
                    <td key={id}>{percent((p.criteria[id] ?? 0) * 100)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

export function shortDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** Dates for the x axis; with the time too when two sessions fall on the same day. */
export function axisLabels(isoDates: readonly string[]): string[] {
  const days = isoDates.map(shortDate);
  if (new Set(days).size === days.length) return days;
  return isoDates.map((iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : `${shortDate(iso)} ${d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
  });
}
