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

/** The drizzle database with its libSQL client, which the hot chat queries use directly. */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

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
  const db = drizzle(client, { schema });
  // Migrations are idempotent: drizzle records what it applied in __drizzle_migrations.
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db, client, close: () => client.close() };
}
