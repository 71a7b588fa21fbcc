/**
 * Finds a model's quote in the reply, so the judge's evidence becomes the same offsets the
 * offline scorer gives (`reply.slice(start, end) === quote`). Models copy loosely: they
 * change case, collapse line breaks, straighten curly quotes, add a final full stop or wrap
 * the quote in quotation marks. Each of those is forgiven; anything else is not found.
 */

interface LocatedQuote {
  start: number;
  end: number;
  /** The reply's own words at those offsets, which may differ from the model's copy. */
  quote: string;
}

/** Folds typographic variants to what a model tends to type. */
const VARIANTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2026': '...',
  '\u2014': '-',
  '\u2013': '-',
};

interface FoldedText {
  text: string;
  /** For each unit of `text`, where its source character starts and ends in the original. */
  from: number[];
  to: number[];
}

/** Lower case, one space for any run of whitespace, typographic variants folded. */
function fold(raw: string): FoldedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let inSpace = false;
  for (let i = 0; i < raw.length; ) {
    const char = String.fromCodePoint(raw.codePointAt(i)!);
    const next = i + char.length;
    if (/\s/u.test(char)) {
      if (!inSpace) {
        text += ' ';
        from.push(i);
        to.push(next);
      }
      inSpace = true;
    } else {
      const folded = (VARIANTS[char] ?? char).toLowerCase();
      text += folded;
      for (let k = 0; k < folded.length; k++) {
        from.push(i);
        to.push(next);
      }
      inSpace = false;
    }
    i = next;
  }
  return { text, from, to };
}

const WRAPPING_MARKS = /^["'\u201C\u2018\s]+|["'\u201D\u2019\s]+$/g;
const EDGE_ELLIPSIS = /^(?:\.\.\.|\u2026)\s*|\s*(?:\.\.\.|\u2026)$/g;
const TRAILING_PUNCTUATION = /[.,!?;:]+$/;

function findFolded(reply: string, quote: string): LocatedQuote | undefined {
  const haystack = fold(reply);
  const needle = fold(quote).text.trim();
  if (needle === '') return undefined;
  const at = haystack.text.indexOf(needle);
  if (at < 0) return undefined;
  const start = haystack.from[at]!;
  const end = haystack.to[at + needle.length - 1]!;
  return { start, end, quote: reply.slice(start, end) };
}

/** The first place the quote occurs in the reply: exactly, then loosely; undefined if nowhere. */
export function locateQuote(reply: string, quote: string): LocatedQuote | undefined {
  const exact = quote === '' ? -1 : reply.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length, quote };
  const cleaned = quote.replace(WRAPPING_MARKS, '').replace(EDGE_ELLIPSIS, '').trim();
  if (cleaned === '') return undefined;
  return findFolded(reply, cleaned) ?? findFolded(reply, cleaned.replace(TRAILING_PUNCTUATION, ''));
}
