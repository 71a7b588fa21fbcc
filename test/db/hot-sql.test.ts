import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { clientSql, fileSql, type HotSql } from '../../server/db/hot-sql.js';
import { openDatabase } from '../../server/db/client.js';

const SCHEMA = 'create table notes (id text primary key, n integer not null, body text)';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The same statements through both runners: prepared once on a file, and through the client. */
async function runners(): Promise<[string, HotSql][]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hot-sql-'));
  const file = path.join(dir, 'x.db');
  const setup = createClient({ url: `file:${file}` });
  await setup.execute('PRAGMA journal_mode = WAL');
  await setup.execute(SCHEMA);
  const onFile = fileSql(file);
  const memory = createClient({ url: ':memory:' });
  await memory.execute(SCHEMA);
  const throughClient = clientSql(memory);
  cleanups.push(() => {
    onFile.close();
    setup.close();
    memory.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return [
    ['prepared on a file', onFile],
    ['through the client', throughClient],
  ];
}

describe('the hot statements', () => {
  it('bind positional and named arguments (any prefix) and return rows as arrays', async () => {
    for (const [name, sql] of await runners()) {
      await sql.run('insert into notes (id, n, body) values (?, ?, ?)', ['a', 1, 'one']);
      await sql.run('insert into notes (id, n, body) values (:id, @n, $body)', { ':id': 'b', '@n': 2, $body: null });
      await sql.run('insert into notes (id, n, body) values (:id, :n, :body)', { id: 'c', n: true, body: 'three' });
      expect(await sql.rows('select id, n, body from notes order by id', []), name).toEqual([
        ['a', 1, 'one'],
        ['b', 2, null],
        ['c', 1, 'three'],
      ]);
      // The same statement again (the cached one) with other arguments.
      expect(await sql.rows('select id from notes where n = ?', [2]), name).toEqual([['b']]);
      expect(await sql.rows('select id from notes where n = ?', [1]), name).toEqual([['a'], ['c']]);
    }
  });

  it('write a batch all or nothing, and report the failing statement as the client does', async () => {
    for (const [name, sql] of await runners()) {
      const results = await sql.writeBatch([
        { sql: 'insert into notes (id, n) values (?, ?) returning id', args: ['a', 1] },
        { sql: 'update notes set n = n + 1 where id = ?', args: ['a'] },
      ]);
      expect(results, name).toEqual([[['a']], []]);

      const clash = sql.writeBatch([
        { sql: 'insert into notes (id, n) values (?, ?)', args: ['b', 1] },
        { sql: 'insert into notes (id, n) values (?, ?)', args: ['a', 9] },
      ]);
      await expect(clash, name).rejects.toSatisfy((error: unknown) => hasCode(error, 'SQLITE_CONSTRAINT_PRIMARYKEY'));
      // Nothing of the failed batch stayed, and the connection is usable again.
      expect(await sql.rows('select id, n from notes order by id', []), name).toEqual([['a', 2]]);
      await sql.writeBatch([{ sql: 'insert into notes (id, n) values (?, ?)', args: ['b', 3] }]);
      expect(await sql.rows('select count(*) from notes', []), name).toEqual([[2]]);
    }
  });

  it('refuse undefined rather than store something else', async () => {
    for (const [name, sql] of await runners()) {
      await expect(sql.run('insert into notes (id, n) values (?, ?)', ['a', undefined as unknown as number]), name).rejects.toThrow();
      expect(await sql.rows('select count(*) from notes', []), name).toEqual([[0]]);
    }
  });
});

describe('openDatabase', () => {
  it('sees writes made by either connection at once (the client and the prepared statements share the file)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hot-sql-open-'));
    const { db, close } = await openDatabase({ url: `file:${path.join(dir, 'r.db')}` });
    cleanups.push(() => {
      close();
      rmSync(dir, { recursive: true, force: true });
    });
    await db.$client.execute({ sql: "insert into sessions (id, scenario_id, status, created_at, updated_at) values ('s1', 'x', 'active', 0, 0)", args: [] });
    expect(await db.$hot.rows('select id from sessions', [])).toEqual([['s1']]);
    await db.$hot.run("update sessions set status = 'ended' where id = ?", ['s1']);
    const { rows } = await db.$client.execute('select status from sessions');
    expect(rows[0]?.status).toBe('ended');
  });
});

function hasCode(error: unknown, code: string): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === code) return true;
  return false;
}
