import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function kompass(args: string[], dataDir: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/kompass.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KOMPASS_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('kompass frameworks list / show over the embedded database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-cli-'));
  try {
    const list = kompass(['frameworks', 'list', '--json'], dir);
    assert.equal(list.status, 0, list.stderr);
    assert.deepEqual((JSON.parse(list.stdout) as Array<{ id: string }>).map((f) => f.id), ['kk2010', 'kk2020']);
    const show = kompass(['frameworks', 'show', 'kk2020'], dir);
    assert.equal(show.status, 0, show.stderr);
    assert.match(show.stdout, /7\.2 Strategisk kompetensförsörjning\s+max 40/);
    const missing = kompass(['frameworks', 'show', 'kk1999'], dir);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /kk1999/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('kompass db export → db import into a new data dir → export is identical', () => {
  const a = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-cli-a-'));
  const b = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-cli-b-'));
  try {
    assert.equal(kompass(['db', 'demo'], a).status, 0);
    const file = path.join(a, 'export.json');
    fs.writeFileSync(file, '', { mode: 0o644 });
    const exp = kompass(['db', 'export', file], a);
    assert.equal(exp.status, 0, exp.stderr);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'the export holds password hashes: owner-only, also when the file existed');
    const imp = kompass(['db', 'import', file], b);
    assert.equal(imp.status, 0, imp.stderr);
    assert.match(imp.stdout, /Importerade 7 utvärderingar/);
    const again = kompass(['db', 'export'], b);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, fs.readFileSync(file, 'utf8'));
    const twice = kompass(['db', 'import', file], b);
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /redan utvärderingar/);
    const bad = path.join(a, 'bad.json');
    fs.writeFileSync(bad, '{"format":"något annat"}');
    const refused = kompass(['db', 'import', bad], b);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /kompass-export/);
    fs.writeFileSync(bad, '{"users":[{"passwordHash":"$argon2id$v=19$hemligt"');
    const broken = kompass(['db', 'import', bad], b);
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /inte giltig JSON/);
    assert.doesNotMatch(broken.stderr, /argon2|hemligt/, 'no file content in the message');
  } finally {
    fs.rmSync(a, { recursive: true, force: true });
    fs.rmSync(b, { recursive: true, force: true });
  }
});

test('unknown command and bad flags give usage and exit 2', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-cli-'));
  try {
    const r = kompass(['nope'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Okänt kommando "nope"/);
    const f = kompass(['frameworks', 'list', '--bogus'], dir);
    assert.equal(f.status, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a CLI command refuses the data dir while the server uses it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-cli-lock-'));
  const port = 3700 + Math.floor(Math.random() * 200);
  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, [path.join(root, 'bin/kompass.mjs'), 'serve'], {
    cwd: root,
    env: { ...process.env, KOMPASS_DATA_DIR: dir, DATABASE_URL: '', PORT: String(port), LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      assert.ok(Date.now() < deadline, 'server did not start');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status === 200, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = kompass(['db', 'export'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /används redan av en annan kompass-process \(pid \d+\)/);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('kompass import FILE… --dry-run --json: the preview of each file, a two-column PDF included, nothing saved', async () => {
  const { renderTwoColumnPdf } = await import('../unit/importer/fixtures.ts');
  const { readSeed } = await import('../unit/importer/seeds.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-cli-import-'));
  try {
    const txt = path.join(dir, 'boras-2013.txt');
    const pdf = path.join(dir, 'burlov-2020.pdf');
    fs.writeFileSync(txt, readSeed('002'));
    fs.writeFileSync(pdf, await renderTwoColumnPdf(readSeed('001'), { date: '2020-12-08' }));
    const r = kompass(['import', txt, pdf, '--dry-run', '--json'], path.join(dir, 'data'));
    assert.equal(r.status, 0, r.stderr);
    const previews = JSON.parse(r.stdout) as Array<{
      fileName: string;
      municipality: { code: string; name: string } | null;
      year: number | null;
      total: number | null;
      areas: Array<{ number: number; score: number | null; strengths: string[]; improvements: string[]; texts: Record<string, string> }>;
      parts: Array<{ part: string; found: boolean }>;
      problems: Array<{ severity: string; code: string; message: string; area?: number }>;
    }>;
    assert.deepEqual(previews.map((p) => [p.fileName, p.municipality?.name, p.year, p.total]), [['boras-2013.txt', 'Borås', 2013, 525], ['burlov-2020.pdf', 'Burlöv', 2020, 595]]);
    const burlov = previews[1];
    assert.deepEqual(burlov?.areas.map((a) => [a.strengths.length, a.improvements.length]), [[7, 2], [6, 3], [6, 2], [5, 3], [4, 3], [5, 2], [5, 3], [5, 2]]);
    assert.ok(burlov?.problems.some((p) => p.code === 'two-columns' && p.severity === 'info'));
    for (const p of previews) {
      assert.ok(p.parts.length > 20, 'every part listed');
      for (const pr of p.problems) assert.ok(['error', 'warning', 'info'].includes(pr.severity) && pr.code && pr.message, JSON.stringify(pr));
    }
    // A dry run saves nothing.
    const exported = path.join(dir, 'export.json');
    assert.equal(kompass(['db', 'export', exported], path.join(dir, 'data')).status, 0);
    assert.deepEqual((JSON.parse(fs.readFileSync(exported, 'utf8')) as { evaluations: unknown[] }).evaluations, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
