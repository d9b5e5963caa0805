#!/usr/bin/env node
// Runs every test tier: typecheck, lint, unit, integration (PGlite and PostgreSQL), end-to-end (HTTP, browser).
// Usage: node scripts/test.mjs [tier...]   tiers: typecheck lint unit integration-pglite integration-postgres e2e browser
// A tier whose requirement is missing is skipped with the reason; KOMPASS_REQUIRE_ALL_TIERS=1 turns a skip into a failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const requireAll = process.env.KOMPASS_REQUIRE_ALL_TIERS === '1';
const pgUrl = process.env.KOMPASS_TEST_DATABASE_URL;
const chromium = process.env.KOMPASS_CHROMIUM ?? '/usr/bin/chromium';

function findTests(dir) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.ts')) out.push(path.relative(root, p));
    }
  };
  walk(abs);
  return out.sort();
}

function nodeTests(files, env = {}, concurrency = 2) {
  if (files.length === 0) return { status: 0, note: 'no test files' };
  const args = ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files];
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

function npx(bin, args) {
  return spawnSync(path.join(root, 'node_modules', '.bin', bin), args, { cwd: root, stdio: 'inherit' });
}

// Type checking and linting each use one core: when both are asked for they run side by side.
const together = { typecheck: ['tsc', ['-p', 'tsconfig.json', '--noEmit']], lint: ['eslint', ['--max-warnings', '0', '.']] };

const tiers = {
  typecheck: () => npx(...together.typecheck),
  lint: () => npx(...together.lint),
  unit: () => nodeTests(findTests('test/unit'), {}, 2),
  'integration-pglite': () => nodeTests(findTests('test/integration'), { KOMPASS_TEST_DB: 'pglite' }, 2),
  'integration-postgres': () =>
    pgUrl
      ? nodeTests(findTests('test/integration'), { KOMPASS_TEST_DB: 'postgres' }, 2)
      : { skipped: 'KOMPASS_TEST_DATABASE_URL is not set (no PostgreSQL server); .ci/run starts one' },
  e2e: () => nodeTests(findTests('test/e2e'), { KOMPASS_TEST_DB: 'pglite' }, 2),
  browser: () => {
    if (!fs.existsSync(chromium)) return { skipped: `${chromium} not found (apt-get install chromium)` };
    const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) return build;
    return nodeTests(findTests('test/browser'), { KOMPASS_TEST_DB: 'pglite', KOMPASS_CHROMIUM: chromium }, 2);
  },
};

/** Runs a tool in the background with its output kept, for tiers that may run side by side. */
function background(bin, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', bin), args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (status) => resolve({ status, output: Buffer.concat(out).toString(), secs: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(tiers);
for (const name of wanted) {
  if (!tiers[name]) {
    console.error(`Unknown tier "${name}". Known: ${Object.keys(tiers).join(', ')}`);
    process.exit(2);
  }
}
const results = [];
const early = wanted.includes('typecheck') && wanted.includes('lint') ? Object.fromEntries(Object.entries(together).map(([n, [bin, args]]) => [n, background(bin, args)])) : {};
for (const name of wanted) {
  const run = tiers[name];
  if (early[name]) {
    const r = await early[name];
    console.log(`\n=== ${name} (run alongside ${Object.keys(early).filter((n) => n !== name).join(', ')}) ===`);
    process.stdout.write(r.output);
    results.push({ name, state: r.status === 0 ? 'passed' : 'failed', secs: r.secs });
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = run();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.skipped) results.push({ name, state: 'skipped', reason: r.skipped, secs });
  else results.push({ name, state: r.status === 0 ? 'passed' : 'failed', secs, reason: r.note });
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.state.padEnd(8)} ${r.name.padEnd(22)} ${r.secs}s${r.reason ? `  (${r.reason})` : ''}`);
const failed = results.filter((r) => r.state === 'failed');
const skipped = results.filter((r) => r.state === 'skipped');
if (skipped.length > 0) {
  console.log(`\nSkipped tiers: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`);
  if (requireAll) console.log('KOMPASS_REQUIRE_ALL_TIERS=1: a skipped tier counts as a failure.');
}
const bad = failed.length + (requireAll ? skipped.length : 0);
console.log(`tiers: ${results.length - failed.length - skipped.length} passed, ${bad} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
process.exit(bad > 0 ? 1 : 0);
