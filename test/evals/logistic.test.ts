import { describe, expect, it } from 'vitest';
import { type TrainingExample, trainLogistic } from '../../evals/train/logistic.js';

const base = { l2: 0.003, epochs: 12, learningRate: 0.1, minCount: 1, seed: 7 };
const isWord = (f: string) => f.startsWith('w:');

/**
 * A word ("w:slammed") and a meaning feature ("m:because>SPEAKER") that both mark every positive
 * perfectly: without help the model splits the credit between them, which fails a stranger who
 * gives the same reason in other words.
 */
function twinEvidence(): TrainingExample[] {
  const rows: TrainingExample[] = [];
  for (let i = 0; i < 200; i++) {
    const positive = i % 2 === 0;
    rows.push({ features: ['bias', ...(positive ? ['w:slammed', 'm:because>SPEAKER'] : ['w:fine'])], gold: [positive], source: i % 5 });
  }
  return rows;
}

const weightOf = (model: ReturnType<typeof trainLogistic>, f: string) => model.weights.get(f)![0]!;

describe('logistic trainer', () => {
  it('drops a feature only one writer uses, however often, when minSources asks for two', () => {
    const rows: TrainingExample[] = [
      ...Array.from({ length: 30 }, () => ({ features: ['bias', 'w:innit'], gold: [true], source: 1 })),
      ...Array.from({ length: 30 }, (_, i) => ({ features: ['bias', 'm:passive'], gold: [i % 2 === 0], source: i % 3 })),
    ];
    expect(trainLogistic(rows, 1, base).weights.has('w:innit')).toBe(true);
    const spread = trainLogistic(rows, 1, { ...base, minSources: 2 });
    expect(spread.weights.has('w:innit')).toBe(false);
    expect(spread.weights.has('m:passive')).toBe(true);
  });

  it('leans on the meaning feature rather than the word when words are penalised harder', () => {
    const plain = trainLogistic(twinEvidence(), 1, { ...base, isWord });
    expect(weightOf(plain, 'm:because>SPEAKER')).toBeCloseTo(weightOf(plain, 'w:slammed'), 1);
    const penalised = trainLogistic(twinEvidence(), 1, { ...base, l2: 0.05, isWord, wordL2: 10 });
    expect(weightOf(penalised, 'm:because>SPEAKER')).toBeGreaterThan(2 * weightOf(penalised, 'w:slammed'));
  });

  it('with word dropout, the meaning feature alone still scores a positive as positive', () => {
    const logitWithoutWord = (model: ReturnType<typeof trainLogistic>) => weightOf(model, 'bias') + weightOf(model, 'm:because>SPEAKER');
    const plain = trainLogistic(twinEvidence(), 1, { ...base, isWord });
    const dropped = trainLogistic(twinEvidence(), 1, { ...base, isWord, wordDropout: 0.5 });
    expect(logitWithoutWord(dropped)).toBeGreaterThan(logitWithoutWord(plain));
    expect(logitWithoutWord(dropped)).toBeGreaterThan(0);
  });
});
