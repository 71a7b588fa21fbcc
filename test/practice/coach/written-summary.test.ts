import { beforeAll, describe, expect, it } from 'vitest';
import { reviewSummary } from '../../../server/practice/coach/written-summary.js';
import { loadScenarios } from '../../../server/practice/scenarios/scenario-loader.js';
import type { Scenario } from '../../../server/practice/scenarios/scenario-schema.js';
import { FIXTURE_SCENARIOS } from '../../support/fixtures.js';

let nadia: Scenario;
beforeAll(async () => {
  const { scenarios } = await loadScenarios(FIXTURE_SCENARIOS);
  nadia = scenarios.find((s) => s.id === 'caring-for-dad')!;
});

/** What Nadia said in the conversation the summaries below are of. */
const said = () => [
  nadia.partner.opening,
  "Yes. That's it. I'm there every single day and I'm the one he can't see.",
  "Thank you. Everyone keeps telling me I'm a saint. I'm not a saint. I'm knackered.",
  'Honestly? Every day I lose a bit more of him and a bit more of me, and nobody asks what I am carrying.',
];

describe('reviewSummary', () => {
  it('finds the needs a faithful summary captures and the one it misses', () => {
    const review = reviewSummary(
      nadia,
      said(),
      "So what I took from tonight is that your dad called you 'nurse' and asked when his daughter was coming, while you stood right there. You're not a saint, you're knackered, and that makes sense.",
    );
    expect(review).toEqual({ covered: ['say-back-tonight', 'exhaustion-is-real'], missed: ['ask-how-she-is'], notSaid: [], score: 67 });
  });

  it('captures every need, in other words than the cues', () => {
    const review = reviewSummary(
      nadia,
      said(),
      "What I heard: he didn't know you tonight and asked for his daughter. Of course you're exhausted and angry. And it's you carrying all of it, every day.",
    );
    expect(review.covered).toEqual(['say-back-tonight', 'exhaustion-is-real', 'ask-how-she-is']);
    expect(review.notSaid).toEqual([]);
    expect(review.score).toBe(100);
  });

  it('quotes claims the partner never made: advice she did not ask for, a story she did not tell, a number she did not say', () => {
    const review = reviewSummary(
      nadia,
      said(),
      'He called you nurse four times. So your brother should come back from Dubai and you should get respite care. It sounds like the care agency let you down again.',
    );
    expect(review.notSaid).toEqual([
      'He called you nurse four times.',
      'So your brother should come back from Dubai and you should get respite care.',
      'It sounds like the care agency let you down again.',
    ]);
    expect(review.covered).toEqual(['say-back-tonight']);
    expect(review.score).toBe(0);
  });

  it('does not count the summary’s own framing or validation as a claim', () => {
    const review = reviewSummary(nadia, said(), 'It sounds like you are knackered, and honestly that makes total sense to me.');
    expect(review.notSaid).toEqual([]);
  });
});
