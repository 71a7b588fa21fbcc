/**
 * Every rule group run over one reply, and how their findings interact (a deflection cancels
 * ownership that was only implied, a "what would help?" is also an open question). The learned
 * layer reads these findings as features; `offline-scorer.ts` turns them into labels.
 */
import type { Criterion } from '../../criteria.js';
import type { ReplyToScore } from '../scorer.js';
import { contextAsksForAdvice, findAdvice } from './advice-rules.js';
import { findBlame, findExcuses, findMinimizing } from './deflection-rules.js';
import { sentenceIndex, sentencesOf, type Hit } from './evidence.js';
import { findOpenQuestions, findReflections, findValidation } from './listening-rules.js';
import { findFirstPersonActs, findNamedHarm, findNonApologies, findOwnershipPhrases, findSorryForAct } from './ownership-rules.js';
import { asksWhatWouldHelp, findRepairs } from './repair-rules.js';
import type { RuleInput } from './rule-input.js';
import { findSelfFocus } from './self-focus-rules.js';
import { analyse, contentStems, type AnalysedText } from './text-analysis.js';

export interface RuleFindings {
  reply: AnalysedText;
  rules: RuleInput;
  found: Record<Criterion, Hit[]>;
  /**
   * The finer findings behind the labels, before their interactions are resolved (e.g. an
   * excuse in listening that was dropped, ownership implied by "I did X" that a deflection
   * cancelled): hit counts by name, read by the label model as features.
   */
  signals: Record<string, number>;
}

/** The rules alone, before the learned layer (also the learned layer's input). */
export function findByRules(input: ReplyToScore): RuleFindings {
  const reply = analyse(input.reply);
  const context = analyse(input.context ?? '');
  const rules: RuleInput = {
    kind: input.kind,
    reply,
    context,
    contextStems: contentStems(context.norm),
    adviceRequested: contextAsksForAdvice(context.norm),
  };

  const nonApology = findNonApologies(rules);
  const nonApologySentences = sentencesOf(reply, nonApology);
  // In listening the speaker's own stress is a story, not an excuse for a harm — unless they apologise.
  const allExcuses = findExcuses(rules);
  const excuses = rules.kind !== 'listening' || /\bsorry\b/.test(reply.norm) ? allExcuses : [];
  const blame = findBlame(rules);
  const minimizes = findMinimizing(rules);
  const advice = findAdvice(rules);
  const selfFocus = findSelfFocus(rules);

  const acts = findFirstPersonActs(rules).filter((h) => !nonApologySentences.has(sentenceIndex(reply, h)));
  const sorryActs = findSorryForAct(rules).filter((h) => !nonApologySentences.has(sentenceIndex(reply, h)));
  const namedHarm = findNamedHarm(rules);
  const ownership = findOwnershipPhrases(rules).filter((h) => !nonApologySentences.has(sentenceIndex(reply, h)));

  // Rule 3: ownership implied by "I did X" / "sorry I did X" is cancelled by a deflection;
  // an explicit ownership phrase ("which I shouldn't have done, but…") is not.
  const deflected = excuses.length > 0 || blame.length > 0 || minimizes.length > 0 || (rules.kind !== 'listening' && advice.length > 0);
  const impliedOwnership = deflected ? [] : [...acts, ...sorryActs].map((h) => ({ ...h, criterion: 'takes_responsibility' as const }));
  const responsibility = [...ownership, ...impliedOwnership];

  const repairs = findRepairs(rules);
  const openQuestions = findOpenQuestions(rules);
  // Rule 5: a sincere "what would help?" is an open question too.
  for (const s of reply.sentences) {
    if ((s.isQuestion || /\b(?:tell|let) me\b/.test(s.text)) && asksWhatWouldHelp(s.text) && !openQuestions.some((h) => h.start === s.start)) {
      openQuestions.push({ criterion: 'asks_open_question', start: s.start, end: s.end });
    }
  }

  const redFlagSentences = sentencesOf(reply, [...excuses, ...blame, ...minimizes, ...advice, ...nonApology]);
  const reflections = findReflections(rules, redFlagSentences);
  const validation = findValidation(rules).filter((h) => !nonApologySentences.has(sentenceIndex(reply, h)));

  const signals: Record<string, number> = {
    act: acts.length,
    sorryAct: sorryActs.length,
    namedHarm: namedHarm.length,
    ownershipPhrase: ownership.length,
    impliedOwnership: impliedOwnership.length,
    cancelledOwnership: deflected ? acts.length + sorryActs.length : 0,
    excuseAny: allExcuses.length,
    deflected: deflected ? 1 : 0,
    nonApologySentence: nonApologySentences.size,
    redFlagSentence: redFlagSentences.size,
  };
  const found: Record<Criterion, Hit[]> = {
    acknowledges_harm: [...acts, ...sorryActs, ...namedHarm],
    takes_responsibility: responsibility,
    validates_feelings: validation,
    proposes_action: repairs,
    reflects: reflections,
    asks_open_question: openQuestions,
    makes_excuses: excuses,
    shifts_blame: blame,
    minimizes,
    non_apology: nonApology,
    gives_unsolicited_advice: advice,
    self_focus: selfFocus,
  };
  return { reply, rules, found, signals };
}
