/**
 * The scoring folder's layout holds: rules, the learned layer and the LLM judge each have one
 * door (`index.ts`) for code outside the folder, and no module imports itself back round a cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCORING = join(ROOT, 'server/practice/scoring');
const FOLDERS = ['rules', 'learned', 'judge'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : tsFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Relative imports of a module (values and types alike), resolved to .ts paths. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)].map((m) => resolve(dirname(file), `${m[1]}.ts`));
}

describe('the scoring layout', () => {
  it('has no import cycle', () => {
    const files = tsFiles(SCORING);
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => t.startsWith(SCORING))]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SCORING, p)).join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('is entered from outside each folder only through its door', () => {
    const outside = ['server', 'evals', 'bench', 'web/src'].flatMap((d) => tsFiles(join(ROOT, d)));
    const breaches: string[] = [];
    for (const file of outside) {
      for (const target of importsOf(file)) {
        for (const folder of FOLDERS) {
          const door = join(SCORING, folder, 'index.ts');
          const inside = target.startsWith(`${join(SCORING, folder)}/`);
          // The trainers write the learned layer's weights, so they may reach its internals.
          const trainer = folder === 'learned' && file.startsWith(join(ROOT, 'evals/train'));
          if (inside && target !== door && !file.startsWith(`${join(SCORING, folder)}/`) && !trainer) {
            breaches.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
          }
        }
      }
    }
    expect(breaches).toEqual([]);
  });
});
