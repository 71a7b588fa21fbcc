import { describe, expect, it } from 'vitest';
import type { Criterion, Kind } from '../../../server/practice/criteria.js';
import { offlineScorer, scoreReply } from '../../../server/practice/scoring/offline-scorer.js';
import weights from '../../../server/practice/scoring/learned/reply-classifier-weights.json' with { type: 'json' };

const labels = (kind: Kind, context: string, reply: string) => scoreReply({ kind, context, reply }).labels;

function expectLabels(kind: Kind, context: string, reply: string, has: Criterion[], hasNot: Criterion[] = []) {
  const got = labels(kind, context, reply);
  for (const c of has) expect(got, `expected ${c} in ${JSON.stringify(reply)}`).toContain(c);
  for (const c of hasNot) expect(got, `did not expect ${c} in ${JSON.stringify(reply)}`).not.toContain(c);
}

describe('offline scorer: moves that build trust', () => {
  it('names the harm and owns it in the first person', () => {
    expectLabels('apology', 'You left me at the bus stop in the rain.', 'I drove off without you and left you standing in the rain. That was my fault.', [
      'acknowledges_harm',
      'takes_responsibility',
    ]);
  });
  it('treats a plain first-person statement of the act as ownership without the word sorry', () => {
    expectLabels(
      'apology',
      'You posted the photo I asked you to delete.',
      "I posted that photo after you asked me not to, and I shouldn't have.",
      ['acknowledges_harm', 'takes_responsibility'],
      ['non_apology'],
    );
  });
  it('validates a feeling as understandable', () => {
    expectLabels('listening', 'I feel so stupid for crying at work.', 'It makes sense that it all spilled over after a week like that.', [
      'validates_feelings',
    ]);
  });
  it('counts a specific repair with a time, not a vague promise', () => {
    expectLabels('apology', 'You never help with the dishes.', "I'll do the dishes every night this week, starting tonight.", ['proposes_action']);
    expectLabels('apology', 'You never help with the dishes.', "I'll do better, I promise.", [], ['proposes_action']);
  });
  it('reads a sincere "what would help?" as both a repair and an open question', () => {
    expectLabels('apology', 'I still feel brushed off.', 'What would help you feel heard by me again?', ['proposes_action', 'asks_open_question']);
  });
  it('recognises a reflection introduced with "so"', () => {
    expectLabels(
      'listening',
      "My landlord won't fix the heating and it's freezing.",
      "So you're stuck in a cold flat and the person who could fix it just won't.",
      ['reflects'],
    );
  });
  it('recognises a reflection without a stock opener', () => {
    expectLabels(
      'listening',
      'I moved here for the job and I still know nobody after six months.',
      'Six months in a new city and still nobody to call on a Friday night.',
      ['reflects'],
    );
  });
  it('asks an open question with what or how', () => {
    expectLabels('listening', 'The interview went badly.', 'How did it feel walking out of there?', ['asks_open_question']);
  });
  it('treats an invitation phrased as a statement as an open question', () => {
    expectLabels('listening', 'I finally told my mum about the divorce.', "I'd really like to hear how she took it.", ['asks_open_question']);
  });
});

describe('offline scorer: red flags', () => {
  it('spots an excuse that pulls focus from the harm', () => {
    expectLabels(
      'apology',
      'You forgot to call the plumber.',
      'Sorry, I was slammed all day and my battery died.',
      ['makes_excuses'],
      ['takes_responsibility'],
    );
  });
  it('spots bare counterfactual blame as blame only', () => {
    expectLabels('apology', 'You missed the train.', "If you'd woken me up on time, we wouldn't have missed it.", ['shifts_blame'], ['makes_excuses']);
  });
  it('spots minimising', () => {
    expectLabels('apology', 'You were an hour late.', "Relax, it was only an hour. It's not a big deal.", ['minimizes']);
  });
  it('spots non-apologies aimed at feelings or hedged with if', () => {
    expectLabels('apology', 'That comment hurt.', "I'm sorry you took it that way.", ['non_apology'], ['takes_responsibility']);
    expectLabels('apology', 'That comment hurt.', 'I apologise if anyone was offended.', ['non_apology']);
  });
  it('spots unsolicited advice', () => {
    expectLabels('listening', "I can't stand my new manager.", 'You should just go over her head to HR.', ['gives_unsolicited_advice']);
  });
  it('spots self-focus that takes over the conversation', () => {
    expectLabels(
      'listening',
      'My cat died this morning.',
      'Ugh, same thing happened to me last spring. I was a wreck for weeks, I could not even go to work.',
      ['self_focus'],
    );
  });
});

describe('offline scorer: hard cases', () => {
  it('reads sarcasm as a non-apology', () => {
    expectLabels('apology', 'You forgot to buy milk again.', "Wow, sorry I'm not perfect.", ['non_apology'], ['takes_responsibility', 'acknowledges_harm']);
  });
  it('reads "have you tried…?" and "why don\'t you just…?" as advice, not open questions', () => {
    expectLabels(
      'listening',
      'I never sleep before 3am.',
      'Have you tried cutting out coffee after lunch?',
      ['gives_unsolicited_advice'],
      ['asks_open_question'],
    );
    expectLabels('listening', 'My brother keeps borrowing my car.', "Why don't you just hide the keys?", ['gives_unsolicited_advice'], ['asks_open_question']);
  });
  it('does not count a yes/no or rhetorical question as open', () => {
    expectLabels('listening', 'I failed the exam.', 'Did you study at all?', [], ['asks_open_question']);
    expectLabels('apology', 'You lied to me.', 'What was I supposed to do, tell you the truth and start a fight?', [], ['asks_open_question']);
  });
  it('treats a conditional apology as a non-apology', () => {
    expectLabels('apology', 'You were rude to my mother.', 'If I was rude, then I apologise.', ['non_apology'], ['takes_responsibility']);
  });
  it('names a harm in the passive as harm plus a non-apology, without ownership', () => {
    expectLabels(
      'draft',
      '',
      'Hi all, mistakes were made and the invoices got sent to the wrong clients.',
      ['acknowledges_harm', 'non_apology'],
      ['takes_responsibility'],
    );
  });
  it('lets a "but" excuse cancel ownership that was only implied', () => {
    expectLabels(
      'apology',
      'You skipped my birthday party.',
      "I'm sorry I skipped your party, but my boss made me stay late.",
      ['acknowledges_harm', 'makes_excuses'],
      ['takes_responsibility'],
    );
  });
  it('keeps explicit ownership before a "but"', () => {
    expectLabels('apology', 'You skipped my birthday party.', "I skipped your party, which was wrong of me, but I'd had the worst week.", [
      'takes_responsibility',
      'makes_excuses',
    ]);
  });
  it('still reads an excuse behind "I\'m not making excuses, but"', () => {
    expectLabels('apology', 'You forgot to pick up the kids.', "I'm not making excuses, but I was exhausted after the night shift.", ['makes_excuses']);
  });
  it('does not read a negated minimiser as minimising', () => {
    expectLabels('apology', "It's just a silly dinner.", "It's not just a dinner. I stood you up and that matters.", ['acknowledges_harm'], ['minimizes']);
  });
  it('copes with lowercase texting, missing apostrophes and emoji', () => {
    expectLabels('apology', 'u ghosted me all weekend', 'ur right, i ignored ur texts all weekend and thats on me 😔 can i call u tonight?', [
      'acknowledges_harm',
      'takes_responsibility',
      'proposes_action',
    ]);
  });
  it('does not call advice the other asked for unsolicited', () => {
    expectLabels(
      'listening',
      'What would you do in my place? I need ideas.',
      "If it were me, I'd ask for a week's extension first.",
      [],
      ['gives_unsolicited_advice'],
    );
  });
  it('lets a brief disclosure that turns back to the other pass', () => {
    expectLabels(
      'listening',
      'The waiting is awful.',
      'I went through something like that last year. What has this week been like for you?',
      ['asks_open_question'],
      ['self_focus'],
    );
  });
  it('labels nothing on a polite non-answer', () => {
    expect(labels('apology', 'Leave me alone.', 'Okay.')).toEqual([]);
  });
});

describe('offline scorer: the Scorer interface', () => {
  it('wraps scoreReply as the async scorer named offline', async () => {
    expect(offlineScorer.name).toBe('offline');
    const outcome = await offlineScorer.score({ kind: 'apology', context: 'You forgot.', reply: 'I forgot. That is my fault.' });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.labels).toContain('takes_responsibility');
  });
  it('quotes the words that show each label, not the whole reply', () => {
    const reply = 'Hey. I missed your recital. That was on me. I will come to every concert this spring.';
    const result = scoreReply({ kind: 'apology', context: 'You missed it.', reply });
    const harm = result.evidence.find((e) => e.criterion === 'acknowledges_harm');
    expect(harm?.quote).toBe('I missed your recital.');
    for (const e of result.evidence) expect(reply.slice(e.start, e.end)).toBe(e.quote);
  });
});

describe('offline scorer: general causes, not stock phrases', () => {
  it('reads blame from the other as agent: counterfactual, contrast and "would of"', () => {
    expectLabels('apology', 'You missed the pickup.', 'if u had told me the time i would of been there', ['shifts_blame']);
    expectLabels('apology', 'You lost my keys.', 'You put them on the wrong hook though.', ['shifts_blame']);
    expectLabels('apology', 'The invoice was wrong.', 'The rates were supplied by your office and we used them as sent.', ['shifts_blame']);
  });
  it('treats clearing the other of fault as validation, not blame or ownership', () => {
    expectLabels(
      'listening',
      'I keep blaming myself for the break-in.',
      'None of this is on you. Someone chose to break in.',
      ['validates_feelings'],
      ['shifts_blame', 'takes_responsibility'],
    );
  });
  it('reads a stated condition or circumstance as an excuse', () => {
    expectLabels('apology', 'You forgot my call.', 'I was shattered after a twelve-hour shift.', ['makes_excuses']);
    expectLabels('apology', 'You never replied.', 'The wifi on the train kept dropping.', ['makes_excuses']);
  });
  it('reads comparison with worse, silver linings and rhetorical doubt as minimising', () => {
    expectLabels('listening', 'My bike was stolen.', "It could've been way worse, honestly.", ['minimizes']);
    expectLabels('listening', 'I got dumped.', "You're better off, he never made you happy.", ['minimizes']);
    expectLabels('listening', 'My teacher humiliated me.', 'Was it really that bad though?', ['minimizes']);
  });
  it("does not call the other's own fears, reported back, minimising", () => {
    expectLabels(
      'listening',
      'Everyone keeps saying I should be glad.',
      "Everyone's telling you it's for the best, and that isn't how it feels.",
      [],
      ['minimizes'],
    );
  });
  it("reads the speaker's parallel story as self-focus unless it turns back", () => {
    expectLabels('listening', 'My cat died.', 'When my cat died I cried for a week. I still miss her.', ['self_focus']);
    expectLabels('listening', 'My cat died.', 'When my cat died I cried for a week. How are you doing with it?', [], ['self_focus']);
  });
  it('reads hedged second-person directives and stepping in as advice', () => {
    expectLabels('listening', 'My landlord ignores me.', 'Perhaps you could consider writing to the council.', ['gives_unsolicited_advice']);
    expectLabels('listening', 'My boss shouted at me.', "I'll have a word with him tomorrow.", ['gives_unsolicited_advice'], ['proposes_action']);
    expectLabels('listening', 'I hate this job.', 'You must be exhausted by it.', [], ['gives_unsolicited_advice']);
  });
  it('keeps the second opinion to feature names and numbers', () => {
    for (const model of Object.values(weights.criteria)) {
      expect(typeof model.threshold).toBe('number');
      for (const [name, w] of Object.entries(model.weights)) {
        expect(name).toMatch(/^(?:bias|w:[a-z0-9'?]+|b:[a-z0-9'?]+_[a-z0-9'?]+|f2?:[a-z_']+|[a-zA-Z]+(?::[a-z_0-9]+)?)$/);
        expect(typeof w).toBe('number');
      }
    }
  });
  it('names the harm when the speaker judges their own act in the same breath', () => {
    expectLabels('apology', 'You embarrassed me.', 'I corrected you in front of the board, and that was unkind of me.', [
      'acknowledges_harm',
      'takes_responsibility',
    ]);
  });
});
