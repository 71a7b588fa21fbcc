import { describe, expect, it } from 'vitest';
import { meaningFeatures } from '../../../server/practice/scoring/learned/meaning-features.js';
import { contentStems } from '../../../server/practice/scoring/rules/index.js';

function features(reply: string, context?: string, kind = 'apology'): Set<string> {
  const out: string[] = [];
  meaningFeatures(reply, context === undefined ? undefined : contentStems(context.toLowerCase()), kind, out);
  return new Set(out);
}

describe('meaning features', () => {
  it('name who did it: a named third party, a thing, the listener, the speaker', () => {
    expect(features('Dev kept egging the joke on').has('m:subj:NAMED')).toBe(true);
    expect(features('The shared drive ate the file.').has('m:subj:THING')).toBe(true);
    expect(features('You never told me about the dinner.').has('m:subj:LISTENER+neg')).toBe(true);
    expect(features('I forgot your birthday.').has('m:subj:SPEAKER+past')).toBe(true);
    // A person noun is a third party, not a thing.
    expect(features('My boss kept me late.').has('m:subj:THIRD')).toBe(true);
  });

  it('see harm told without an agent', () => {
    expect(features('Mistakes were made on both sides.').has('m:passive')).toBe(true);
    expect(features('Mistakes were made on both sides.').has('m:both_sides')).toBe(true);
    expect(features('The report was sent by me.').has('m:passive')).toBe(false);
  });

  it('tell a conditional apology, an apology for their feelings, and an owned one apart', () => {
    expect(features("I'm sorry if that landed badly.").has('m:sorry_if')).toBe(true);
    expect(features("I'm sorry you feel that way.").has('m:sorry_you')).toBe(true);
    expect(features("I'm sorry I said it.").has('m:sorry_i')).toBe(true);
    expect(features('Sorry things got heated.').has('m:sorry_agentless')).toBe(true);
  });

  it('find causes and counterfactuals that excuse or blame', () => {
    expect(features('What with the move and the new job, it just slipped.').has('m:what_with')).toBe(true);
    expect(features("If you had reminded me, I'd have been there.").has('m:counterfactual')).toBe(true);
    expect(features('Anyone would have clipped it.').has('m:anyone_would')).toBe(true);
  });

  it('find directives to the listener, at a sentence start or after a softener mid-sentence', () => {
    expect(features('Next time just walk away and breathe.', undefined, 'listening').has('m:imperative')).toBe(true);
    const dressed = features('That makes sense — maybe just leave the letters in a box for now.', undefined, 'listening');
    expect(dressed.has('m:imperative@clause')).toBe(true);
    expect(dressed.has('m:imperative+maybe')).toBe(true);
    expect(features('You should call her tonight.', undefined, 'listening').has('m:you_directive')).toBe(true);
    expect(features('You must be exhausted.', undefined, 'listening').has('m:imperative')).toBe(false);
  });

  it('find an act put to the listener through a modal, but not blame, an offer or a description', () => {
    const suggests = (reply: string) => [...features(reply, undefined, 'listening')].filter((f) => /^m:suggest(?:_q)?$/.test(f));
    expect(suggests('Perhaps once you get there you could seek out a climbing group.')).toEqual(['m:suggest']);
    expect(suggests('Could you meet them somewhere outside?')).toEqual(['m:suggest_q']);
    expect(suggests('You could have told me.')).toEqual([]);
    expect(suggests('You can tell me anything.')).toEqual([]);
    expect(suggests('You can always talk to me about it.')).toEqual([]);
    expect(suggests('You might feel tired for a while.')).toEqual([]);
    expect(suggests("You couldn't have known.")).toEqual([]);
  });

  it('measure how much of the partner’s line a reply restates', () => {
    const context = "It's not that she spent the money. Everyone knew before me, I found out from my cousin.";
    const restated = features("So it isn't the money, it's that you found out from someone else.", context, 'listening');
    const unrelated = features('What would you like to do this weekend?', context, 'listening');
    expect(restated.has('m:overlap_you')).toBe(true);
    expect([...restated].some((f) => /^m:overlap:[2-4]$/.test(f))).toBe(true);
    expect(unrelated.has('m:overlap:0')).toBe(true);
    expect(features('Okay.').has('m:no_context')).toBe(true);
  });

  it('find the sentence that restates the partner inside a longer reply, and whom it is about', () => {
    const context = 'I sat in the car park for an hour after the review. I could not face going home.';
    const owned = features('I am so sorry. You sat in the car for an hour because you could not face home.', context, 'listening');
    expect([...owned].some((f) => f.startsWith('m:restating:') && f.endsWith('_LISTENER'))).toBe(true);
    expect(owned.has('m:restating_in_longer:LISTENER')).toBe(true);
    // A reply about the speaker's own day shares no content with the line: no restating sentence.
    const elsewhere = features('I had a rotten week too. My manager was awful.', context, 'listening');
    expect([...elsewhere].some((f) => f.startsWith('m:restating'))).toBe(false);
  });

  it('cross each feature with the kind, since a "you should" means one thing when listening and another in a repair', () => {
    expect(features('You should call her.', undefined, 'listening').has('m:you_directive&listening')).toBe(true);
    expect(features('You should call her.', undefined, 'apology').has('m:you_directive&apology')).toBe(true);
  });
});

describe('meaning features of a denied minimiser', () => {
  it('mark "not just" as a minimiser denied, and a bare "just" not', () => {
    expect(features("It's not just a dinner. I stood you up.").has('m:minimiser_denied')).toBe(true);
    expect(features("It's just a dinner.").has('m:minimiser_denied')).toBe(false);
  });
});
