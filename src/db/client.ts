/**
 * Database connection: embedded PGlite (persisted in a directory, or in memory) or a real PostgreSQL,
 * with the same Drizzle schema and SQL migrations.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { randomUUID } from 'node:crypto';
import { schema } from './schema.ts';
import { changeFeedFor, trackChanges } from './changes.ts';
import { lockDataDir } from './lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * `migrationUrl`: an owner role that runs the migrations and then grants data rights to the role of `url`
 * (src/db/roles.ts). Without it the role of `url` migrates, and so owns the tables (one-role setup).
 */
export type DatabaseTarget =
  /** `snapshot`: start an in-memory database from a data directory saved by `Database.snapshot()`. */
  | { kind: 'pglite'; dir: string | null; snapshot?: Blob }
  | { kind: 'postgres'; url: string; migrationUrl?: string | undefined };

export interface Database {
  db: Db;
  kind: DatabaseTarget['kind'];
  close(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** The whole data directory of an embedded database as an uncompressed tar (PGlite only). */
  snapshot?: () => Promise<Blob>;
}

const MIGRATIONS = path.resolve(import.meta.dirname, 'migrations');

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const { openEmbedded } = await import('./embedded/client.ts');
    const { drizzle } = await import('drizzle-orm/pglite');
    if (target.dir) fs.mkdirSync(target.dir, { recursive: true });
    const unlock = target.dir ? lockDataDir(`${target.dir}.lock`, `Den inbäddade databasen i ${target.dir}`) : () => undefined;
    // The database runs in its own thread, which opens it and runs the migrations before it answers.
    let client;
    try {
      client = await openEmbedded({ dir: target.dir, snapshot: target.snapshot, migrationsFolder: MIGRATIONS });
    } catch (e) {
      unlock();
      throw e;
    }
    const embedded = client;
    // Drizzle's PGlite driver calls only `query` and `transaction`, which the thread's client provides.
    const db = drizzle({ client: embedded as unknown as import('@electric-sql/pglite').PGlite, schema });
    return {
      db: trackChanges(db as unknown as Db),
      kind: 'pglite',
      close: async () => {
        await embedded.close();
        unlock();
      },
      ping: async () => {
        await embedded.query('select 1');
        return true;
      },
      snapshot: () => embedded.dumpDataDir(),
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
  if (target.migrationUrl) {
    const { grantAppRole, roleOf } = await import('./roles.ts');
    const ownerPool = new pg.default.Pool({ connectionString: target.migrationUrl, max: 1 });
    try {
      await migrate(drizzle(ownerPool, { schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await ownerPool.end();
    }
    const appRole = await roleOf(target.url);
    if (appRole !== (await roleOf(target.migrationUrl))) await grantAppRole(target.migrationUrl, appRole);
  } else {
    await migrate(db, { migrationsFolder: MIGRATIONS });
  }
  const tracked = trackChanges(db as unknown as Db);
  // Caches in other processes on the same database learn about changes through NOTIFY.
  const feed = changeFeedFor(tracked);
  const instance = randomUUID();
  const listener = new pg.default.Client({ connectionString: target.url });
  listener.on('error', (err) => {
    if (!closing) process.stderr.write(`PostgreSQL: lyssnaren avbröts: ${err.message}\n`);
  });
  await listener.connect();
  await listener.query('listen kompass_changes');
  listener.on('notification', (n) => {
    if (n.payload !== instance) feed.bumpRemote();
  });
  feed.publish = () => {
    if (!closing) pool.query('select pg_notify($1, $2)', ['kompass_changes', instance]).catch(() => undefined);
  };
  return {
    db: tracked,
    kind: 'postgres',
    close: async () => {
      closing = true;
      await listener.end().catch(() => undefined);
      await pool.end();
    },
    ping: async () => {
      await pool.query('select 1');
      return true;
    },
  };
}
