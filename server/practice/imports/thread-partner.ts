/**
 * The partner for practice from an imported conversation: the general partner of the kind
 * (scenarios/general/), played as the other person — their name, opening from their last
 * words — and, for the LLM engine, prompted with how they actually wrote in the thread. The
 * arc, the trust model and the safety rules stay the general partner's.
 */
import { loadScenarios } from '../scenarios/scenario-loader.js';
import type { Scenario, ThreadVoice } from '../scenarios/scenario-schema.js';
import { PRACTICE_KINDS, type GeneralPartners } from './thread-read.js';

/** Loads the general partner of each kind from `dir`; a missing or bad file stops the start. */
export async function loadGeneralPartners(dir: string): Promise<GeneralPartners> {
  const { scenarios, problems } = await loadScenarios(dir);
  if (problems.length) throw new Error(`general partners in ${dir} are invalid: ${problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('; ')}`);
  const partners: Partial<GeneralPartners> = {};
  for (const kind of PRACTICE_KINDS) {
    const scenario = scenarios.find((s) => s.kind === kind);
    if (!scenario) throw new Error(`no general ${kind} partner in ${dir}`);
    partners[kind] = scenario;
  }
  return partners as GeneralPartners;
}

/** The general partner played as the other person of a thread, who said `theirWords` (oldest first). */
export function threadPartner(general: Scenario, voice: ThreadVoice): Scenario {
  const last = voice.theirWords.at(-1);
  return {
    ...general,
    partner: { ...general.partner, name: voice.partnerName, ...(last ? { opening: last } : {}) },
    thread: voice,
  };
}

/** How many of their messages the prompt quotes: enough for their voice, a bounded prompt. */
const QUOTED_WORDS = 12;

/**
 * The LLM engine's notes on the real person, from the thread: who they are to the user, their
 * own recent words to write like, and that the history in the conversation is real. Only the
 * words said before the point the person practises from are ever here.
 */
export function threadVoiceNotes(voice: ThreadVoice): string[] {
  const quoted = voice.theirWords.slice(-QUOTED_WORDS).map((words) => `> ${words.replace(/\n+/g, ' / ').slice(0, 300)}`);
  return [
    '## This is a real conversation',
    `The messages before this point are a real conversation between the user and ${voice.partnerName}, pasted by the user so they can try again from here. You are ${voice.partnerName}. Carry on as they would: the same situation, the same feelings, the same way of writing (length, punctuation, emoji, language, how formal).`,
    ...(quoted.length ? ['', `Some of ${voice.partnerName}'s own messages, to write like:`, ...quoted] : []),
  ];
}
