import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../server/practice/criteria.js';
import { esconvItems, measureEsconv, type ReadLabels } from '../../evals/public/esconv.js';

// Lines in ESConv's shape (weight, speaker 0 seeker / 1 supporter, turn number, text; turns
// joined by " EOS "), written here: no text of the dataset is in the repository.
const line = (...turns: [0 | 1, string][]) => turns.map(([speaker, text], n) => `1.0 ${speaker} ${n} ${text}`).join(' EOS ');

const TSV = [
  line(
    [0, 'My landlord is selling the flat and I have a month to leave.'],
    [1, '[Restatement or Paraphrasing] So the place is being sold out from under you.'],
  ),
  line(
    [0, 'My landlord is selling the flat.'],
    [1, '[Questions] How long have you lived there?'],
    [0, 'Nine years. I have no idea where to go.'],
    [1, '[Providing Suggestions] You could ask the council about housing lists.'],
  ),
  line([0, 'What should I do about the deposit?'], [1, '[Providing Suggestions] Photograph every room before you hand the keys back.']),
  line([0, 'I feel so unsettled.'], [1, '[Reflection of feelings] Of course you feel unsettled, it is your home.']),
  line([0, 'Nine years there.'], [1, '[Information] Tenants often get two months notice by law.']),
  '',
].join('\n');

describe('ESConv', () => {
  it('reads one supporter turn a line, with the seeker turn before it as context', () => {
    const items = esconvItems(TSV);
    expect(items.map((i) => i.strategy)).toEqual([
      'Restatement or Paraphrasing',
      'Providing Suggestions',
      'Providing Suggestions',
      'Reflection of feelings',
      'Information',
    ]);
    expect(items[1]).toEqual({
      context: 'Nine years. I have no idea where to go.',
      text: 'You could ask the council about housing lists.',
      strategy: 'Providing Suggestions',
    });
  });

  it('names the line of a turn it cannot read', () => {
    expect(() => esconvItems(`${line([0, 'Hi'], [1, '[Questions] How are you?'])}\n1.0 1 [Questions] no turn number`)).toThrow(/ESConv line 2/);
    expect(() => esconvItems(line([0, 'Hi'], [1, '[Shrugging] Oh well.']))).toThrow(/line 1: .*no known \[strategy\]/);
    expect(() => esconvItems(line([1, '[Questions] Hi?'], [0, 'Hello']))).toThrow(/line 1: does not end with a supporter turn/);
  });

  it('leaves out advice the seeker asked for, and the strategies too close to call', () => {
    // A reader that calls every reply advice: the asked-for suggestion and the [Information]
    // turn must not count, so precision is 1 of the 3 turns left, recall 1 of 1.
    const advice: ReadLabels = () => ['gives_unsolicited_advice'] as Criterion[];
    const result = measureEsconv(TSV, 'dev', undefined, advice);
    const m = result.criteria.gives_unsolicited_advice!.metrics;
    expect([m.support, m.precision, m.recall]).toEqual([1, 1 / 3, 1]);
    // Reflection of feelings is left out of reflects, so a reader finding reflections everywhere
    // has three negatives against it, not four.
    const reflects = measureEsconv(TSV, 'dev', undefined, () => ['reflects'] as Criterion[]).criteria.reflects!.metrics;
    expect([reflects.support, reflects.precision]).toEqual([1, 1 / 4]);
  });
});
