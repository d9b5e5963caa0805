/**
 * A fresh, migrated database per test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by KOMPASS_TEST_DATABASE_URL (when KOMPASS_TEST_DB=postgres).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import type { MailSettings } from '../../src/services/notification.service.ts';

export interface TestContext {
  database: Database;
  services: Services;
  close(): Promise<void>;
}

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.KOMPASS_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export async function createTestDatabase(): Promise<{ database: Database; drop(): Promise<void>; url?: string }> {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dir: null });
    return { database, drop: () => database.close() };
  }
  const url = process.env.KOMPASS_TEST_DATABASE_URL;
  if (!url) throw new Error('KOMPASS_TEST_DB=postgres needs KOMPASS_TEST_DATABASE_URL');
  const name = `kompass_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: u.toString() });
  return {
    database,
    url: u.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestServices(opts: { mail?: MailSettings } = {}): Promise<TestContext> {
  const { database, drop } = await createTestDatabase();
  const services = createServices(database.db, opts.mail ? { mail: opts.mail } : {});
  await services.ensureReferenceData();
  return { database, services, close: drop };
}
