/** Commitments that last: list, edit, mark done, delete, and the calendar of open ones. */
import { Hono } from 'hono';
import type { AppContext } from '../app-context.js';
import { presentCommitment } from '../api/present.js';
import { idSchema, updateCommitmentBody } from '../api/schemas.js';
import { deleteCommitment, listCommitments, updateCommitment } from '../db/queries/commitments.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../http/read-body.js';
import { commitmentsCalendar } from '../practice/follow-through/commitments-calendar.js';

function commitmentId(id: string): string {
  if (!idSchema.safeParse(id).success) throw new AppError('bad_request', `commitment id "${id}" is not a valid id`);
  return id;
}

export function commitmentRoutes(ctx: AppContext) {
  return new Hono()
    .get('/commitments', async (c) => c.json((await listCommitments(ctx.db)).map(presentCommitment)))
    .get('/commitments.ics', async (c) => {
      const open = (await listCommitments(ctx.db)).filter((row) => !row.done && row.due !== null);
      const calendar = await commitmentsCalendar(open.map((row) => ({ id: row.id, partner: row.partner, text: row.text, due: row.due! })));
      return c.body(calendar, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="rehearse-commitments.ics"',
      });
    })
    .patch('/commitments/:id', async (c) => {
      const id = commitmentId(c.req.param('id'));
      const patch = await readJsonBody(c, updateCommitmentBody);
      const row = await updateCommitment(ctx.db, id, patch);
      if (!row) throw new AppError('not_found', `no commitment with id "${id}"`);
      return c.json(presentCommitment(row));
    })
    .delete('/commitments/:id', async (c) => {
      const id = commitmentId(c.req.param('id'));
      if (!(await deleteCommitment(ctx.db, id))) throw new AppError('not_found', `no commitment with id "${id}"`);
      return c.body(null, 204);
    });
}
