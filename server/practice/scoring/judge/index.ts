/** The LLM judge's one door: a second read of a turn by a model, cached, failures as results. */
export { createJudgeModel } from './judge-model.js';
export { createLlmJudge, type JudgeCache } from './llm-judge.js';
