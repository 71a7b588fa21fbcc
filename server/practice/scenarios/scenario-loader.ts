/**
 * Reads scenario files (Markdown with YAML front matter) from a folder. A bad file never
 * stops the others: it comes back as a problem naming the file and the field at fault,
 * so the server can serve the good ones and log the bad, and `scenarios check` can exit
 * non-zero with the same words.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { scenarioFrontMatterSchema, type Scenario } from './scenario-schema.js';

export interface ScenarioProblem {
  file: string;
  /** Dotted path of the field at fault, or `(file)` when the file itself is unreadable. */
  field: string;
  message: string;
}

export interface LoadedScenarios {
  scenarios: Scenario[];
  problems: ScenarioProblem[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses one file's text; `file` is used only to name problems. */
export function parseScenario(text: string, file: string): { scenario?: Scenario; problems: ScenarioProblem[] } {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) {
    return { problems: [{ file, field: '(file)', message: 'no YAML front matter: the file must start with a line "---"' }] };
  }
  const document = parseDocument(match[1]!, { uniqueKeys: true });
  if (document.errors.length > 0) {
    return { problems: document.errors.map((error) => ({ file, field: '(front matter)', message: `YAML: ${error.message.split('\n')[0]}` })) };
  }
  const parsed = scenarioFrontMatterSchema.safeParse(document.toJS());
  if (!parsed.success) return { problems: zodProblems(parsed.error, file) };
  return { scenario: { ...parsed.data, background: match[2]!.trim() }, problems: [] };
}

function zodProblems(error: z.ZodError, file: string): ScenarioProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.length > 0 ? issue.path.join('.') : '(front matter)',
    message: issue.message,
  }));
}

/** Loads every `*.md` file in `dir` (not README.md); ids must be unique across the folder. */
export async function loadScenarios(dir: string): Promise<LoadedScenarios> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md').sort();
  } catch (cause) {
    return { scenarios: [], problems: [{ file: dir, field: '(folder)', message: `cannot read the folder: ${(cause as Error).message}` }] };
  }

  const scenarios: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  const byId = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    const { scenario, problems: found } = parseScenario(await readFile(file, 'utf8'), file);
    problems.push(...found);
    if (!scenario) continue;
    const other = byId.get(scenario.id);
    if (other) {
      problems.push({ file, field: 'id', message: `duplicated id "${scenario.id}" (also in ${other})` });
      continue;
    }
    byId.set(scenario.id, file);
    scenarios.push(scenario);
  }
  return { scenarios, problems };
}

export function formatProblem(problem: ScenarioProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}
