/**
 * Shared by the scenario schema and its check-in block: every line a partner can say is checked.
 *
 * The hostility cap: a partner may be angry, never abusive, threatening or demeaning.
 * These patterns catch the obvious ways a line could cross it; reviewers catch the rest.
 */
const HOSTILITY_CAP: RegExp[] = [
  /\b(i'?ll|i will|gonna|going to)\s+(kill|hurt|hit|destroy|end)\s+you\b/i,
  /\byou(?:'re|\s+are)?\s+(?:such\s+an?\s+|an?\s+|so\s+|just\s+)?(stupid|idiot|moron|pathetic|worthless|useless|disgusting|loser)\b/i,
  /\b(stupid|pathetic|worthless|useless)\s+(?:little\s+)?(you|person|idiot)\b/i,
  /\bshut\s+up\b/i,
  /\b(fuck|cunt|bitch|whore|slut|retard)/i,
  /\byou\s+deserve\s+(to\s+)?(die|pain|to suffer)\b/i,
  /\bkill\s+yourself\b/i,
];

export function crossesHostilityCap(line: string): boolean {
  return HOSTILITY_CAP.some((pattern) => pattern.test(line));
}
