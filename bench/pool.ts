/**
 * Worker pool benchmark.
 * - Render-pool throughput: PDF renders per second of Burlöv 2020's report with 1 worker and with N
 *   (each render a different view model, so no cache helps), after every worker is warm.
 * - Event-loop delay during a mixed load on a real listening server (embedded database, demo data):
 *   the summary endpoint under load from a separate process, while uploads (a real report as DOCX and
 *   PDF, a Word zip bomb, a PDF flate bomb) and report renders (every demo evaluation, PDF and DOCX)
 *   go on; `perf_hooks.monitorEventLoopDelay` in the server process gives p50/p99/max.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { SYSTEM } from '../src/domain/access.ts';
import { buildApp } from '../src/http/app.ts';
import { buildReportViewModel } from '../src/reports/view-model.ts';
import { openRuntime } from '../src/runtime.ts';
import { seedDemoData } from '../src/services/demo.service.ts';
import { createTaskRunner } from '../src/workers/index.ts';
import { flateBombPdf, paragraphBombDocx } from '../test/helpers/hostile-files.ts';
import { renderDocx, renderPdf } from '../test/unit/importer/fixtures.ts';
import { burlovReportInput } from '../test/unit/reports/fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');
const SEEDS = path.resolve(root, '..', 'shared/seeds');

async function throughput(workers: number, renders: number): Promise<number> {
  const runner = createTaskRunner({ size: workers, memoryMb: 768, timeoutSeconds: 120 });
  try {
    const vm = (i: number) => buildReportViewModel(burlovReportInput({ evaluation: { summary: `Körning ${i}: kommunen styr och leder verksamheten.` } }));
    await Promise.all(Array.from({ length: workers }, (_, i) => runner.render({ format: 'pdf', vm: vm(-1 - i) }))); // warm every worker
    const t0 = performance.now();
    await Promise.all(Array.from({ length: renders }, (_, i) => runner.render({ format: 'pdf', vm: vm(i) })));
    return renders / ((performance.now() - t0) / 1000);
  } finally {
    await runner.close();
  }
}

/** Runs one of the bench's client scripts in its own process and parses the JSON it prints. */
function clientProcess<T>(script: string, url: string, seconds: number, concurrency: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', script), url, String(seconds), String(concurrency)], { cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${script} failed`))));
  });
}

type Load = { rps: number; p50: number; p99: number; requests: number; errors: number };
const loadProcess = (url: string, seconds: number, concurrency: number) => clientProcess<Load>('load.ts', url, seconds, concurrency);

async function mixedLoad(): Promise<Array<{ name: string; value: string }>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-bench-pool-'));
  const config = loadConfig({ KOMPASS_DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0' });
  const runtime = await openRuntime(config);
  await seedDemoData(runtime.services);
  const app = await buildApp({ config, database: runtime.database, services: runtime.services, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const password = 'korrekt-hast-batteri-9';
    await runtime.services.users.createUser({ input: { email: 'bench@kompass.test', name: 'Bench', role: 'evaluator', password }, viewer: SYSTEM });
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@kompass.test', password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };

    const seed = fs.readdirSync(SEEDS).find((f) => f.startsWith('001') && f.endsWith('.txt'));
    const text = seed ? fs.readFileSync(path.join(SEEDS, seed), 'utf8') : 'Kommunkompassen';
    const uploads: Array<[string, Buffer]> = [
      ['bomb.docx', paragraphBombDocx(60)],
      ['rapport.docx', Buffer.from(await renderDocx(text))],
      ['bomb.pdf', await flateBombPdf(400)],
      ['rapport.pdf', Buffer.from(await renderPdf(text))],
    ];
    const evaluations = (await runtime.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { limit: 1000 } })).items;
    const summaryOf = evaluations[0];
    if (!summaryOf) throw new Error('demo data missing');

    // Warm the pool so start-up is not measured.
    await fetch(`${base}/api/evaluations/${summaryOf.id}/report.pdf`).then((r) => r.arrayBuffer());

    const ms = (ns: number): string => `${(ns / 1e6).toFixed(1)} ms`;
    // Baseline on the same machine at the same time: the summary load alone.
    const quiet = monitorEventLoopDelay({ resolution: 10 });
    quiet.enable();
    const alone = await loadProcess(`${base}/api/evaluations/${summaryOf.id}/summary`, 6, 8);
    quiet.disable();

    const seconds = 12;
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const until = performance.now() + seconds * 1000;
    const counts = { uploads: 0, refused: 0, renders: 0 };
    const uploadLoop = (async () => {
      for (let i = 0; performance.now() < until; i += 1) {
        const [name, bytes] = uploads[i % uploads.length] ?? uploads[0] ?? ['x.txt', Buffer.alloc(1)];
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)]), name);
        const res = await fetch(`${base}/api/imports/preview`, { method: 'POST', body: form, headers });
        await res.arrayBuffer();
        counts.uploads += 1;
        if (res.status >= 400) counts.refused += 1;
      }
    })();
    const renderLoop = (async () => {
      for (let i = 0; performance.now() < until; i += 1) {
        const ev = evaluations[Math.floor(i / 2) % evaluations.length] ?? summaryOf;
        const res = await fetch(`${base}/api/evaluations/${ev.id}/report.${i % 2 === 0 ? 'pdf' : 'docx'}`);
        await res.arrayBuffer();
        if (res.status === 200) counts.renders += 1;
      }
    })();
    const summary = await loadProcess(`${base}/api/evaluations/${summaryOf.id}/summary`, seconds, 8);
    await Promise.all([uploadLoop, renderLoop]);
    histogram.disable();

    // Eight anonymous clients posting ~1.8 MB deeply nested bodies to a protected route, while one
    // client asks for the health check; baseline: the health check alone, just before.
    const healthAlone = await loadProcess(`${base}/api/health`, 5, 1);
    const flooded = monitorEventLoopDelay({ resolution: 10 });
    flooded.enable();
    const [healthFlooded, flood] = await Promise.all([
      loadProcess(`${base}/api/health`, 8, 1),
      clientProcess<{ requests: number; statuses: Record<string, number>; bytes: number }>('flood.ts', `${base}/api/evaluations`, 8, 8),
    ]);
    flooded.disable();
    const statuses = Object.entries(flood.statuses).map(([k, v]) => `${v}× ${k}`).join(', ');
    return [
      { name: 'Event-loop delay, summary load alone (6 s): p50 / p99 / max', value: `${ms(quiet.percentile(50))} / ${ms(quiet.percentile(99))} / ${ms(quiet.max)}` },
      { name: 'Summary endpoint alone (8 connections)', value: `${alone.rps.toFixed(0)} req/s, p99 ${alone.p99.toFixed(1)} ms (${alone.errors} errors)` },
      { name: `Event-loop delay during mixed load (${seconds} s): p50 / p99 / max`, value: `${ms(histogram.percentile(50))} / ${ms(histogram.percentile(99))} / ${ms(histogram.max)}` },
      { name: 'Mixed load: summary endpoint alongside (8 connections)', value: `${summary.rps.toFixed(0)} req/s, p99 ${summary.p99.toFixed(1)} ms (${summary.errors} errors)` },
      { name: 'Mixed load: uploads read (of which refused bombs) / reports rendered', value: `${counts.uploads} (${counts.refused}) / ${counts.renders}` },
      { name: 'Health check alone (1 client): p50 / p99', value: `${healthAlone.p50.toFixed(1)} / ${healthAlone.p99.toFixed(1)} ms` },
      { name: `Health check while 8 anonymous clients post ${(flood.bytes / 1e6).toFixed(1)} MB nested bodies: p50 / p99`, value: `${healthFlooded.p50.toFixed(1)} / ${healthFlooded.p99.toFixed(1)} ms (${(healthFlooded.p50 / healthAlone.p50).toFixed(1)}× alone; ${flood.requests} hostile requests: ${statuses})` },
      { name: 'Event-loop delay during the anonymous flood: p50 / p99 / max', value: `${ms(flooded.percentile(50))} / ${ms(flooded.percentile(99))} / ${ms(flooded.max)}` },
    ];
  } finally {
    await app.close();
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPool(): Promise<Array<{ name: string; value: string }>> {
  const rows: Array<{ name: string; value: string }> = [];
  const n = Math.max(2, Math.min(4, os.availableParallelism()));
  const renders = 6;
  const one = await throughput(1, renders);
  const many = await throughput(n, renders);
  rows.push({ name: 'Render pool: PDF renders/s with 1 worker', value: `${one.toFixed(2)} /s (${renders} renders)` });
  rows.push({ name: `Render pool: PDF renders/s with ${n} workers`, value: `${many.toFixed(2)} /s (${(many / one).toFixed(2)}×)` });
  rows.push(...(await mixedLoad()));
  return rows;
}
