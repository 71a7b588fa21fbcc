/**
 * The few statements every chat turn runs (its one read, its one batched write, the reply's
 * text as it streams), run with statements prepared once.
 *
 * Why: `@libsql/client` prepares every statement again on every call, asks it for its columns
 * twice, and learns that a write returns no rows by catching a thrown error. On a turn that
 * was ~1.1 ms of CPU on an idle machine and ~2 ms under load (scratch micro-benchmark and the
 * bench's profile); the same statements prepared once cost ~0.25 ms. An embedded database
 * works on the event loop's thread, so that time is time every other session waits.
 *
 * A local database file gets its own connection for these statements (WAL lets two
 * connections share a file; nothing holds a transaction across an await, so they never wait
 * on each other). A remote database (`libsql://`, sqld) and an in-memory one (a second
 * connection would open a second, empty database) go through the client as before.
 */
import Database from 'libsql';
import type { Client, InArgs, InStatement } from '@libsql/client';

export type Row = unknown[];

export interface HotSql {
  /** The statement's rows, each an array of column values. */
  rows(sql: string, args: InArgs): Promise<Row[]>;
  /** Runs a statement that returns nothing. */
  run(sql: string, args: InArgs): Promise<void>;
  /** The statements in one write transaction, all or nothing; each statement's rows. */
  writeBatch(statements: readonly InStatement[]): Promise<Row[][]>;
  close(): void;
}

/** Statements through the libSQL client: remote and in-memory databases. */
export function clientSql(client: Client): HotSql {
  return {
    async rows(sql, args) {
      return (await client.execute({ sql, args })).rows.map((row) => Array.from(row));
    },
    async run(sql, args) {
      await client.execute({ sql, args });
    },
    async writeBatch(statements) {
      return (await client.batch([...statements], 'write')).map((result) => result.rows.map((row) => Array.from(row)));
    },
    close() {},
  };
}

/** Statements prepared once, on a connection of their own to a local database file. */
export function fileSql(path: string, { busyTimeoutMs = 5000 }: { busyTimeoutMs?: number } = {}): HotSql {
  const connection = new Database(path);
  // The same settings openDatabase gives the client's connection (see client.ts for why).
  connection.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  connection.exec('PRAGMA synchronous = NORMAL');
  connection.exec('PRAGMA foreign_keys = ON');
  const prepared = new Map<string, { statement: Database.Statement<unknown[]>; reader: boolean }>();
  const statementFor = (sql: string) => {
    let entry = prepared.get(sql);
    if (!entry) {
      const statement = connection.prepare(sql);
      const reader = statement.reader;
      if (reader) statement.raw(true);
      entry = { statement, reader };
      prepared.set(sql, entry);
    }
    return entry;
  };
  const execute = (sql: string, args: InArgs | undefined): Row[] => {
    const { statement, reader } = statementFor(sql);
    const bound = bindable(args);
    if (reader) return statement.all(bound) as Row[];
    statement.run(bound);
    return [];
  };
  const begin = connection.prepare('BEGIN IMMEDIATE');
  const commit = connection.prepare('COMMIT');
  const rollback = connection.prepare('ROLLBACK');

  return {
    async rows(sql, args) {
      return execute(sql, args);
    },
    async run(sql, args) {
      execute(sql, args);
    },
    async writeBatch(statements) {
      begin.run();
      try {
        const results = statements.map((s) => (typeof s === 'string' ? execute(s, undefined) : execute(s.sql, s.args)));
        commit.run();
        return results;
      } catch (error) {
        if (connection.inTransaction) rollback.run();
        throw error;
      }
    },
    close() {
      if (connection.open) connection.close();
    },
  };
}

/**
 * The client's argument shapes as libsql binds them: named arguments lose their `:`, `@` or
 * `$` prefix, booleans become integers and dates milliseconds, as the client stores them.
 */
function bindable(args: InArgs | undefined): unknown[] | Record<string, unknown> {
  if (!args) return [];
  if (Array.isArray(args)) return args.map(value);
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(args)) out[/^[:@$]/.test(name) ? name.slice(1) : name] = value(v);
  return out;
}

function value(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.valueOf();
  if (v === undefined) throw new TypeError('undefined cannot be stored; use null');
  return v;
}
