/**
 * kill -9 during a burst of writes: the real server (`kompass serve`) as a child process on a temp
 * data dir (PGlite) or a temp PostgreSQL database (KOMPASS_TEST_DB=postgres). Every write the server
 * acknowledged must be there after a restart, and the data dir must open again (stale lock).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { runCli, signIn as signInAs, startServer, type ServerProcess } from '../helpers/server-process.ts';

const EMAIL = 'krasch-admin@test.kompass.se';
const PASSWORD = 'korrekt-hast-batteri-9';
const signIn = (base: string) => signInAs(base, EMAIL, PASSWORD);

void test(`kill -9 during a burst of writes loses no acknowledged write (${testDbKind()})`, { timeout: 300_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-crash-'));
  const pg = testDbKind() === 'postgres' ? await createTestDatabase() : null;
  const env = { ...process.env, KOMPASS_DATA_DIR: dir, DATABASE_URL: pg?.url ?? '', LOG_LEVEL: 'silent' };
  const children: ServerProcess[] = [];
  const serve = async (): Promise<ServerProcess> => {
    const server = await startServer(env);
    children.push(server);
    return server;
  };
  try {
    runCli(['user', 'create-admin', '--email', EMAIL, '--password', PASSWORD], env);

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
    await second.stop();
  } finally {
    for (const { child: c } of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    await pg?.drop().catch(() => undefined);
  }
});
