import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWeightsFile } from '../../../server/practice/scoring/learned/weights-file.js';

describe('readWeightsFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-weights-'));

  it('reads a weight file', () => {
    writeFileSync(join(dir, 'model.json'), '{"criteria":["reflects"]}');
    expect(readWeightsFile<{ criteria: string[] }>('model.json', dir)).toEqual({ criteria: ['reflects'] });
  });

  it('gives nothing for a missing file, so the scorer falls back to the rules alone', () => {
    expect(readWeightsFile('absent.json', dir)).toEqual({});
  });

  it('names a file that is there but not JSON', () => {
    writeFileSync(join(dir, 'torn.json'), '{"criteria":["refl');
    expect(() => readWeightsFile('torn.json', dir)).toThrow(/weight file .*torn\.json is not valid JSON/);
  });
});
