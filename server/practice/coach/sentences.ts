/** Splits text into sentences with their offsets, for per-sentence feedback on drafts. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const pattern = /[^.!?\n]+(?:[.!?]+["')\]]*|\n|$)/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = match.index! + lead;
    sentences.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return sentences;
}
