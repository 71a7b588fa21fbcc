/**
 * Reading labelled-reply JSON Lines (RUBRIC-CRITERIA.md): every line is validated with zod and
 * a bad line is reported by its number and the field at fault, so a hand-edited dataset fails
 * loudly instead of skewing a score.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { criterionSchema, kindSchema } from '../server/practice/criteria.js';

export const labelledReplySchema = z.object({
  id: z.string().min(1),
  kind: kindSchema,
  context: z.string(),
  reply: z.string().min(1),
  labels: z.array(criterionSchema).optional(),
});
export type LabelledReply = z.infer<typeof labelledReplySchema>;

/** A dataset problem the CLI reports as a usage/input error (exit code 2). */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
}

export interface ParseOptions {
  /** `score` needs gold labels on every line; `label` ignores them. */
  requireLabels: boolean;
  /** Shown in messages, e.g. the file path. */
  source: string;
}

export function parseDataset(text: string, options: ParseOptions): LabelledReply[] {
  const rows: LabelledReply[] = [];
  const ids = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const where = `${options.source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new DatasetError(`${where}: not valid JSON (${(cause as Error).message})`, { cause });
    }
    const parsed = labelledReplySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length > 0 ? issue.path.join('.') : '(line)';
      throw new DatasetError(`${where}: field "${field}": ${issue.message}`);
    }
    if (options.requireLabels && parsed.data.labels === undefined) {
      throw new DatasetError(`${where}: field "labels": required to score (use [] for a reply with no labels)`);
    }
    const seen = ids.get(parsed.data.id);
    if (seen !== undefined) throw new DatasetError(`${where}: field "id": "${parsed.data.id}" repeats line ${seen}`);
    ids.set(parsed.data.id, i + 1);
    rows.push(parsed.data);
  }
  if (rows.length === 0) throw new DatasetError(`${options.source}: no replies found`);
  return rows;
}

export async function readDataset(path: string, options: Omit<ParseOptions, 'source'>): Promise<LabelledReply[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new DatasetError(`cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { cause });
  }
  return parseDataset(text, { ...options, source: path });
}
