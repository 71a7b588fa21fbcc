/**
 * Structured JSON logs, one line each. By design there is no way to log a transcript: the
 * fields are metadata (ids, counts, durations, statuses), and error causes are reduced to
 * their name and code, since upstream messages can echo what the person typed.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Field = string | number | boolean | null | undefined;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(event: string, fields?: Record<string, Field>): void;
  info(event: string, fields?: Record<string, Field>): void;
  warn(event: string, fields?: Record<string, Field>): void;
  error(event: string, fields?: Record<string, Field>): void;
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = toStderr): Logger {
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (event: string, fields: Record<string, Field> = {}) => {
      if (ORDER[at] < ORDER[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields }));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * Lines written to stderr once the current work yields, together. A turn logs a few lines,
 * and a write to a pipe is a system call made on the main thread, in front of the reply's
 * first word; a batch per turn of the event loop costs one. Lines still waiting when the
 * process exits are written then.
 */
let pending: string[] = [];
function flushStderr(): void {
  if (pending.length === 0) return;
  const out = `${pending.join('\n')}\n`;
  pending = [];
  process.stderr.write(out);
}
process.on('exit', flushStderr);
function toStderr(line: string): void {
  // The first line of a batch schedules its write; the others join it.
  if (pending.push(line) === 1) setImmediate(flushStderr);
}

/** What may be logged about an error: its kind, never its message. */
export function describeError(error: unknown): Record<string, Field> {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const withCode = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    errorName: error.name,
    errorCode: typeof withCode.code === 'string' ? withCode.code : undefined,
    upstreamStatus: typeof withCode.statusCode === 'number' ? withCode.statusCode : undefined,
  };
}
