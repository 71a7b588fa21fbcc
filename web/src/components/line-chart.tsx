/**
 * A small SVG line chart with no library behind it. Series differ by dash pattern and
 * marker shape as well as colour, each point has a tooltip, and the caller gives a text
 * alternative (a sentence or a table) next to it, since the drawing is hidden from readers.
 */
import type { ReactNode } from 'react';

export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
}

export interface LineChartProps {
  title: string;
  series: readonly ChartSeries[];
  /** One label per x position (turn numbers, dates). */
  xLabels: readonly string[];
  yMax?: number;
  formatY?: (value: number) => string;
  /** A dashed horizontal line, e.g. the trust level at which the conversation resolves. */
  threshold?: { value: number; label: string };
  height?: number;
  /** The text alternative: rendered below the chart for everyone. */
  children?: ReactNode;
}

const STYLES = [
  { className: 'series-0', dash: undefined, marker: 'circle' },
  { className: 'series-1', dash: '6 4', marker: 'square' },
  { className: 'series-2', dash: '2 3', marker: 'triangle' },
  { className: 'series-3', dash: '10 3 2 3', marker: 'diamond' },
] as const;

const W = 560;
const PAD = { top: 14, right: 16, bottom: 30, left: 40 };

export function LineChart({ title, series, xLabels, yMax = 100, formatY = (v) => String(Math.round(v)), threshold, height = 220, children }: LineChartProps) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  const n = Math.max(1, xLabels.length);
  const x = (i: number) => PAD.left + (n === 1 ? innerW / 2 : (i / (n - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (Math.max(0, Math.min(yMax, v)) / yMax) * innerH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const labelEvery = Math.max(1, Math.ceil(n / 8));

  return (
    <figure className="line-chart">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <title>{title}</title>
        {ticks.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {formatY(t)}
            </text>
          </g>
        ))}
        {xLabels.map((label, i) =>
          i % labelEvery === 0 || i === n - 1 ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the x position itself; labels (e.g. dates) can repeat, and the axis is redrawn from props, never reordered.
            <text key={i} className="chart-x" x={x(i)} y={height - 10} textAnchor={n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'}>
              {label}
            </text>
          ) : null,
        )}
        {threshold ? (
          <g className="chart-threshold">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(threshold.value)} y2={y(threshold.value)} />
            <text x={W - PAD.right} y={y(threshold.value) - 4} textAnchor="end">
              {threshold.label}
            </text>
          </g>
        ) : null}
        {series.map((s, si) => {
          const style = STYLES[si % STYLES.length]!;
          const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v), v] as const))).filter((p) => p !== null);
          const d = points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
          return (
            <g key={s.name} className={`chart-series ${style.className}`}>
              <path d={d} fill="none" strokeDasharray={style.dash} />
              {points.map(([px, py, v], i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a point has no identity beyond its position in the series; values can repeat, and the series is redrawn from props, never reordered.
                <Marker key={i} shape={style.marker} x={px} y={py}>
                  <title>{`${s.name}: ${formatY(v)}`}</title>
                </Marker>
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="chart-legend" aria-label="Legend">
          {series.map((s, si) => {
            const style = STYLES[si % STYLES.length]!;
            return (
              <li key={s.name}>
                <svg width="34" height="12" aria-hidden="true" className={`chart-series ${style.className}`}>
                  <line x1="2" x2="32" y1="6" y2="6" strokeDasharray={style.dash} />
                  <Marker shape={style.marker} x={17} y={6} />
                </svg>
                {s.name}
              </li>
            );
          })}
        </ul>
      ) : null}
      {children ? <figcaption>{children}</figcaption> : null}
    </figure>
  );
}

function Marker({ shape, x, y, children }: { shape: (typeof STYLES)[number]['marker']; x: number; y: number; children?: ReactNode }) {
  const r = 4;
  switch (shape) {
    case 'circle':
      return (
        <circle cx={x} cy={y} r={r}>
          {children}
        </circle>
      );
    case 'square':
      return (
        <rect x={x - r} y={y - r} width={r * 2} height={r * 2}>
          {children}
        </rect>
      );
    case 'triangle':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`}>{children}</polygon>;
    case 'diamond':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`}>{children}</polygon>;
  }
}
