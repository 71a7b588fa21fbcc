/**
 * Reads answers one line at a time from a terminal or from piped stdin. `rl.question`
 * loses lines that arrive before it is called, which is exactly what piped input does, so
 * this pulls from readline's async iterator instead: every line is kept, in order.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface LineReader {
  /** Shows the prompt (on a terminal) and resolves with the next line, or undefined at end of input. */
  ask(prompt: string): Promise<string | undefined>;
  readonly interactive: boolean;
  close(): void;
}

export function createLineReader(input: Readable, output: Writable): LineReader {
  const interactive = Boolean((input as Readable & { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    interactive,
    async ask(prompt) {
      if (interactive) output.write(prompt);
      const next = await lines.next();
      return next.done ? undefined : String(next.value);
    },
    close: () => rl.close(),
  };
}
