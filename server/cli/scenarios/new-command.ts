/**
 * `scenarios new`: scaffolds a scenario file from flags, asking (on the terminal or from
 * piped stdin) for whatever the flags left out. The file it writes passes `check` at once;
 * its TODO placeholders are what the author replaces.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KINDS, kindSchema } from '../../practice/criteria.js';
import { parseScenario, formatProblem } from '../../practice/scenarios/scenario-loader.js';
import { SETTINGS } from '../../practice/scenarios/scenario-schema.js';
import { parseArgs, stringFlag, UsageError, unknownFlags } from './cli-args.js';
import { DEFAULT_SCENARIO_DIR } from './check-command.js';
import type { LineReader } from './line-reader.js';
import { scaffoldScenario, type ScaffoldAnswers } from './scaffold.js';

const FLAGS = ['id', 'title', 'kind', 'difficulty', 'setting', 'name', 'relationship', 'out', 'force'] as const;
const ID = /^[a-z0-9][a-z0-9-]{1,63}$/;

interface Question {
  flag: (typeof FLAGS)[number];
  prompt: string;
  check: (value: string) => string | undefined;
}

const QUESTIONS: Question[] = [
  { flag: 'id', prompt: 'id (lowercase-with-dashes): ', check: (v) => (ID.test(v) ? undefined : 'use 2-64 lowercase letters, digits and dashes') },
  { flag: 'title', prompt: 'title: ', check: (v) => (v.trim() ? undefined : 'a title is needed') },
  { flag: 'kind', prompt: `kind (${KINDS.join('/')}): `, check: (v) => (kindSchema.safeParse(v).success ? undefined : `one of ${KINDS.join(', ')}`) },
  { flag: 'difficulty', prompt: 'difficulty (1/2/3): ', check: (v) => (['1', '2', '3'].includes(v) ? undefined : '1, 2 or 3') },
  {
    flag: 'setting',
    prompt: `setting (${SETTINGS.join('/')}): `,
    check: (v) => ((SETTINGS as readonly string[]).includes(v) ? undefined : `one of ${SETTINGS.join(', ')}`),
  },
  { flag: 'name', prompt: "partner's name: ", check: (v) => (v.trim() ? undefined : 'a name is needed') },
  {
    flag: 'relationship',
    prompt: 'relationship to the person (e.g. "your older sister"): ',
    check: (v) => (v.trim() ? undefined : 'a relationship is needed'),
  },
];

export async function runNew(argv: readonly string[], reader: LineReader, out: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, ['force']);
  const unknown = unknownFlags(args, FLAGS);
  if (unknown.length > 0) throw new UsageError(`unknown option --${unknown[0]} for "new"`);

  const values: Partial<Record<Question['flag'], string>> = {};
  for (const question of QUESTIONS) {
    const given = stringFlag(args, question.flag);
    if (given !== undefined) {
      const problem = question.check(given);
      if (problem) throw new UsageError(`--${question.flag}: ${problem}`);
      values[question.flag] = given.trim();
      continue;
    }
    values[question.flag] = await askUntilValid(reader, question, out);
  }

  const answers: ScaffoldAnswers = {
    id: values.id!,
    title: values.title!,
    kind: kindSchema.parse(values.kind),
    difficulty: Number(values.difficulty) as 1 | 2 | 3,
    setting: values.setting as ScaffoldAnswers['setting'],
    name: values.name!,
    relationship: values.relationship!,
  };
  const text = scaffoldScenario(answers);
  const outFile = stringFlag(args, 'out') ?? path.join(DEFAULT_SCENARIO_DIR, `${answers.id}.md`);

  // The scaffold is meant to be valid as written; if it is not, that is a bug here, not the author's.
  const { problems } = parseScenario(text, outFile);
  if (problems.length > 0) throw new Error(`the scaffold is invalid:\n${problems.map(formatProblem).join('\n')}`);

  if (!args.flags.force && (await exists(outFile))) {
    out(`${outFile} already exists; pass --force to overwrite it`);
    return 1;
  }
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, text, 'utf8');
  out(`wrote ${outFile}`);
  out(
    `next: replace the TODO placeholders, then run \`npm run scenarios -- check ${path.dirname(outFile)}\` and \`npm run scenarios -- play ${answers.id} --dir ${path.dirname(outFile)}\``,
  );
  return 0;
}

async function askUntilValid(reader: LineReader, question: Question, out: (line: string) => void): Promise<string> {
  for (;;) {
    const answer = await reader.ask(question.prompt);
    if (answer === undefined) throw new UsageError(`input ended before --${question.flag} was given`);
    const problem = question.check(answer.trim());
    if (!problem) return answer.trim();
    out(`  ${problem}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
