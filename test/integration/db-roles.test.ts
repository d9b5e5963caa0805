/**
 * PostgreSQL with two roles: the owner migrates; the application role has data rights only, so it can
 * neither disable the audit trigger nor delete from audit_log. (PGlite is single-user: skipped there.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { SYSTEM } from '../../src/domain/access.ts';
import { createServices } from '../../src/services/index.ts';
import { testDbKind } from '../helpers/db.ts';

const serverUrl = process.env.KOMPASS_TEST_DATABASE_URL;

void describe('audit trigger owned by a role the application does not have (PostgreSQL)', { skip: testDbKind() !== 'postgres' && 'PostgreSQL only (PGlite is single-user)' }, () => {
  const tag = randomBytes(5).toString('hex');
  const dbName = `kompass_roles_${tag}`;
  const role = `kompass_app_${tag}`;
  let ownerUrl = '';
  let appUrl = '';
  let database: Database;
  const admin = async (sql: string, url = serverUrl ?? ''): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };

  before(async () => {
    await admin(`create database ${dbName}`);
    await admin(`create role ${role} login password 'app-${tag}'`);
    const u = new URL(serverUrl ?? '');
    u.pathname = `/${dbName}`;
    ownerUrl = u.toString();
    u.username = role;
    u.password = `app-${tag}`;
    appUrl = u.toString();
    database = await openDatabase({ kind: 'postgres', url: appUrl, migrationUrl: ownerUrl });
  });
  after(async () => {
    await database.close();
    await admin(`drop database if exists ${dbName} with (force)`);
    await admin(`drop role if exists ${role}`);
  });

  const asApp = async (sql: string): Promise<string> => {
    const c = new pg.Client({ connectionString: appUrl });
    await c.connect();
    try {
      await c.query(sql);
      return 'ok';
    } catch (e) {
      return (e as { code?: string }).code ?? 'error';
    } finally {
      await c.end();
    }
  };

  void test('the app works as the application role and writes the audit trail', async () => {
    const services = createServices(database.db);
    await services.ensureReferenceData();
    const u = await services.users.createUser({ viewer: SYSTEM, input: { email: `roll-${tag}@test.kompass.se`, name: 'Roll', role: 'evaluator' } });
    assert.equal((await services.audit.listEntries({ entity: 'user', entityId: u.id })).length, 1);
  });

  void test('the application role cannot disable the trigger, nor update, delete, truncate or drop audit_log', async () => {
    // 42501 insufficient_privilege; 42501/42809 for ALTER by a non-owner ("must be owner").
    for (const sql of ['alter table audit_log disable trigger all', 'alter table audit_log disable trigger audit_log_no_update_delete', 'drop trigger audit_log_no_update_delete on audit_log', 'drop table audit_log']) {
      assert.equal(await asApp(sql), '42501', sql);
    }
    for (const sql of ['delete from audit_log', "update audit_log set actor_name = 'x'", 'truncate audit_log']) assert.equal(await asApp(sql), '42501', sql);
    assert.equal(await asApp('select count(*) from audit_log'), 'ok');
  });

  void test('the owner role still cannot change the trail without disabling the trigger on purpose', async () => {
    const c = new pg.Client({ connectionString: ownerUrl });
    await c.connect();
    try {
      await assert.rejects(c.query('delete from audit_log'), /append-only/);
    } finally {
      await c.end();
    }
  });
});
