/**
 * The offline scorer: labels a reply with the twelve criteria from rules that mirror the
 * labelling rules in RUBRIC-CRITERIA.md, with no model and no network. Each rule group finds
 * sentences; this module resolves how the findings interact (a deflection cancels ownership
 * that was only implied, a "what would help?" is also an open question) and quotes the words
 * that show every label.
 */
import { CRITERIA, type Criterion } from '../criteria.js';
import { addSecondOpinions, readLabels, strongestSentences } from './learned/index.js';
import { findByRules, sentenceHit, toEvidence, type AnalysedText, type Hit, type RuleFindings } from './rules/index.js';
import { sureScores, type ReplyToScore, type ScoreResult, type Scorer, type ScorerOutcome } from './scorer.js';

/**
 * Labels, evidence and a calibrated score per criterion. The rules find and quote; the learned
 * layer decides, from the rules' findings and the meaning of the words.
 */
export function scoreReply(input: ReplyToScore): ScoreResult {
  const findings = findByRules(input);
  const read = readLabels(findings, input);
  if (!read) return scoreFromRules(findings);
  const { reply, found } = findings;
  const labelled = {} as Record<Criterion, Hit[]>;
  let strongest: number[] | undefined;
  CRITERIA.forEach((c, i) => {
    if (!read.given[i]) labelled[c] = [];
    // The rule's own words when it found some; else the sentence that weighs most for the label.
    else if (found[c].length > 0) labelled[c] = found[c];
    else if (reply.sentences.length === 0) labelled[c] = [{ criterion: c, start: 0, end: reply.norm.length }];
    else labelled[c] = [sentenceHit(c, reply.sentences[(strongest ??= strongestSentences(reply.sentences))[i]!]!)];
  });
  const scores = Object.fromEntries(CRITERIA.map((c, i) => [c, Math.round(read.scores[i]! * 1000) / 1000])) as Record<Criterion, number>;
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
