/**
 * The offline scorer: labels a reply with the twelve criteria from rules that mirror the
 * labelling rules in RUBRIC-CRITERIA.md, with no model and no network. Each rule group finds
 * sentences; this module resolves how the findings interact (a deflection cancels ownership
 * that was only implied, a "what would help?" is also an open question) and quotes the words
 * that show every label.
 */
import { CRITERIA, type Criterion } from '../criteria.js';
import { decideLabels, hasLabelModel, replyLogits, strongestSentences } from './learned/label-model.js';
import { CLASSIFIED, hasModel, passes, probability, strongestSentence as strongestClassifiedSentence } from './learned/reply-classifier.js';
import { replyFeatures } from './learned/reply-features.js';
import { contentStems, findByRules, sentenceHit, toEvidence, type AnalysedText, type Hit, type RuleFindings } from './rules/index.js';
import { sureScores, type ReplyToScore, type ScoreResult, type Scorer, type ScorerOutcome } from './scorer.js';

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
