/** The rules' one door: what the learned layer, the scorer and the coach read from the rules. */
export { findByRules, type RuleFindings } from './find-by-rules.js';
export { sentenceHit, sentencesOf, toEvidence, type Hit } from './evidence.js';
export { analyse, contentStems, stem, stripLead, type AnalysedText, type Sentence } from './text-analysis.js';
