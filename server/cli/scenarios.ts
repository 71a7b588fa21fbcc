/**
 * The scenario authoring CLI: `npm run scenarios -- <command>`.
 *
 *   check [DIR]              validate every scenario file (default scenarios/)
 *   new [--id ... --out F]   scaffold a valid scenario file, asking for what flags leave out
 *   play ID [--dir DIR] [--check-in PROMISE [--first-trust N]]
 *                            play a scenario in the terminal with the built-in partner, or
 *                            the check-in on a promise days later
 *
 * How each scenario's partner reacts to scripted conversations is checked by the eval
 * harness's partner suite: `npm run eval -- suite [--scenario ID]`.
 */
import { UsageError } from './scenarios/cli-args.js';
import { createLineReader, type LineReader } from './scenarios/line-reader.js';

const USAGE = `usage: npm run scenarios -- <command>
  check [DIR]                 validate the scenario files in DIR (default scenarios/)
  new [--id ID --title T --kind apology|listening|draft --difficulty 1|2|3
       --setting family|partner|friends|work --name N --relationship R --out FILE --force]
  play ID [--dir DIR]         play a scenario with the built-in partner (/quit ends)
       [--check-in PROMISE [--first-trust N]]
                              … or the check-in days later on what was promised

To check how a partner reacts to its scripted conversations: npm run eval -- suite [--scenario ID]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv.filter((arg, index) => !(index === 0 && arg === '--'));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    // Commands load lazily: `check` and `new` should not pay for (or depend on) the scorer.
    case 'check':
      return (await import('./scenarios/check-command.js')).runCheck(rest, out);
    case 'new': {
      const { runNew } = await import('./scenarios/new-command.js');
      return withStdin((reader) => runNew(rest, reader, out));
    }
    case 'play': {
      const { runPlay } = await import('./scenarios/play-command.js');
      return withStdin((reader) => runPlay(rest, reader, out));
    }
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function withStdin(run: (reader: LineReader) => Promise<number>): Promise<number> {
  const reader = createLineReader(process.stdin, process.stdout);
  try {
    return await run(reader);
  } finally {
    reader.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
