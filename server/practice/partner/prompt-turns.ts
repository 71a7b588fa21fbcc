/**
 * Reads the conversation back out of an AI SDK prompt: the person's turns, each with what
 * the partner said just before it (the context a scorer needs).
 */
import type { LanguageModelV3Prompt } from '@ai-sdk/provider';

export interface PromptTurn {
  context: string;
  text: string;
}

export function turnsFromPrompt(prompt: LanguageModelV3Prompt): PromptTurn[] {
  const turns: PromptTurn[] = [];
  let lastPartnerText = '';
  for (const message of prompt) {
    if (message.role === 'assistant') {
      lastPartnerText = textOf(message.content);
    } else if (message.role === 'user') {
      turns.push({ context: lastPartnerText, text: textOf(message.content) });
    }
  }
  return turns;
}

function textOf(content: readonly { type: string; text?: string }[]): string {
  return content
    .filter((part) => part.type === 'text')
    .map((part) => part.text ?? '')
    .join('');
}
