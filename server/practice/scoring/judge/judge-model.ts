/**
 * The model behind the LLM judge: any OpenAI-compatible Chat Completions server (OpenAI,
 * Ollama, llama.cpp, LM Studio, vLLM). `.chat()` because local servers agree on Chat
 * Completions, not on the Responses API; with `.chat()` the SDK sends a strict json_schema
 * response_format. Servers that ignore it often answer with the JSON in a ```json fence or
 * after a line of prose, so the text is reduced to the JSON object before it is parsed.
 */
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { extractJsonMiddleware, wrapLanguageModel } from 'ai';

interface JudgeModelConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** For tests and proxies; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

export function createJudgeModel({ apiKey, baseURL, model, fetch }: JudgeModelConfig): LanguageModelV3 {
  return withJsonExtraction(createOpenAI({ apiKey, baseURL, fetch }).chat(model));
}

/** Wraps any model so a fenced or prose-wrapped JSON reply reaches the parser as bare JSON. */
function withJsonExtraction(model: LanguageModelV3): LanguageModelV3 {
  return wrapLanguageModel({ model, middleware: extractJsonMiddleware({ transform: extractJsonText }) });
}

const THINKING = /<think>[\s\S]*?<\/think>/gi;
const FENCE = /```(?:json)?[^\S\n]*\n?([\s\S]*?)\n?```/i;

/**
 * The JSON object inside a model's text: the span from the first `{` to the last `}` of the
 * text, or of its first ```json fence when the text does not open with `{`. The SDK's default
 * transform only strips a fence at the very start, which misses "Here you go:\n```json…".
 */
export function extractJsonText(text: string): string {
  const trimmed = text.replace(THINKING, '').trim();
  const body = trimmed.startsWith('{') ? trimmed : (FENCE.exec(trimmed)?.[1] ?? trimmed).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}
