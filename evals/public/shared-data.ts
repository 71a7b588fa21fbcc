/**
 * Where the research-licensed public datasets live. They are read from the shared folder at
 * run time and never copied into the repository (see each dataset's README for its terms).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Default: the `shared/datasets` folder beside the repository. */
export const DEFAULT_SHARED_DIR = resolve(process.cwd(), '..', 'shared', 'datasets');

export function datasetDir(sharedDir: string, name: string): string | undefined {
  const dir = join(sharedDir, name);
  return existsSync(dir) ? dir : undefined;
}

export async function readSharedFile(dir: string, file: string): Promise<string> {
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch (cause) {
    throw new Error(`cannot read ${join(dir, file)}`, { cause });
  }
}
