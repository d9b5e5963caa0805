/**
 * Two app instances on one PostgreSQL database (two Fastify apps over two separate connection pools, as
 * two processes behind a load balancer would be): sign-in throttling, pending single sign-ons and cache
 * invalidation are shared. PostgreSQL only: an embedded PGlite database belongs to one process.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { SYSTEM } from '../../src/domain/access.ts';
import { buildApp } from '../../src/http/app.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { startProvider } from '../helpers/oidc-provider.ts';

interface Instance {
  app: FastifyInstance;
  services: Services;
  database: Database;
}

void describe('two app instances on one PostgreSQL behave as one', { skip: testDbKind() !== 'postgres' && 'PostgreSQL only' }, () => {
  const provider = startProvider();
  let first: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Instance;
  let b: Instance;

  const instance = async (database: Database, issuer: string): Promise<Instance> => {
    const services = createServices(database.db);
    await services.ensureReferenceData();
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      KOMPASS_DATA_DIR: '.tmp/test-data',
      KOMPASS_OIDC_ISSUER: issuer,
      KOMPASS_OIDC_CLIENT_ID: 'kompass',
      KOMPASS_OIDC_CLIENT_SECRET: 'hemlig-klient',
      KOMPASS_OIDC_ROLE_CLAIM: 'groups',
      KOMPASS_OIDC_ROLE_MAP: 'kompass-utv=evaluator',
      KOMPASS_PUBLIC_URL: 'http://kompass.test',
    });
    const app = await buildApp({ config, database, services, logger: false });
    await app.ready();
    return { app, services, database };
  };

  before(async () => {
    const issuer = await provider.listen();
    first = await createTestDatabase();
    a = await instance(first.database, issuer);
    b = await instance(await openDatabase({ kind: 'postgres', url: first.url ?? '' }), issuer);
  });
  after(async () => {
    await a.app.close();
    await b.app.close();
    await b.database.close();
    await first.drop();
    await provider.close();
  });

  void test('a throttle hit on A applies on B', async () => {
    const u = await a.services.users.createUser({ viewer: SYSTEM, input: { email: 'delad@test.kompass.se', name: 'Delad', role: 'evaluator', password: 'korrekt-hast-batteri-9' } });
    for (let i = 0; i < 5; i += 1) {
      const wrong = await a.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'fel-lösenord-000' } });
      assert.equal(wrong.statusCode, 401);
    }
    const onB = await b.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: u.email, password: 'korrekt-hast-batteri-9' } });
    assert.equal(onB.statusCode, 429, onB.body);
    assert.match(String(onB.headers['retry-after']), /^\d+$/);
  });

  void test('a single sign-on started on A completes on B', async () => {
    provider.state.mode = 'ok';
    provider.state.next = { sub: 'u-delad', email: 'sso.delad@kommun.se', email_verified: true, name: 'SSO Delad', groups: ['kompass-utv'] };
    const start = await a.app.inject({ url: '/api/auth/oidc/login?next=/kommuner' });
    assert.equal(start.statusCode, 302, start.body);
    const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
    const back = new URL((await fetch(String(start.headers.location), { redirect: 'manual' })).headers.get('location') ?? '');
    const done = await b.app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie } });
    assert.equal(done.statusCode, 302, done.body);
    assert.equal(done.headers.location, '/kommuner');
    // …once: the pending sign-in is gone on A as well.
    assert.equal((await a.app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie } })).statusCode, 401);
  });

  void test('a change made through A is seen by B (cache invalidation by NOTIFY)', async () => {
    const before = (await b.services.frameworks.getFramework({ id: 'kk2020' })).version;
    await a.services.frameworks.updateFramework({ viewer: SYSTEM, framework: { id: 'kk2020', notes: 'Ändrad via A.' }, expectedVersion: before });
    let seen = '';
    for (let i = 0; i < 50 && seen !== 'Ändrad via A.'; i += 1) {
      seen = (await b.services.frameworks.getFramework({ id: 'kk2020' })).notes;
      if (seen !== 'Ändrad via A.') await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(seen, 'Ändrad via A.');
  });
});
