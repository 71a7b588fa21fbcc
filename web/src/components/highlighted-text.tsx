/**
 * Text with the words that showed a criterion marked. Each mark is followed by the
 * criterion's name in words (✓ for a move that builds trust, ⚠ for a red flag), so colour
 * is never the only carrier. The text is always rendered as text, never as HTML.
 */
import { Fragment, type ReactNode } from 'react';
import { criterionLabel, isFlag } from '../criteria-text.js';

export interface HighlightSpan {
  criterion: string;
  start: number;
  end: number;
  quote?: string;
}

interface Placed {
  criterion: string;
  start: number;
  end: number;
}

/**
 * Puts each span where its quote is. Offsets are trusted when they match the quote; when
 * they do not (the text was trimmed, or a scorer counted differently) the quote is looked
 * up instead, and a span that cannot be placed is dropped rather than marking wrong words.
 */
export function placeSpans(text: string, spans: readonly HighlightSpan[]): Placed[] {
  const placed: Placed[] = [];
  for (const span of spans) {
    let { start, end } = span;
    const fits = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end;
    if (span.quote !== undefined && (!fits || text.slice(start, end) !== span.quote)) {
      const at = span.quote ? text.indexOf(span.quote) : -1;
      if (at < 0) continue;
      start = at;
      end = at + span.quote.length;
    } else if (!fits) continue;
    placed.push({ criterion: span.criterion, start, end });
  }
  return placed;
}

export function markTag(criterion: string): string {
  return `${isFlag(criterion) ? '⚠' : '✓'} ${criterionLabel(criterion)}`;
}

export function HighlightedText({ text, spans, showLabels = true }: { text: string; spans: readonly HighlightSpan[]; showLabels?: boolean }) {
  const placed = placeSpans(text, spans);
  if (placed.length === 0) return <span className="highlighted-text">{text}</span>;

  const cuts = [...new Set([0, text.length, ...placed.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: ReactNode[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const piece = text.slice(a, b);
    const covering = placed.filter((s) => s.start <= a && s.end >= b);
    if (covering.length === 0) {
      out.push(<Fragment key={i}>{piece}</Fragment>);
      continue;
    }
    const flags = covering.filter((s) => isFlag(s.criterion)).length;
    const tone = flags === 0 ? 'mark-good' : flags === covering.length ? 'mark-flag' : 'mark-mixed';
    const names = [...new Set(covering.map((s) => criterionLabel(s.criterion)))].join(', ');
    out.push(
      <mark key={i} className={tone} data-criteria={[...new Set(covering.map((s) => s.criterion))].join(' ')} title={names}>
        {piece}
      </mark>,
    );
    const ending = [...new Set(placed.filter((s) => s.end === b && s.start < b).map((s) => s.criterion))];
    if (showLabels && ending.length > 0) {
      out.push(
        <small key={`t${i}`} className="mark-tags">
          {ending.map((criterion) => (
            <span key={criterion} className={isFlag(criterion) ? 'mark-tag tag-flag' : 'mark-tag tag-good'}>
              {markTag(criterion)}
            </span>
          ))}
        </small>,
      );
    }
  }
  return <span className="highlighted-text">{out}</span>;
}
