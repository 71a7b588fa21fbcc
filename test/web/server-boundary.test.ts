/**
 * The page imports from server/ only types (`import type`) and dependency-free modules:
 * files that import nothing at run time but other such files. So no schema, scorer or
 * other domain logic of ours ships to the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.join(ROOT, 'web', 'src');
const SERVER = path.join(ROOT, 'server');

/** Runtime imports of a file (type-only imports and `import type` are left out). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm)) {
    const [, , typeOnly, clause, from] = match;
    if (typeOnly) continue;
    // `import { type A, type B }` is type-only too.
    const names = /^\{([^}]*)\}$/.exec(clause!.trim())?.[1];
    if (names?.split(',').every((n) => !n.trim() || n.trim().startsWith('type '))) continue;
    found.push(from!);
  }
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  return found;
}

function resolve(from: string, spec: string): string {
  return path.resolve(path.dirname(from), spec).replace(/\.js$/, '.ts');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Why `file` is not dependency-free, or undefined when it is (its runtime imports are too). */
function notDependencyFree(file: string, seen = new Set<string>()): string | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  for (const spec of runtimeImports(file)) {
    if (!spec.startsWith('.')) return `${path.relative(ROOT, file)} imports ${spec}`;
    const why = notDependencyFree(resolve(file, spec), seen);
    if (why) return why;
  }
  return undefined;
}

describe('the web page and the server', () => {
  it('imports from server/ only types and dependency-free modules', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of filesUnder(WEB)) {
      for (const spec of runtimeImports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(file, spec);
        if (!target.startsWith(SERVER + path.sep)) continue;
        checked++;
        const why = notDependencyFree(target);
        if (why) problems.push(`${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}: ${why}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('flags a server module that brings zod with it', () => {
    expect(notDependencyFree(path.join(SERVER, 'api', 'schemas.ts'))).toMatch(/imports zod/);
    expect(notDependencyFree(path.join(SERVER, 'practice', 'rubric.ts'))).toBeUndefined();
  });
});
