/**
 * National scale (`npm run bench scale`): a synthetic archive (`kompass db synth`) of 2,400 published
 * evaluations imported with `kompass db import`, served by bench/scale-server.ts in its own process.
 * Measures the import, good-example search (p50/p95, health while a search runs), the throughput of
 * the list, summary, municipality and compare endpoints against the empty route of the same run,
 * the event-loop delay in the server during each load, the score index's memory per evaluation and
 * the server's RSS after a mixed load.
 * KOMPASS_BENCH_24000=1 adds the same at 24,000 evaluations, written with `kompass db synth --into-database
 * --texts-every 10` (no JSON document; full texts in 2,400 of them);
 * KOMPASS_BENCH_DATABASE_URL=postgres://… (a server where the role may create databases) repeats
 * the runs on PostgreSQL in a database created and dropped for the run.
 * KOMPASS_BENCH_SCALE_EXISTING=<PGlite data dir or postgres:// URL> measures the server over an archive
 * imported before (no synth, no import): for repeated measurements of the endpoints.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundled } from '../bin/bundle.mjs';
import type { BenchRow } from './run.ts';

const root = path.resolve(import.meta.dirname, '..');
const QUERIES = ['medborgardialog', 'styrning', 'kvalitet brukare', 'digitalisering', 'ledarskap medarbetare', 'hållbarhet', 'näringsliv samverkan', 'jämförelser', 'invånare', 'effektivitet strategi', 'klimatanpassning', 'budgetdialog'];

interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}
interface Stats {
  eld: { max: number; p99: number; p50: number };
  rssMb: number;
  heapMb: number;
  arrayBuffersMb: number;
  index: { size: number; reloaded: number };
}

function kompass(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/kompass.mjs'), ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 2 ** 30 });
  if (r.status !== 0) throw new Error(`kompass ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
}

function load(url: string, seconds: number, concurrency: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/load.ts'), url, String(seconds), String(concurrency)], { cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error('load generator failed'))));
  });
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ base: string; child: ChildProcess }> {
  // Run as `kompass serve` runs: the plain-JavaScript bundle of the sources (bin/bundle.mjs), else through tsx.
  const source = new URL('./scale-server.ts', import.meta.url);
  const entry = await bundled(source);
  const args = entry ? [fileURLToPath(entry)] : ['--import', 'tsx', fileURLToPath(source)];
  const child = spawn(process.execPath, ['--expose-gc', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', () => reject(new Error('bench server exited')));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const f0 = (n: number): string => n.toFixed(0);

async function measure(label: string, n: number, env: NodeJS.ProcessEnv, add: (name: string, value: string) => void, imported = false): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-scale-'));
  try {
    if (!imported && n > 2400) {
      // Ten times the archive: written straight into the database in batches (as a JSON document it would
      // be 1.9 GB), full texts in every tenth evaluation (2,400 with texts, as in the smaller archive).
      const t0 = performance.now();
      kompass(['db', 'synth', '--evaluations', String(n), '--seed', '1', '--texts-every', '10', '--into-database'], env);
      add(`${label}: \`db synth --into-database\` of ${n.toLocaleString('en')} evaluations (texts in every tenth)`, `${f0((performance.now() - t0) / 1000)} s`);
    } else if (!imported) {
      const file = path.join(tmp, 'archive.json');
      kompass(['db', 'synth', '--evaluations', String(n), '--seed', '1', file], { ...env, KOMPASS_DATA_DIR: path.join(tmp, 'synth'), DATABASE_URL: '' });
      const t0 = performance.now();
      kompass(['db', 'import', file], env);
      add(`${label}: \`db import\` of ${n.toLocaleString('en')} evaluations`, `${f0((performance.now() - t0) / 1000)} s (${f0(fs.statSync(file).size / 1e6)} MB JSON)`);
      fs.rmSync(file);
    }
    const { base, child } = await startServer(env);
    // The machine may be shared: the load average with the figures (ratios within one run are what compare).
    const loadAt = (): string => os.loadavg().map((l) => l.toFixed(1)).join(', ');
    const loadBefore = loadAt();
    try {
      const get = async <T>(p: string): Promise<T> => (await (await fetch(`${base}${p}`)).json()) as T;
      const stats = (): Promise<Stats> => get<Stats>('/bench/stats');
      const reset = async (): Promise<void> => void (await fetch(`${base}/bench/reset`, { method: 'POST' }));

      // The score index is built on first use: its memory is the heap after minus before (both after a GC).
      const idle = await stats();
      const list = await get<{ items: Array<{ id: string; municipality: { code: string } }>; count: number }>('/api/evaluations?limit=500');
      const built = await stats();
      const grown = built.heapMb + built.arrayBuffersMb - (idle.heapMb + idle.arrayBuffersMb);
      add(
        `${label}: score index`,
        `${built.index.size} evaluations, ${f0((grown * 2 ** 20) / Math.max(1, built.index.size))} bytes per evaluation (heap ${f0(idle.heapMb)} → ${f0(built.heapMb)} MB, array buffers ${f0(idle.arrayBuffersMb)} → ${f0(built.arrayBuffersMb)} MB)`,
      );

      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const q of QUERIES) {
          const t = performance.now();
          const r = await fetch(`${base}/api/good-examples?q=${encodeURIComponent(q)}`);
          await r.arrayBuffer();
          if (round > 0) times.push(performance.now() - t);
        }
      }
      times.sort((a, b) => a - b);
      add(`${label}: search \`GET /api/good-examples?q=…\` (${QUERIES.length} queries, 2nd and 3rd round)`, `p50 ${f0(pct(times, 50))} ms, p95 ${f0(pct(times, 95))} ms, max ${f0(times.at(-1) ?? NaN)} ms (target p95 < 50)`);
      const slow = fetch(`${base}/api/good-examples?q=kvalitet`).then((r) => r.arrayBuffer());
      await new Promise((r) => setTimeout(r, 20));
      const th = performance.now();
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      const health = performance.now() - th;
      await slow;
      add(`${label}: \`GET /api/health\` while a search runs`, `${f0(health)} ms`);

      const ids = list.items.map((e) => e.id);
      const codes = [...new Set(list.items.map((e) => e.municipality.code))];
      const routes: Array<[string, string]> = [
        ['list `GET /api/evaluations` (50 per page, 20 offsets)', Array.from({ length: 20 }, (_, i) => `${base}/api/evaluations?offset=${i * 50}`).join('|')],
        ['summary `GET /api/evaluations/:id/summary` (200 ids)', ids.slice(0, 200).map((id) => `${base}/api/evaluations/${id}/summary`).join('|')],
        ['municipality page (`/api/municipalities/:code` + its evaluations, 100 municipalities)', codes.slice(0, 100).flatMap((c) => [`${base}/api/municipalities/${c}`, `${base}/api/evaluations?municipality=${c}&limit=100`]).join('|')],
        [
          'compare page (municipality choices, one municipality\'s evaluations, 4 summaries, the comparison)',
          codes.slice(0, 20).flatMap((c, i) => {
            const four = ids.slice(200 + 4 * i, 204 + 4 * i);
            return [`${base}/api/municipalities?limit=400`, `${base}/api/evaluations?municipality=${c}&limit=100`, ...four.map((id) => `${base}/api/evaluations/${id}/summary`), `${base}/api/comparisons?ids=${four.join(',')}`];
          }).join('|'),
        ],
      ];
      const seconds = 6;
      const conc = 8;
      await reset();
      const empty = await load(`${base}/bench/empty`, seconds, conc);
      const emptyEld = (await stats()).eld;
      add(`${label}: empty route (baseline)`, `${f0(empty.rps)} req/s, p99 ${empty.p99.toFixed(1)} ms; event loop max ${emptyEld.max} ms, p99 ${emptyEld.p99} ms`);
      for (const [name, urls] of routes) {
        await reset();
        const r = await load(urls, seconds, conc);
        const eld = (await stats()).eld;
        add(`${label}: ${name}`, `${f0(r.rps)} req/s (**${(r.rps / empty.rps).toFixed(2)}×** empty), p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors; event loop max ${eld.max} ms, p99 ${eld.p99} ms`);
      }
      const searches = QUERIES.map((q) => `${base}/api/good-examples?q=${encodeURIComponent(q)}`);
      await reset();
      const mixed = await load([...routes.map(([, u]) => u), ...searches].join('|'), 10, conc);
      const after = await stats();
      add(`${label}: mixed load (all of the above and searches, 10 s)`, `${f0(mixed.rps)} req/s, p99 ${mixed.p99.toFixed(1)} ms, ${mixed.errors} errors; event loop max ${after.eld.max} ms, p99 ${after.eld.p99} ms; server RSS after ${f0(after.rssMb)} MB (target < 400)`);
      add(`${label}: load average (1, 5, 15 min) before and after`, `${loadBefore} → ${loadAt()} on ${os.cpus().length} cores`);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function benchScale(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (name: string, value: string): void => {
    rows.push({ name, value });
    process.stderr.write(`  ${name}: ${value}\n`);
  };
  const base = { ...process.env, LOG_LEVEL: 'silent' };
  // A data dir (PGlite) or database URL that already holds an imported archive: measure the server only.
  const existing = process.env.KOMPASS_BENCH_SCALE_EXISTING;
  if (existing) {
    const pgDir = existing.startsWith('postgres') ? fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-scale-pgdir-')) : null;
    try {
      const env = pgDir ? { ...base, DATABASE_URL: existing, KOMPASS_DATA_DIR: pgDir } : { ...base, DATABASE_URL: '', KOMPASS_DATA_DIR: existing };
      await measure(pgDir ? 'PostgreSQL, imported' : 'PGlite, imported', 0, env, add, true);
    } finally {
      if (pgDir) fs.rmSync(pgDir, { recursive: true, force: true });
    }
    return rows;
  }
  const sizes = [2400, ...(process.env.KOMPASS_BENCH_24000 === '1' ? [24000] : [])];
  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-scale-db-'));
    try {
      await measure(`PGlite, ${n.toLocaleString('en')}`, n, { ...base, DATABASE_URL: '', KOMPASS_DATA_DIR: dir }, add);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const pgUrl = process.env.KOMPASS_BENCH_DATABASE_URL;
    if (pgUrl) {
      const pg = await import('pg');
      const name = `kompass_bench_${process.pid}_${n}`;
      const admin = new pg.default.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(pgUrl);
        url.pathname = `/${name}`;
        await measure(`PostgreSQL, ${n.toLocaleString('en')}`, n, { ...base, DATABASE_URL: url.toString(), KOMPASS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-scale-pgdir-')) }, add);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  }
  return rows;
}
