/**
 * Database connection: embedded PGlite (persisted in a directory, or in memory) or a real PostgreSQL,
 * with the same Drizzle schema and SQL migrations.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { schema } from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseTarget = { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string };

export interface Database {
  db: Db;
  kind: DatabaseTarget['kind'];
  close(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
}

const MIGRATIONS = path.resolve(import.meta.dirname, 'migrations');

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    if (target.dir) fs.mkdirSync(target.dir, { recursive: true });
    const client = target.dir ? new PGlite(target.dir) : new PGlite();
    await client.waitReady;
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      close: () => client.close(),
      ping: async () => {
        await client.query('select 1');
        return true;
      },
    };
  }
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.default.Pool({ connectionString: target.url, max: 10 });
  let closing = false;
  // An idle client can be cut off by the server (restart, dropped database); the pool replaces it.
  pool.on('error', (err) => {
    if (!closing) process.stderr.write(`PostgreSQL: en vilande anslutning avbröts: ${err.message}\n`);
  });
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    close: async () => {
      closing = true;
      await pool.end();
    },
    ping: async () => {
      await pool.query('select 1');
      return true;
    },
  };
}
