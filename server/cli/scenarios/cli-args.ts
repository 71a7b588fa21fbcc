/**
 * A small parser for the authoring CLI's arguments: positionals, `--flag value`,
 * `--flag=value` and bare boolean `--flag`. No dependency; the commands say which flags
 * they take and report unknown ones, so a typo never silently does nothing.
 */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = splitOnce(arg.slice(2), '=');
    if (inline !== undefined) flags[name] = inline;
    else if (booleanFlags.includes(name) || i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) flags[name] = true;
    else flags[name] = argv[++i]!;
  }
  return { positionals, flags };
}

/** Names of flags that the command does not know, for a clear error. */
export function unknownFlags(args: ParsedArgs, known: readonly string[]): string[] {
  return Object.keys(args.flags).filter((name) => !known.includes(name));
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Thrown for a usage mistake; the entry point prints the message and exits with 2. */
export class UsageError extends Error {}
