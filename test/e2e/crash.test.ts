/**
 * kill -9 during a burst of writes: the real server (`kompass serve`) as a child process on a temp
 * data dir (PGlite) or a temp PostgreSQL database (KOMPASS_TEST_DB=postgres). Every write the server
 * acknowledged must be there after a restart, and the data dir must open again (stale lock).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const EMAIL = 'krasch-admin@test.kompass.se';
const PASSWORD = 'korrekt-hast-batteri-9';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    assert.ok(Date.now() < deadline, 'the server did not start');
    assert.equal(child.exitCode, null, 'the server exited while starting');
    const ok = await fetch(`${base}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
}

void test(`kill -9 during a burst of writes loses no acknowledged write (${testDbKind()})`, { timeout: 300_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-crash-'));
  const pg = testDbKind() === 'postgres' ? await createTestDatabase() : null;
  const env = { ...process.env, KOMPASS_DATA_DIR: dir, DATABASE_URL: pg?.url ?? '', LOG_LEVEL: 'silent' };
  const children: ChildProcess[] = [];
  const serve = async (): Promise<{ base: string; child: ChildProcess }> => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, 'bin/kompass.mjs'), 'serve'], { cwd: root, env: { ...env, PORT: String(port) }, stdio: 'ignore' });
    children.push(child);
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, child);
    return { base, child };
  };
  try {
    const admin = spawnSync(process.execPath, [path.join(root, 'bin/kompass.mjs'), 'user', 'create-admin', '--email', EMAIL, '--password', PASSWORD], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    assert.equal(admin.status, 0, admin.stderr);

    const first = await serve();
    const headers = await signIn(first.base);
    const created = new Map<string, string>();
    let lastPatched: { id: string; version: number; summary: string } | null = null;
    let stop = false;
    let n = 0;

    // Four writers creating evaluations; one changing the same evaluation again and again.
    const creator = async (): Promise<void> => {
      while (!stop) {
        const marker = `krasch ${n++}`;
        const res = await fetch(`${first.base}/api/evaluations`, { method: 'POST', headers, body: JSON.stringify({ municipalityCode: '1231', frameworkId: 'kk2020', year: 2024, summary: marker }) }).catch(() => null);
        if (res?.status === 201) created.set(((await res.json().catch(() => ({}))) as { id?: string }).id ?? '', marker);
      }
    };
    const seed = await fetch(`${first.base}/api/evaluations`, { method: 'POST', headers, body: JSON.stringify({ municipalityCode: '1231', frameworkId: 'kk2020', year: 2023 }) });
    assert.equal(seed.status, 201);
    const target = (await seed.json()) as { id: string; version: number };
    const patcher = async (): Promise<void> => {
      let version = target.version;
      for (let i = 0; !stop; i++) {
        const summary = `ändring ${i}`;
        const res = await fetch(`${first.base}/api/evaluations/${target.id}`, { method: 'PATCH', headers, body: JSON.stringify({ expectedVersion: version, summary }) }).catch(() => null);
        if (res?.status !== 200) continue;
        const body = (await res.json().catch(() => null)) as { version: number } | null;
        if (!body) continue;
        version = body.version;
        lastPatched = { id: target.id, version, summary };
      }
    };
    const writers = [creator(), creator(), creator(), creator(), patcher()];
    // Kill in the middle of the burst: once enough writes are acknowledged (or after a bounded wait).
    const deadline = Date.now() + 20_000;
    while (created.size < 15 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    stop = true;
    await Promise.all(writers);
    assert.ok(created.size >= 5, `acknowledged creations before the kill: ${created.size}`);

    // Restart on the same data: the stale lock of the killed process must not keep it out.
    const second = await serve();
    const h2 = await signIn(second.base);
    for (const [id, marker] of created) {
      const res = await fetch(`${second.base}/api/evaluations/${id}`, { headers: h2 });
      assert.equal(res.status, 200, `acknowledged evaluation ${id} is missing after kill -9`);
      assert.equal(((await res.json()) as { summary: string }).summary, marker);
    }
    const patched = lastPatched as { id: string; version: number; summary: string } | null;
    if (patched) {
      const now = (await (await fetch(`${second.base}/api/evaluations/${patched.id}`, { headers: h2 })).json()) as { version: number; summary: string };
      assert.ok(now.version >= patched.version, `acknowledged version ${patched.version} survived (now ${now.version})`);
      if (now.version === patched.version) assert.equal(now.summary, patched.summary);
    }
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    await pg?.drop().catch(() => undefined);
  }
});
