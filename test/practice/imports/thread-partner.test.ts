import { describe, expect, it } from 'vitest';
import { GENERAL_PARTNERS_DIR } from '../../../server/paths.js';
import { loadGeneralPartners, threadPartner } from '../../../server/practice/imports/thread-partner.js';
import { partnerSystemPrompt } from '../../../server/practice/partner/partner-prompt.js';
import { initialPartnerState } from '../../../server/practice/partner/partner-state.js';

describe('the general partner played as the other person of a thread', () => {
  it('takes their name and opens from their last words', async () => {
    const partners = await loadGeneralPartners(GENERAL_PARTNERS_DIR);
    const scenario = threadPartner(partners.apology, { partnerName: 'Maya', theirWords: ['You missed it.', 'So work matters more.'] });
    expect(scenario.partner).toMatchObject({ name: 'Maya', opening: 'So work matters more.' });
    expect(scenario.trust).toEqual(partners.apology.trust);
    const prompt = partnerSystemPrompt(scenario, initialPartnerState(scenario));
    expect(prompt).toContain('You are Maya, the other person in your own conversation');
    expect(prompt).toContain('> You missed it.');
    expect(prompt).toContain('never abusive');
  });

  it('quotes a bounded number of their messages, newest last', async () => {
    const partners = await loadGeneralPartners(GENERAL_PARTNERS_DIR);
    const theirWords = Array.from({ length: 40 }, (_, i) => `message ${i}`);
    const prompt = partnerSystemPrompt(threadPartner(partners.listening, { partnerName: 'Jo', theirWords }), initialPartnerState(partners.listening));
    expect(prompt).toContain('> message 39');
    expect(prompt).not.toContain('> message 27');
  });
});
