/**
 * Layer boundaries the code relies on, checked over the source text: queries only in repositories
 * (and the database module), configuration only through src/config.ts, no service function that
 * silently acts as the system, and the import direction domain ← policies ← repositories ← services
 * ← http, with no import cycles among the server modules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'migrations' ? [] : files(p);
    return /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

const sources = files(SRC).map((p) => ({ rel: path.relative(ROOT, p).split(path.sep).join('/'), text: readFileSync(p, 'utf8') }));

/** Relative imports of a module, resolved to repository paths (type-only imports too unless `valuesOnly`). */
function importsOf(rel: string, text: string, valuesOnly = false): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s([^'"]*?)from\s+'([^']+)'/gm)) {
    if (valuesOnly && /^type\s/.test(m[1] ?? '')) continue;
    const spec = m[2] ?? '';
    if (spec.startsWith('.')) out.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec)));
  }
  return out;
}

const under = (rel: string, dir: string): boolean => rel.startsWith(`src/${dir}/`);

void test('drizzle-orm is imported only in src/repositories and src/db', () => {
  const offenders = sources.filter((s) => /from 'drizzle-orm/.test(s.text) && !under(s.rel, 'repositories') && !under(s.rel, 'db')).map((s) => s.rel);
  assert.deepEqual(offenders, []);
});

void test('process.env is read only in src/config.ts', () => {
  const offenders = sources.filter((s) => /process\.env/.test(s.text) && s.rel !== 'src/config.ts').map((s) => s.rel);
  assert.deepEqual(offenders, []);
});

void test('no service function defaults its viewer to SYSTEM (a missing viewer must not act as administrator)', () => {
  const offenders = sources.filter((s) => under(s.rel, 'services') && /viewer\s*=\s*SYSTEM|viewer\?\s*:\s*Viewer/.test(s.text)).map((s) => s.rel);
  assert.deepEqual(offenders, []);
});

void test('layer direction: domain imports only domain; policies only domain; repositories nothing from services or http; services nothing from http', () => {
  const rules: Array<{ layer: string; allowed: (target: string) => boolean }> = [
    { layer: 'domain', allowed: (t) => t.startsWith('src/domain/') },
    { layer: 'policies', allowed: (t) => t.startsWith('src/domain/') || t.startsWith('src/policies/') },
    { layer: 'repositories', allowed: (t) => !t.startsWith('src/services/') && !t.startsWith('src/http/') && !t.startsWith('src/cli/') },
    { layer: 'services', allowed: (t) => !t.startsWith('src/http/') && !t.startsWith('src/cli/') },
  ];
  const offenders = sources.flatMap((s) => {
    const rule = rules.find((r) => under(s.rel, r.layer));
    if (!rule) return [];
    return importsOf(s.rel, s.text).filter((t) => !rule.allowed(t)).map((t) => `${s.rel} → ${t}`);
  });
  assert.deepEqual(offenders, []);
});

void test('no import cycles among server modules (imports that exist at run time; type-only ones are erased)', () => {
  const graph = new Map(sources.map((s) => [s.rel, importsOf(s.rel, s.text, true).filter((t) => t.startsWith('src/'))]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (node: string, trail: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
      return;
    }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) if (graph.has(next)) visit(next, [...trail, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  assert.deepEqual(cycles, []);
});
