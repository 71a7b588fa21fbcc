/**
 * A small argv parser for the eval CLI: `--name value`, `--name=value`, repeated flags and
 * booleans. Anything unexpected is a `UsageError`, which the CLI prints and exits 2 on.
 */

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface FlagSpec {
  /** Flags that take no value. */
  booleans?: readonly string[];
  /** Flags that take a value and may repeat. */
  repeatable?: readonly string[];
  /** Flags that take a single value. */
  values?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  repeated: Map<string, string[]>;
  booleans: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: new Map(), repeated: new Map(), booleans: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (spec.booleans?.includes(name)) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      out.booleans.add(name);
      continue;
    }
    const takesValue = spec.values?.includes(name) || spec.repeatable?.includes(name);
    if (!takesValue) throw new UsageError(`unknown option --${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (spec.repeatable?.includes(name)) out.repeated.set(name, [...(out.repeated.get(name) ?? []), value]);
    else if (out.values.has(name)) throw new UsageError(`--${name} given twice`);
    else out.values.set(name, value);
  }
  return out;
}

export function requireValue(args: ParsedArgs, name: string): string {
  const value = args.values.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

/** Parses a number in [0, 1] given on the command line. */
export function parseUnitInterval(raw: string, what: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${what} must be a number between 0 and 1, got "${raw}"`);
  return n;
}
