/**
 * npm run bench: measures on this machine, in one run, and prints a Markdown table.
 * - evaluation summary endpoint vs an empty Fastify route in the same process (req/s, p99, ratio)
 * - cold start to first 200 with an existing data dir, RSS after start
 * - the importer, report, web, worker-pool and follow-up benchmarks when those modules are present
 */
import { SYSTEM } from '../src/domain/access.ts';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { seedDemoData } from '../src/services/demo.service.ts';
import { buildApp } from '../src/http/app.ts';

export interface BenchRow {
  name: string;
  value: string;
}

const root = path.resolve(import.meta.dirname, '..');
const rows: BenchRow[] = [];
const add = (name: string, value: string): void => {
  rows.push({ name, value });
  process.stderr.write(`  ${name}: ${value}\n`);
};

interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/** Runs the load generator in its own process (async: the server under test lives in this process). */
function load(url: string, seconds: number, concurrency: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/load.ts'), url, String(seconds), String(concurrency)], { cwd: root });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator failed: ${err}`))));
  });
}

async function benchHttp(): Promise<void> {
  process.stderr.write('HTTP: summary endpoint vs empty route (embedded database)\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-bench-'));
  const config = loadConfig({ KOMPASS_DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0' });
  const runtime = await openRuntime(config);
  await seedDemoData(runtime.services);
  const app = await buildApp({
    config,
    database: runtime.database,
    services: runtime.services,
    logger: false,
    plugins: [async (a) => void a.get('/bench/empty', async () => ({ ok: true }))],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const list = (await runtime.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: '1231' } })).items[0];
  if (!list) throw new Error('demo data missing');
  const seconds = 8;
  const concurrency = 10;
  const empty = await load(`http://127.0.0.1:${port}/bench/empty`, seconds, concurrency);
  const summary = await load(`http://127.0.0.1:${port}/api/evaluations/${list.id}/summary`, seconds, concurrency);
  add('Empty Fastify route (baseline)', `${empty.rps.toFixed(0)} req/s, p99 ${empty.p99.toFixed(1)} ms (${empty.requests} requests, ${empty.errors} errors)`);
  add('GET /api/evaluations/:id/summary (Burlöv 2020, PGlite)', `${summary.rps.toFixed(0)} req/s, p99 ${summary.p99.toFixed(1)} ms (${summary.requests} requests, ${summary.errors} errors)`);
  add('Summary / empty throughput ratio (target ≥ 0.5)', (summary.rps / empty.rps).toFixed(2));
  await app.close();
  await runtime.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function coldStart(): Promise<void> {
  process.stderr.write('Cold start with an existing data dir\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-cold-'));
  const port = 3900 + Math.floor(Math.random() * 50);
  const run = async (demo: boolean): Promise<{ ms: number; rssMb: number }> => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'bin/kompass.mjs'), 'serve', ...(demo ? ['--demo'] : [])], {
      cwd: root,
      env: { ...process.env, KOMPASS_DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      for (;;) {
        if (performance.now() - started > 60_000) throw new Error('server did not start within 60 s');
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/health`);
          if (res.status === 200) break;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      const ms = performance.now() - started;
      await new Promise((r) => setTimeout(r, 500));
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
      return { ms, rssMb: rssKb / 1024 };
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  await run(true); // creates, migrates and seeds the data dir
  const runs = [await run(false), await run(false), await run(false)];
  const median = [...runs].sort((a, b) => a.ms - b.ms)[1] ?? runs[0];
  if (!median) return;
  add('Cold start to first 200 (existing data dir, median of 3)', `${median.ms.toFixed(0)} ms`);
  add('RSS after start (target < 300 MB)', `${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB`);
  fs.rmSync(dir, { recursive: true, force: true });
}

async function optional(file: string, exportName: string): Promise<void> {
  const full = path.join(root, 'bench', file);
  if (!fs.existsSync(full)) return;
  const mod = (await import(full)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') return;
  process.stderr.write(`${file}\n`);
  const out = (await (fn as () => Promise<BenchRow[]>)()) ?? [];
  for (const r of out) add(r.name, r.value);
}

const only = process.argv.slice(2);
const want = (k: string): boolean => only.length === 0 || only.includes(k);
if (want('http')) await benchHttp();
if (want('start')) await coldStart();
if (want('import')) await optional('import.ts', 'benchImport');
if (want('report')) await optional('report.ts', 'benchReport');
if (want('web')) await optional('web.ts', 'benchWeb');
if (want('pool')) await optional('pool.ts', 'benchPool');
if (want('follow-up')) await optional('follow-up.ts', 'benchFollowUp');
if (want('scale')) await optional('scale.ts', 'benchScale');

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\n### npm run bench — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${cpu}, Node ${process.version}\n`);
console.log('| Measure | Result |\n|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.value} |`);
process.exit(0);
