/**
 * A fresh, migrated database per test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by KOMPASS_TEST_DATABASE_URL (when KOMPASS_TEST_DB=postgres).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/db/client.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { seedDemoData } from '../../src/services/demo.service.ts';
import type { MailSettings } from '../../src/services/notification.service.ts';

export interface TestContext {
  database: Database;
  services: Services;
  close(): Promise<void>;
}

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.KOMPASS_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/**
 * What a fresh test database holds: the migrated schema only, plus the reference data (municipalities,
 * framework catalogue, concordances), plus the demo evaluations.
 */
export type TestContents = 'migrated' | 'reference' | 'demo';

/**
 * Building a database from the migrations costs seconds of CPU (PGlite's initdb, the migrations, the demo
 * import through the services); a test run creates about a hundred of them. Each kind is built once per
 * version of the code and then copied: PGlite from a saved data directory, PostgreSQL from a template
 * database. The key covers every source file and the PGlite version, so a change to a migration, the
 * reference data or the demo rebuilds it. KOMPASS_TEST_SNAPSHOTS=0 builds every database from scratch.
 */
const snapshotsOn = process.env.KOMPASS_TEST_SNAPSHOTS !== '0';
const root = path.resolve(import.meta.dirname, '../..');
let keyMemo: string | undefined;
function snapshotKey(): string {
  if (keyMemo) return keyMemo;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else hash.update(`${path.relative(root, p)}\0`).update(fs.readFileSync(p));
    }
  };
  walk(path.join(root, 'src'));
  hash.update(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  keyMemo = hash.digest('hex').slice(0, 16);
  return keyMemo;
}

async function fill(database: Database, contents: TestContents): Promise<void> {
  if (contents === 'migrated') return;
  const services = createServices(database.db);
  try {
    await services.ensureReferenceData();
    if (contents === 'demo') await seedDemoData(services);
  } finally {
    await services.notifications.stop();
    await services.tasks.close();
  }
}

const snapshotFile = (contents: TestContents): string => path.join(os.tmpdir(), 'kompass-test-snapshots', `${snapshotKey()}-${contents}.tar`);

async function pgliteDatabase(contents: TestContents): Promise<Database> {
  if (!snapshotsOn) {
    const database = await openDatabase({ kind: 'pglite', dir: null });
    await fill(database, contents);
    return database;
  }
  const file = snapshotFile(contents);
  if (fs.existsSync(file)) return openDatabase({ kind: 'pglite', dir: null, snapshot: new Blob([fs.readFileSync(file)]) });
  const database = await openDatabase({ kind: 'pglite', dir: null });
  await fill(database, contents);
  await database.db.execute(sql`checkpoint`);
  const tar = Buffer.from(await (await database.snapshot!()).arrayBuffer());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: a test file starting meanwhile never reads half a snapshot.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(partial, tar);
  fs.renameSync(partial, file);
  return database;
}

/** An in-memory PGlite target that starts with the given contents (for code that opens its own runtime). */
export async function pgliteTarget(contents: TestContents): Promise<DatabaseTarget> {
  if (!snapshotsOn) return { kind: 'pglite', dir: null };
  if (!fs.existsSync(snapshotFile(contents))) await (await pgliteDatabase(contents)).close();
  return { kind: 'pglite', dir: null, snapshot: new Blob([fs.readFileSync(snapshotFile(contents))]) };
}

async function withAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const urlOf = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** CREATE DATABASE … TEMPLATE refuses while a connection to the template is still closing: retry briefly. */
async function copyDatabase(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The template database of this kind and code version, built once under an advisory lock. */
async function postgresTemplate(url: string, contents: TestContents): Promise<string> {
  const template = `kompass_tpl_${snapshotKey()}_${contents}`;
  await withAdmin(url, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', ['kompass-test-templates']);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount) return;
      const building = `${template}_b`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const database = await openDatabase({ kind: 'postgres', url: urlOf(url, building) });
      try {
        await fill(database, contents);
      } finally {
        await database.close();
      }
      for (let attempt = 0; ; attempt += 1) {
        try {
          await admin.query(`alter database ${building} rename to ${template}`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      // Templates of earlier versions of the code: keep the newest few of each kind.
      const old = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 and datname <> $2 order by oid desc offset 8`,
        [`kompass\\_tpl\\_%\\_${contents}`, template],
      );
      for (const r of old.rows) await admin.query(`drop database if exists ${r.datname}`).catch(() => undefined);
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', ['kompass-test-templates']);
    }
  });
  return template;
}

export async function createTestDatabase(opts: { contents?: TestContents } = {}): Promise<{ database: Database; drop(): Promise<void>; url?: string }> {
  const contents = opts.contents ?? 'migrated';
  if (testDbKind() === 'pglite') {
    const database = await pgliteDatabase(contents);
    return { database, drop: () => database.close() };
  }
  const url = process.env.KOMPASS_TEST_DATABASE_URL;
  if (!url) throw new Error('KOMPASS_TEST_DB=postgres needs KOMPASS_TEST_DATABASE_URL');
  const name = `kompass_t_${randomBytes(6).toString('hex')}`;
  if (snapshotsOn) {
    const template = await postgresTemplate(url, contents);
    await withAdmin(url, (admin) => copyDatabase(admin, name, template));
  } else {
    await withAdmin(url, (admin) => admin.query(`create database ${name}`));
  }
  const database = await openDatabase({ kind: 'postgres', url: urlOf(url, name) });
  if (!snapshotsOn) await fill(database, contents);
  return {
    database,
    url: urlOf(url, name),
    drop: async () => {
      await database.close();
      await withAdmin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export async function createTestServices(opts: { mail?: MailSettings; demo?: boolean } = {}): Promise<TestContext> {
  const { database, drop } = await createTestDatabase({ contents: opts.demo ? 'demo' : 'reference' });
  const services = createServices(database.db, opts.mail ? { mail: opts.mail } : {});
  await services.ensureReferenceData();
  return { database, services, close: drop };
}
