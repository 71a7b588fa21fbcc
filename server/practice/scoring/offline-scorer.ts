/**
 * The offline scorer: labels a reply with the twelve criteria from rules that mirror the
 * labelling rules in RUBRIC-CRITERIA.md, with no model and no network. Each rule group finds
 * sentences; this module resolves how the findings interact (a deflection cancels ownership
 * that was only implied, a "what would help?" is also an open question) and quotes the words
 * that show every label.
 */
import { CRITERIA, type Criterion } from '../criteria.js';
import { findAdvice, contextAsksForAdvice } from './advice-rules.js';
import { findBlame, findExcuses, findMinimizing } from './deflection-rules.js';
import { sentenceHit, toEvidence, type Hit } from './evidence.js';
import { findOpenQuestions, findReflections, findValidation } from './listening-rules.js';
import { findFirstPersonActs, findNamedHarm, findNonApologies, findOwnershipPhrases, findSorryForAct } from './ownership-rules.js';
import { asksWhatWouldHelp, findRepairs } from './repair-rules.js';
import type { RuleInput } from './rule-input.js';
import { sureScores, type ReplyToScore, type ScoreResult, type Scorer, type ScorerOutcome } from './scorer.js';
import { findSelfFocus } from './self-focus-rules.js';
import { CLASSIFIED, hasModel, passes, probability, strongestSentence as strongestClassifiedSentence } from './reply-classifier.js';
import { decideLabels, hasLabelModel, replyLogits, strongestSentences } from './label-model.js';
import { replyFeatures } from './reply-features.js';
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

export function scoreReply(input: ReplyToScore): ScoreResult {
  const findings = findByRules(input);
  if (!hasLabelModel()) return scoreFromRules(findings);
  const logits = replyLogits(findings, input.kind === 'listening' ? reflectsProbability(findings) : undefined);
  const ruleHit = CRITERIA.map((c) => findings.found[c].length > 0);
  const verdict = decideLabels(logits, ruleHit);
  const scores = Object.fromEntries(CRITERIA.map((c, i) => [c, 1 / (1 + Math.exp(-logits[i]!))])) as Record<Criterion, number>;
  const { reply, found } = findings;
  const labelled = {} as Record<Criterion, Hit[]>;
  let strongest: number[] | undefined;
  CRITERIA.forEach((c, i) => {
    if (!verdict[i]) labelled[c] = [];
    // The rule's own words when it found some; else the sentence that weighs most for the label.
    else if (found[c].length > 0) labelled[c] = found[c];
    else if (reply.sentences.length === 0) labelled[c] = [{ criterion: c, start: 0, end: reply.norm.length }];
    else labelled[c] = [sentenceHit(c, reply.sentences[(strongest ??= strongestSentences(reply.sentences))[i]!]!)];
  });
  return { ...toResult(reply, labelled), scores };
}

/** The rules and the listening second opinion alone, as the scorer was before the label model. */
export function scoreByRules(input: ReplyToScore): ScoreResult {
  return scoreFromRules(findByRules(input));
}

function scoreFromRules(findings: RuleFindings): ScoreResult {
  if (findings.rules.kind === 'listening') addSecondOpinions(findings);
  return toResult(findings.reply, findings.found);
}

/**
 * The listening `reflects` classifier's probability, read by the label model as a feature; like
 * the second opinion it replaces, consulted only where the rules found no reflection.
 */
export function reflectsProbability({ reply, rules, found }: RuleFindings): number | undefined {
  if (!hasModel('reflects') || reply.sentences.length === 0 || found.reflects.length > 0) return undefined;
  const ruleLabels = CRITERIA.filter((c) => found[c].length > 0);
  return probability('reflects', replyFeatures(reply, rules.contextStems, contentStems(reply.norm), ruleLabels));
}

/**
 * Listening only: where the rules found no reflection, ask the trained model
 * (`reply-classifier.ts`). Its features include the rule labels already found.
 */
function addSecondOpinions({ reply, rules, found }: RuleFindings): void {
  const silent = CLASSIFIED.filter((c) => found[c].length === 0 && hasModel(c));
  if (silent.length === 0 || reply.sentences.length === 0) return;
  const ruleLabels = CRITERIA.filter((c) => found[c].length > 0);
  const features = replyFeatures(reply, rules.contextStems, contentStems(reply.norm), ruleLabels);
  for (const c of silent) {
    if (!passes(c, features)) continue;
    const s = reply.sentences[strongestClassifiedSentence(c, reply.sentences)]!;
    found[c].push({ criterion: c, start: s.start, end: s.end });
  }
}

/** The rules alone: what `scoreReply` returns before the second opinion (also the classifier's input). */
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
  const excuses = allExcuses.filter((h) => rules.kind !== 'listening' || /\bsorry\b/.test(reply.norm));
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
    act: acts.length, sorryAct: sorryActs.length, namedHarm: namedHarm.length, ownershipPhrase: ownership.length,
    impliedOwnership: impliedOwnership.length, cancelledOwnership: deflected ? acts.length + sorryActs.length : 0,
    excuseAny: allExcuses.length, deflected: deflected ? 1 : 0, nonApologySentence: nonApologySentences.size,
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

function toResult(reply: AnalysedText, found: Record<Criterion, Hit[]>): ScoreResult {
  const labels: Criterion[] = [];
  const evidence = [];
  for (const criterion of CRITERIA) {
    const hits = found[criterion];
    if (hits.length === 0) continue;
    labels.push(criterion);
    const seen = new Set<string>();
    for (const hit of hits) {
      const span = toEvidence(reply, { ...hit, criterion });
      const key = `${span.start}:${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push(span);
    }
  }
  return { labels, evidence, scores: sureScores(labels) };
}

function sentenceIndex(text: ReturnType<typeof analyse>, hit: Hit): number {
  for (const s of text.sentences) if (hit.start >= s.start && hit.start < s.end) return s.index;
  return -1;
}

function sentencesOf(text: ReturnType<typeof analyse>, hits: readonly Hit[]): Set<number> {
  return new Set(hits.map((h) => sentenceIndex(text, h)));
}

export const offlineScorer: Scorer = {
  name: 'offline',
  async score(input: ReplyToScore): Promise<ScorerOutcome> {
    try {
      return { ok: true, ...scoreReply(input) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  },
};
