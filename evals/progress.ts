/**
 * A progress bar on stderr for long runs, drawn only when stderr is a terminal so that piped
 * output and CI logs stay clean. Redraws at most ten times a second.
 */

export interface Progress {
  tick(n?: number): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, done() {} };

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 200) return SILENT;
  let count = 0;
  let last = 0;
  const started = Date.now();
  const draw = () => {
    const width = 30;
    const filled = Math.round((count / total) * width);
    const elapsed = (Date.now() - started) / 1000;
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${elapsed.toFixed(1)}s`);
  };
  return {
    tick(n = 1) {
      count += n;
      const now = Date.now();
      if (now - last > 100 || count >= total) {
        last = now;
        draw();
      }
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}
