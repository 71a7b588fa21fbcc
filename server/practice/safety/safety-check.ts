/**
 * Spots a person writing about danger to themselves or others — self-harm, suicide, abuse,
 * violence — so that the turn is answered outside the role-play with where to get help, in
 * both engines. The patterns look for the person's own situation in the first person, so
 * that practising a conversation *about* a hard topic does not trip them.
 */
export type SafetyConcern = 'self_harm' | 'abuse' | 'violence';

const PATTERNS: { concern: SafetyConcern; pattern: RegExp }[] = [
  { concern: 'self_harm', pattern: /\b(kill(ing)?|hurt(ing)?|harm(ing)?|cut(ting)?|starv(e|ing)|burn(ing)?)\s+myself\b/i },
  { concern: 'self_harm', pattern: /\b(end(ing)?|tak(e|ing))\s+my\s+(own\s+)?life\b/i },
  {
    concern: 'self_harm',
    pattern: /\bi\s*('m|\s+am)?\s*(want|wanna|going|gonna|planning|thinking about|thought about)\s+(to\s+)?(die|disappear forever|kill myself|end it all)\b/i,
  },
  { concern: 'self_harm', pattern: /\bi\s+want\s+to\s+die\b/i },
  { concern: 'self_harm', pattern: /\bsuicid(e|al)\b/i },
  { concern: 'self_harm', pattern: /\bself[-\s]?harm(ing)?\b/i },
  { concern: 'self_harm', pattern: /\b(no\s+(reason|point)\s+(to|in)\s+(live|living|going on)|better\s+off\s+(dead|without\s+me))\b/i },
  { concern: 'self_harm', pattern: /\boverdos(e|ing)\b/i },
  {
    concern: 'abuse',
    pattern:
      /\b(he|she|they|my\s+(partner|husband|wife|boyfriend|girlfriend|dad|father|mum|mom|mother|parent|stepdad|stepmum|boss))\s+(hits|hit|beats|beat|chokes|choked|strangled|kicks|kicked|slaps|slapped|punched|punches|rapes?|raped|hurts|hurt)\s+me\b/i,
  },
  { concern: 'abuse', pattern: /\b(i\s*('m|\s+am)\s+(scared|afraid|terrified)\s+(of\s+)?(he|she|they)('ll|\s+will)?\s+(hurt|kill)\s+me)\b/i },
  { concern: 'abuse', pattern: /\bi('m|\s+am)\s+being\s+(abused|hit|hurt|beaten)\b/i },
  {
    concern: 'violence',
    pattern: /\bi\s*('m|\s+am)?\s*(want|going|gonna|planning)\s+(to\s+)?(kill|hurt|shoot|stab)\s+(him|her|them|someone|somebody|people)\b/i,
  },
];

export function detectSafetyConcern(text: string): SafetyConcern | undefined {
  return PATTERNS.find(({ pattern }) => pattern.test(text))?.concern;
}

const HELP_BY_REGION = [
  'Emergency services: 112 (EU and most of the world), 911 (US, Canada), 999 (UK), 000 (Australia).',
  'US and Canada: call or text 988 (Suicide & Crisis Lifeline); domestic violence: 1-800-799-7233 or text START to 88788.',
  'UK and Ireland: Samaritans 116 123 (free, any time); UK domestic abuse helpline 0808 2000 247.',
  'Australia: Lifeline 13 11 14; 1800RESPECT (1800 737 732) for family violence.',
  'Anywhere else: findahelpline.com lists free, confidential lines by country.',
];

/** The reply given outside the role-play: plain words, then where to get help. */
export function safetyReply(concern: SafetyConcern): string {
  const opening = {
    self_harm:
      "I'm stepping out of the practice for a moment, because what you just wrote matters more than any rehearsal. If you are thinking about hurting yourself or ending your life, please reach out to someone right now. You don't have to carry this alone.",
    abuse:
      "I'm stepping out of the practice for a moment, because what you wrote sounds like you may not be safe. Being hurt or threatened by someone is never your fault, and you deserve help and safety.",
    violence:
      "I'm stepping out of the practice for a moment, because what you wrote sounds like someone could get hurt. Please step away from the situation and talk to someone who can help right now.",
  }[concern];
  return [
    opening,
    '',
    'If you are in danger right now, call your local emergency number.',
    ...HELP_BY_REGION.map((line) => `- ${line}`),
    '',
    'This practice will still be here whenever you want to come back to it.',
  ].join('\n');
}
