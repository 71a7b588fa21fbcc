/** Imported conversations (issue 14): who speaks in a paste, import and read, list, read one, delete (with the sessions practised from it). */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { createImportBody, idSchema, MAX_IMPORT_BYTES, previewImportBody } from '../api/schemas.js';
import { presentImport } from '../api/present.js';
import { createImport, deleteImport, findImport, listImports } from '../db/queries/imports.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../http/read-body.js';
import { importThread } from '../practice/imports/import-thread.js';
import { parseThread } from '../practice/imports/thread-parser.js';

export function importRoutes(ctx: AppContext) {
  const requireImport = async (id: string) => {
    if (!idSchema.safeParse(id).success) throw new AppError('bad_request', `import id "${id}" is not a valid id`);
    const row = await findImport(ctx.db, id);
    if (!row) throw new AppError('not_found', `no import with id "${id}"`);
    return row;
  };

  return (
    new Hono()
      .post('/', async (c) => {
        const body = await readJsonBody(c, createImportBody, { maxBytes: MAX_IMPORT_BYTES });
        const started = performance.now();
        const thread = importThread({ ...body, partners: ctx.partners, label: ctx.label });
        const row = await createImport(ctx.db, { id: randomUUID(), ...thread });
        // Counts only: an import's words never reach the logs.
        ctx.logger.info('import.created', {
          importId: row.id,
          format: row.format,
          turns: row.turns.length,
          kind: row.kind,
          ms: Math.round(performance.now() - started),
        });
        return c.json(presentImport(row), 201);
      })
      // Who speaks in a pasted thread, so the page can ask which one is the person. Stores nothing.
      .post('/speakers', async (c) => {
        const { text } = await readJsonBody(c, previewImportBody, { maxBytes: MAX_IMPORT_BYTES });
        const { format, speakers, turns } = parseThread(text);
        return c.json({ format, speakers, turns: turns.length });
      })
      .get('/', async (c) => {
        const rows = await listImports(ctx.db);
        return c.json(rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })));
      })
      .get('/:id', async (c) => c.json(presentImport(await requireImport(c.req.param('id')))))
      .delete('/:id', async (c) => {
        const { id } = await requireImport(c.req.param('id'));
        await deleteImport(ctx.db, id);
        ctx.logger.info('import.deleted', { importId: id });
        return c.body(null, 204);
      })
  );
}
