import { describe, expect, it } from 'vitest';
import { extractJsonText } from '../../../server/practice/scoring/judge/judge-model.js';
import { locateQuote } from '../../../server/practice/scoring/judge/quote-location.js';

const REPLY = 'I’m sorry.\n\nI  missed your recital — and you sat there looking for me. “That was my fault.”';

function located(quote: string) {
  const span = locateQuote(REPLY, quote);
  if (span) expect(REPLY.slice(span.start, span.end)).toBe(span.quote);
  return span?.quote;
}

describe('locateQuote', () => {
  it('finds an exact quote', () => {
    expect(locateQuote(REPLY, 'I’m sorry.')).toEqual({ start: 0, end: 10, quote: 'I’m sorry.' });
  });

  it('forgives case, whitespace and straightened quotes and dashes, and returns the reply’s own words', () => {
    expect(located("i'm sorry.")).toBe('I’m sorry.');
    expect(located('I missed your recital - and you sat there')).toBe('I  missed your recital — and you sat there');
    expect(located('sorry. I missed')).toBe('sorry.\n\nI  missed');
  });

  it('forgives added quotation marks, edge ellipses and a final full stop', () => {
    expect(located('"That was my fault."')).toBe('That was my fault.');
    expect(located('...looking for me...')).toBe('looking for me');
    expect(located('you sat there looking for me, ')).toBe('you sat there looking for me');
    expect(located('I missed your recital.')).toBe('I  missed your recital');
  });

  it('finds nothing for words the reply does not contain', () => {
    expect(located('I forgot your recital')).toBeUndefined();
    expect(located('')).toBeUndefined();
    expect(located('…')).toBeUndefined();
  });
});

describe('extractJsonText', () => {
  const json = '{"a": {"met": true, "evidence": "x"}}';

  it('leaves bare JSON alone', () => {
    expect(extractJsonText(json)).toBe(json);
    expect(extractJsonText(`  ${json}\n`)).toBe(json);
  });

  it('takes the JSON out of a fence, prose, or a thinking block', () => {
    expect(extractJsonText(`\`\`\`json\n${json}\n\`\`\``)).toBe(json);
    expect(extractJsonText(`\`\`\`\n${json}\n\`\`\``)).toBe(json);
    expect(extractJsonText(`Here you go:\n\`\`\`json\n${json}\n\`\`\`\nAnything else?`)).toBe(json);
    expect(extractJsonText(`Sure! ${json} Done.`)).toBe(json);
    expect(extractJsonText(`<think>maybe {"a": 1}</think>\n${json}`)).toBe(json);
  });

  it('keeps a quote with backticks inside bare JSON intact', () => {
    const withTicks = '{"a": {"met": true, "evidence": "see ```this```"}}';
    expect(extractJsonText(withTicks)).toBe(withTicks);
  });

  it('passes text with no object through for the parser to reject', () => {
    expect(extractJsonText('I cannot label this.')).toBe('I cannot label this.');
  });
});
