import { describe, expect, it } from 'vitest';
import { analyse, normalise, stripLead } from '../../../server/practice/scoring/rules/text-analysis.js';

describe('text analysis', () => {
  it('expands texting spellings while mapping every character back to the raw text', () => {
    const raw = 'Im sorry u had to wait, ur right';
    const { norm, rawIndex } = normalise(raw);
    expect(norm).toBe("i'm sorry you had to wait, you're right");
    expect(rawIndex).toHaveLength(norm.length + 1);
    expect(raw[rawIndex[norm.indexOf('sorry')]!]).toBe('s');
  });
  it('splits sentences on punctuation but not on titles', () => {
    const { sentences } = analyse('Dear Mr. Okafor, I was wrong. Can we talk? Thanks!');
    expect(sentences.map((s) => s.text)).toEqual(['dear mr. okafor, i was wrong.', 'can we talk?', 'thanks!']);
    expect(sentences[1]!.isQuestion).toBe(true);
  });
  it('drops spoken fillers from the front of a sentence', () => {
    expect(stripLead('okay. um, so you feel stuck')).toBe('you feel stuck');
  });
});

describe('words that are also names of object properties', () => {
  it('leaves such words as they are, with one offset per character', () => {
    for (const word of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const { norm, rawIndex } = normalise(`The ${word} was late`);
      expect(norm).toBe(`the ${word.toLowerCase()} was late`);
      expect(rawIndex).toHaveLength(norm.length + 1); // one per character, plus the end
    }
  });

  it('keeps offsets and labels right for "constructor", "toString" and "__proto__"', async () => {
    const { scoreReply } = await import('../../../server/practice/scoring/offline-scorer.js');
    for (const word of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      const reply = `The ${word} was late and I forgot to tell you. That was my fault.`;
      const result = scoreReply({ kind: 'apology', context: '', reply });
      expect(result.labels).toContain('takes_responsibility');
      for (const span of result.evidence) expect(reply.slice(span.start, span.end)).toBe(span.quote);
    }
  });
});
