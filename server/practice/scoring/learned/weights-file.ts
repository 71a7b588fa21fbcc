/**
 * The learned layer's weight files, read once when the scorer loads.
 *
 * Why read rather than `import … with { type: 'json' }`: an imported JSON module stays alive for
 * the life of the process, and bundled into `dist/server/main.mjs` it is also ~3 MB of script
 * source that V8 keeps. Read and parsed here, the parsed object is garbage as soon as the
 * scorer has packed what it needs (label-model.ts keeps typed arrays and a name → row map).
 * The bundle went from 3.9 MB to 0.34 MB, and the server's resident memory at rest (two seconds
 * after start-up) from ~165 to ~142 MB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../paths.js';

const DIR = path.join(ROOT, 'server', 'practice', 'scoring', 'learned');

/**
 * The file's parsed contents, or an empty object when it is missing (the scorer is then the
 * rules alone). A file that is there but not JSON is an error that names it: a half-written
 * retrain must not pass for "no model".
 */
export function readWeightsFile<T>(name: string, dir: string = DIR): Partial<T> {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    return JSON.parse(text) as Partial<T>;
  } catch (cause) {
    throw new Error(`the scorer's weight file ${file} is not valid JSON (retrain it, or restore it from git)`, { cause });
  }
}
