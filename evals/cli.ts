/**
 * The eval command line (`npm run --silent eval -- <command>`): measures the scorers against
 * human labels. Exit codes: 0 ok, 1 below a threshold, 2 usage or input error.
 */
import { pathToFileURL } from 'node:url';
import { UsageError } from './cli-args.js';
import { runAgreement } from './commands/agreement.js';
import { runLabel } from './commands/label.js';
import { runNearMiss } from './commands/near-miss.js';
import { runPublic } from './commands/public.js';
import { runScore } from './commands/score.js';
import { runSuite } from './commands/suite.js';
import { runThroughput } from './commands/throughput.js';
import { DatasetError } from './dataset.js';

const USAGE = `usage: npm run --silent eval -- <command>

  label --in FILE.jsonl [--scorer offline|llm|hybrid]
  score --dataset FILE.jsonl [--scorer offline|llm|hybrid] [--json] [--min-macro-f1 X] [--min-f1 CRITERION=X ...] [--out DIR]
  public annomi|epitome|esconv [--shared DIR] [--split dev|report] [--json]
  throughput [--runs N] [--json]
  suite [--engine builtin|llm] [--scenario ID] [--ci] [--update-baseline] [--json]
  near-miss [--in FILE.jsonl ...] [--min X] [--json]
  agreement [--dir DIR] [--json]
`;

type Command = (argv: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  label: runLabel,
  score: runScore,
  public: runPublic,
  throughput: runThroughput,
  suite: (argv) => runSuite(argv),
  'near-miss': runNearMiss,
  agreement: runAgreement,
};

export async function main(argv: readonly string[], io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof DatasetError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

// Run only when executed, so tests can import `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  void main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
