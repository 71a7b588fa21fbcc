/**
 * Where the project's files are, found from this module's own location by walking up to the
 * folder with package.json: the same answer whether the server runs from its TypeScript
 * sources (tsx) or from the bundle in dist/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = path.join(ROOT, 'server', 'db', 'migrations');
/** The general partners for imported conversations: part of the product, not of the library. */
export const GENERAL_PARTNERS_DIR = path.join(ROOT, 'scenarios', 'general');
