import { describe, expect, it } from 'vitest';
import { GENERAL_PARTNERS_DIR } from '../../../server/paths.js';
import { loadGeneralPartners } from '../../../server/practice/imports/thread-partner.js';
import type { LabelledTurn } from '../../../server/practice/partner/partner-state.js';
import { scoreReply } from '../../../server/practice/scoring/offline-scorer.js';
import { readPastTurns, takeTurn } from '../../../server/practice/turn/take-turn.js';

const PAST = [
  { context: "You didn't come to my recital.", text: 'I was really busy at work, you know how it is' },
  { context: 'So work matters more.', text: "Sorry if you feel that way. It's not a big deal" },
  { context: 'It was a big deal to me.', text: "You're right. I'm sorry I missed it. It was my fault, I promised and I broke it." },
  { context: 'thank you for saying that', text: "Next time I'll block the evening in my calendar the day you tell me." },
];

describe('readPastTurns', () => {
  it('reads a past conversation exactly as taking its turns one by one would', async () => {
    const { apology } = await loadGeneralPartners(GENERAL_PARTNERS_DIR);
    const history: LabelledTurn[] = [];
    const oneByOne = PAST.map(({ context, text }) => {
      const taken = takeTurn({ scenario: apology, history, context, text, label: scoreReply });
      history.push(taken.turn);
      return { turn: taken.turn, read: taken.read, state: taken.state };
    });
    expect(readPastTurns(apology, PAST, scoreReply)).toEqual(oneByOne);
  });
});
