/**
 * The one place that opens the database. A local `file:` URL and a remote `libsql://` URL
 * (Turso, sqld) go through the same client, so several servers can share one database.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { MIGRATIONS_DIR } from '../paths.js';
import * as schema from './schema.js';
import { clientSql, fileSql, type HotSql } from './hot-sql.js';

/** The drizzle database with its libSQL client, and the hot chat statements prepared once. */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client; $hot: HotSql };

export interface Database {
  db: Db;
  client: Client;
  close(): void;
}

export async function openDatabase({ url, authToken }: { url: string; authToken?: string }): Promise<Database> {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    if (file && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = createClient({ url, authToken });
  if (url.startsWith('file:') || url === ':memory:') {
    // WAL lets readers carry on while a reply is being written; a busy timeout rides out
    // short write contention instead of failing the turn.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses
    // nothing and the file cannot corrupt; only an OS crash or power cut may drop the last
    // commits. FULL's fsync per commit blocked the event loop ~0.5 ms, 3-4 times a turn.
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  const orm = drizzle(client, { schema });
  // Migrations are idempotent: drizzle records what it applied in __drizzle_migrations.
  await migrate(orm, { migrationsFolder: MIGRATIONS_DIR });
  // Opened after the migrations, so its statements are prepared against the current schema.
  const file = localFile(url);
  const hot = file ? fileSql(file) : clientSql(client);
  const db: Db = Object.assign(orm, { $hot: hot });
  return {
    db,
    client,
    close: () => {
      hot.close();
      client.close();
    },
  };
}

/** The path of a local database file, or undefined for a remote or in-memory database. */
function localFile(url: string): string | undefined {
  // Anything unusual (a query string, an escaped character, a host) stays with the client.
  if (!url.startsWith('file:') || /[?%#]/.test(url)) return undefined;
  let file = url.slice('file:'.length);
  if (file.startsWith('//')) {
    if (!file.startsWith('///')) return undefined;
    file = file.slice(2);
  }
  return file && file !== ':memory:' ? file : undefined;
}
