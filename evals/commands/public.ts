/**
 * `eval public annomi|epitome|esconv [--shared DIR] [--split dev|report] [--json]`: the offline
 * scorer against public human-labelled data, read from the shared folder at run time. When
 * the data is absent the command says so and exits 0, so fresh clones still pass.
 */
import { relative } from 'node:path';
import { parseArgs, UsageError } from '../cli-args.js';
import { createProgress } from '../progress.js';
import { measureAnnomi, type AnnomiSplit } from '../public/annomi.js';
import { EPITOME_FILES, measureEpitome } from '../public/epitome.js';
import { ESCONV_FILES, type EsconvSplit, measureEsconv } from '../public/esconv.js';
import { renderPublicResult, type PublicResult } from '../public/public-result.js';
import { DEFAULT_SHARED_DIR, datasetDir, readSharedFile } from '../public/shared-data.js';

export async function runPublic(argv: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  const args = parseArgs(argv, { values: ['shared', 'split'], booleans: ['json'] });
  const [name, ...extra] = args.positionals;
  if (name !== 'annomi' && name !== 'epitome' && name !== 'esconv') throw new UsageError('public needs a dataset: annomi, epitome or esconv');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const shared = args.values.get('shared') ?? DEFAULT_SHARED_DIR;
  const dir = datasetDir(shared, name);
  if (!dir) {
    const shown = relative(process.cwd(), `${shared}/${name}`) || `${shared}/${name}`;
    io.stdout.write(`skipped: ${shown} not found\n`);
    return 0;
  }
  let result: PublicResult;
  if (name === 'annomi') {
    const split = (args.values.get('split') ?? 'report') as AnnomiSplit;
    if (!['dev', 'report', 'all'].includes(split)) throw new UsageError('--split must be dev or report');
    const csv = await readSharedFile(dir, 'AnnoMI-full.csv');
    result = measureAnnomi(csv, split, createProgress('AnnoMI', 5000));
  } else if (name === 'esconv') {
    const split = (args.values.get('split') ?? 'report') as EsconvSplit;
    if (!['dev', 'report'].includes(split)) throw new UsageError('--split must be dev or report');
    result = measureEsconv(await readSharedFile(dir, ESCONV_FILES[split]), split, createProgress('ESConv', 3000));
  } else {
    if (args.values.has('split')) throw new UsageError('--split applies to annomi and esconv only');
    const files = await Promise.all(EPITOME_FILES.map((f) => readSharedFile(dir, f.file)));
    result = measureEpitome(files, createProgress('EPITOME', 3000));
  }
  io.stdout.write(`${args.booleans.has('json') ? JSON.stringify(result, null, 2) : renderPublicResult(result)}\n`);
  return 0;
}
