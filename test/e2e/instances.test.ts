/**
 * Two app processes (`kompass serve` twice) on one PostgreSQL database, as two instances behind a
 * load balancer: sign-in throttling, pending single sign-ons and cache invalidation are shared.
 * PostgreSQL only: an embedded PGlite database belongs to one process.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { startProvider } from '../helpers/oidc-provider.ts';
import { runCli, signIn, startServer, type ServerProcess } from '../helpers/server-process.ts';

const ADMIN = { email: 'instanser-admin@test.kompass.se', password: 'korrekt-hast-batteri-9' };

void describe('two app processes on one PostgreSQL behave as one', { skip: testDbKind() !== 'postgres' && 'PostgreSQL only', timeout: 240_000 }, () => {
  const provider = startProvider();
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dir = '';
  let a: ServerProcess;
  let b: ServerProcess;

  before(async () => {
    const issuer = await provider.listen();
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-instances-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url ?? '',
      KOMPASS_DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      KOMPASS_OIDC_ISSUER: issuer,
      KOMPASS_OIDC_CLIENT_ID: 'kompass',
      KOMPASS_OIDC_CLIENT_SECRET: 'hemlig-klient',
      KOMPASS_OIDC_ROLE_CLAIM: 'groups',
      KOMPASS_OIDC_ROLE_MAP: 'kompass-utv=evaluator',
      KOMPASS_PUBLIC_URL: 'http://kompass.test',
    };
    runCli(['user', 'create-admin', '--email', ADMIN.email, '--password', ADMIN.password], env);
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await provider.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  void test('wrong passwords sent to A slow down sign-in on B', async () => {
    const admin = await signIn(a.base, ADMIN.email, ADMIN.password);
    const user = { email: 'delad@test.kompass.se', name: 'Delad', role: 'evaluator', password: 'korrekt-hast-batteri-9' };
    const created = await fetch(`${a.base}/api/users`, { method: 'POST', headers: admin, body: JSON.stringify(user) });
    assert.equal(created.status, 201, await created.text());
    const login = (base: string, password: string) =>
      fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password }) });
    for (let i = 0; i < 5; i += 1) assert.equal((await login(a.base, 'fel-lösenord-000')).status, 401);
    const onB = await login(b.base, user.password);
    assert.equal(onB.status, 429, await onB.clone().text());
    assert.match(String(onB.headers.get('retry-after')), /^\d+$/);
  });

  void test('a single sign-on started on A completes on B, once', async () => {
    provider.state.mode = 'ok';
    provider.state.next = { sub: 'u-delad', email: 'sso.delad@kommun.se', email_verified: true, name: 'SSO Delad', groups: ['kompass-utv'] };
    const start = await fetch(`${a.base}/api/auth/oidc/login?next=/kommuner`, { redirect: 'manual' });
    assert.equal(start.status, 302, await start.text());
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const back = new URL((await fetch(start.headers.get('location') ?? '', { redirect: 'manual' })).headers.get('location') ?? '');
    const done = await fetch(`${b.base}${back.pathname}${back.search}`, { headers: { cookie }, redirect: 'manual' });
    assert.equal(done.status, 302, await done.text());
    assert.equal(done.headers.get('location'), '/kommuner');
    const again = await fetch(`${a.base}${back.pathname}${back.search}`, { headers: { cookie }, redirect: 'manual' });
    assert.equal(again.status, 401);
  });

  void test('a framework changed through A is served changed by B', async () => {
    const admin = await signIn(a.base, ADMIN.email, ADMIN.password);
    const read = async (base: string) => (await (await fetch(`${base}/api/frameworks/kk2020`)).json()) as { version: number; notes: string };
    const before = await read(b.base);
    const put = await fetch(`${a.base}/api/frameworks/kk2020`, { method: 'PUT', headers: admin, body: JSON.stringify({ notes: 'Ändrad via A.', expectedVersion: before.version }) });
    assert.equal(put.status, 200, await put.text());
    let seen = '';
    for (let i = 0; i < 50 && seen !== 'Ändrad via A.'; i += 1) {
      seen = (await read(b.base)).notes;
      if (seen !== 'Ändrad via A.') await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(seen, 'Ändrad via A.');
  });
});
