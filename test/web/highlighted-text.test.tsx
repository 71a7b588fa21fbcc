// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightedText, placeSpans } from '../../web/src/components/highlighted-text.js';

afterEach(cleanup);

const text = "I scraped your van and I didn't tell you. I was slammed at work, though.";
const spans = [
  { criterion: 'acknowledges_harm', start: 0, end: 41, quote: "I scraped your van and I didn't tell you." },
  { criterion: 'takes_responsibility', start: 0, end: 41, quote: "I scraped your van and I didn't tell you." },
  { criterion: 'makes_excuses', start: 42, end: 71, quote: 'I was slammed at work, though' },
];

describe('HighlightedText', () => {
  it('marks the quoted words and names each criterion in words after them', () => {
    const { container } = render(<HighlightedText text={text} spans={spans} />);
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(["I scraped your van and I didn't tell you.", 'I was slammed at work, though']);
    expect(marks[0]!.getAttribute('data-criteria')).toBe('acknowledges_harm takes_responsibility');
    expect(marks[0]!.className).toBe('mark-good');
    expect(marks[1]!.className).toBe('mark-flag');
    const tags = [...container.querySelectorAll('.mark-tag')].map((t) => t.textContent);
    expect(tags).toEqual(['✓ named the harm', '✓ owned it', '⚠ made an excuse']);
    // Nothing is lost or reordered: the visible text is the turn plus the tags.
    expect(container.textContent).toBe(`I scraped your van and I didn't tell you.✓ named the harm✓ owned it I was slammed at work, though⚠ made an excuse.`);
  });

  it('splits overlapping spans and marks the overlap as mixed', () => {
    const { container } = render(
      <HighlightedText
        text="Sorry if you were upset, it was nothing."
        spans={[
          { criterion: 'non_apology', start: 0, end: 23 },
          { criterion: 'validates_feelings', start: 13, end: 23 },
        ]}
      />,
    );
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => [m.textContent, m.className])).toEqual([
      ['Sorry if you ', 'mark-flag'],
      ['were upset', 'mark-mixed'],
    ]);
  });

  it('finds a quote whose offsets are wrong, and drops one that is not in the text', () => {
    const placed = placeSpans('Hello. I hear you.', [
      { criterion: 'reflects', start: 0, end: 3, quote: 'I hear you.' },
      { criterion: 'minimizes', start: 0, end: 5, quote: 'not there' },
      { criterion: 'reflects', start: 4, end: 99 },
    ]);
    expect(placed).toEqual([{ criterion: 'reflects', start: 7, end: 18 }]);
  });

  it('shows plain text when there is nothing to mark', () => {
    const { container } = render(<HighlightedText text="Just words." spans={[]} />);
    expect(container.querySelector('mark')).toBeNull();
    expect(container.textContent).toBe('Just words.');
  });
});
