/**
 * API fuzz test generated from the OpenAPI document: every route × every role gets requests with
 * wrong types, missing and extra fields, huge strings, deep and huge bodies, unicode edge cases and
 * bad path and query parameters. No reply may be a 5xx, every 4xx is problem+json, and a refused
 * write changes nothing (content hash of the stored data before and after). Seeded: the same
 * requests on every run; set KOMPASS_FUZZ_SEED to replay another seed (printed on failure).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../helpers/app.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { seededRandom as rng } from '../../src/domain/random.ts';

const SEED = Number(process.env.KOMPASS_FUZZ_SEED ?? 20261201);
/** Requests per route and role. */
const PER_ROUTE_ROLE = Number(process.env.KOMPASS_FUZZ_COUNT ?? 12);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: Json[];
  const?: Json;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  format?: string;
  pattern?: string;
}
interface Parameter {
  in: 'path' | 'query';
  name: string;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}


const UNICODE = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202eevil\u202c', '\u200f\u05e9\u05dc\u05d5\u05dd', '👩‍👩‍👧‍👦🇸🇪', 'e\u0301\u0301\u0301\u0301', 'Z̸̢̛̞̈́a̴̹̔l̷g̵o', '\ufeff', '\uffff\ufffe', '\u0085\u2028\u2029', 'ŧŋđ Sámi', '中文 العربية', '\t\r\n\u000b\u000c', "'; drop table users; --", '<script>alert(1)</script>', '#{raw}', '../../etc/passwd', '%00', '%'];

function fuzzer(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number) => random() < p;

  const oddString = (): string =>
    pick<() => string>([
      () => pick(UNICODE),
      () => 'x'.repeat(pick([201, 2001, 50_001, 100_001, 300_000])),
      () => `${pick(UNICODE)}${'å'.repeat(int(40))}${pick(UNICODE)}`,
      () => 'e\u0301'.repeat(5000),
      () => '',
      () => ' ',
      () => '2026-02-30',
      () => '9999-99-99',
      () => String(int(1e9)),
    ])();
  const oddValue = (): Json =>
    pick<() => Json>([
      () => null,
      () => true,
      () => pick([0, -1, -0, 1e308, -1e308, 2 ** 53 + 1, 0.1, 13, 801, 2_147_483_648]),
      () => oddString(),
      () => [],
      () => [oddString()],
      () => ({}),
      () => ({ __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }) as unknown as Json,
      () => nested(pick([20, 300])),
    ])();
  const nested = (depth: number): Json => {
    let v: Json = 'bottom';
    for (let i = 0; i < depth; i++) v = chance(0.5) ? [v] : { a: v };
    return v;
  };

  /** A value that mostly fits the schema (so deeper checks are reached). */
  const valid = (s: Schema | undefined, depth = 0): Json => {
    if (!s || depth > 6) return null;
    if (s.const !== undefined) return s.const;
    if (s.enum) return pick(s.enum);
    const alts = s.anyOf ?? s.oneOf;
    if (alts) return valid(pick(alts), depth + 1);
    if (s.nullable && chance(0.15)) return null;
    const type = Array.isArray(s.type) ? pick(s.type) : s.type;
    switch (type) {
      case 'object': {
        const out: Record<string, Json> = {};
        for (const [k, p] of Object.entries(s.properties ?? {})) if ((s.required ?? []).includes(k) || chance(0.6)) out[k] = valid(p, depth + 1);
        if (typeof s.additionalProperties === 'object' && chance(0.7)) out[pick(['1.1', '2.3', '8.9', '9.9', 'x'])] = valid(s.additionalProperties, depth + 1);
        return out;
      }
      case 'array':
        return Array.from({ length: int(3) }, () => valid(s.items, depth + 1));
      case 'integer':
      case 'number': {
        const lo = s.minimum ?? 0;
        const hi = Math.min(s.maximum ?? lo + 100, lo + 1000);
        return type === 'integer' ? lo + int(hi - lo + 1) : lo + random() * (hi - lo);
      }
      case 'boolean':
        return chance(0.5);
      case 'null':
        return null;
      case 'string':
        if (s.format === 'uuid') return pick(['00000000-0000-4000-8000-000000000000', 'c0ffee00-0000-4000-8000-000000000000']);
        if (s.pattern?.includes('\\d{2,4}')) return pick(['1231', '0180', '12', '9999']);
        if (s.pattern?.includes('[1-8]')) return pick(['1.1', '8.9', '3.2']);
        if (s.pattern?.startsWith('^[a-z0-9]')) return `fuzz-${int(1e6)}`;
        return pick(['Burlöv', 'text', '2024-05-20', 'a@b.se', 'korrekt-hast-batteri-9', 'å'.repeat(Math.min(s.maxLength ?? 10, 20))]);
      default:
        return 'x';
    }
  };

  /** Replaces one random leaf or member with an odd value, drops a field, or adds one. */
  const mutate = (v: Json): Json => {
    if (v === null || typeof v !== 'object') return oddValue();
    const copy = structuredClone(v) as Record<string, Json> | Json[];
    const keys = Object.keys(copy);
    const roll = random();
    if (keys.length && roll < 0.25) {
      delete (copy as Record<string, Json>)[pick(keys)];
    } else if (roll < 0.4) {
      (copy as Record<string, Json>)[pick(['extra', '__proto__', 'constructor', 'id', 'version', 'role', pick(UNICODE)])] = oddValue();
    } else if (keys.length) {
      const k = pick(keys);
      const child = (copy as Record<string, Json>)[k] as Json;
      (copy as Record<string, Json>)[k] = chance(0.5) && child !== null && typeof child === 'object' ? mutate(child) : oddValue();
    } else {
      return oddValue();
    }
    return copy;
  };

  return { int, pick, chance, valid, mutate, oddString, oddValue, nested };
}

/** Percent-encodes a string byte by byte, lone surrogates included (as WTF-8), so any string can go in a URL. */
function encodeAny(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`;
    } else {
      out += encodeURIComponent(s[i] ?? '');
    }
  }
  return out;
}

let t: TestApp;
const roles: Record<'anonymous' | 'admin' | 'evaluator' | 'municipality', SignedIn | null> = { anonymous: null, admin: null, evaluator: null, municipality: null };
const ids: { evaluations: string[]; users: string[] } = { evaluations: [], users: [] };

before(async () => {
  t = await createTestApp();
  roles.admin = await signIn(t, 'admin');
  roles.evaluator = await signIn(t, 'evaluator');
  roles.municipality = await signIn(t, 'municipality', { municipalityCode: '1231' });
  const published = await buildEvaluation(t.services, { municipalityCode: '1231', scores: scoresFor(FRAMEWORK_2020, 0.6), status: 'published', areas: [{ number: 1, summary: 'Sammanfattning', strengths: ['Styrka'] }] });
  const draft = await buildEvaluation(t.services, { municipalityCode: '1231' });
  await t.services.workflow.setAssignments({ id: draft.id, expectedVersion: draft.version, list: [{ userId: roles.evaluator.user.id, isLead: true }], viewer: { userId: null, role: 'admin', municipalityCode: null, name: 'Test' } });
  ids.evaluations.push(published.id, draft.id);
  ids.users.push(roles.evaluator.user.id, roles.municipality.user.id);
});
after(async () => t?.close());

/**
 * A fingerprint of everything a refused write must leave alone: the content of evaluations and their
 * parts, frameworks' versions, row counts, and the audit trail's length (sessions and sign-in
 * counters excluded: a failed sign-in may count).
 */
async function snapshot(): Promise<string> {
  const content = ['evaluations', 'evaluators', 'area_texts', 'subarea_scores', 'evaluation_assignments', 'evaluation_comments'].map((name) => `(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${name} x)`);
  const counts = ['frameworks', 'audit_log', 'password_resets', 'users'].map((name) => `(select count(*)::text from ${name})`);
  const query = `select ${[...content, ...counts, "(select coalesce(max(id), 0)::text from audit_log)", "(select coalesce(string_agg(id || updated_at::text, ',' order by id), '') from frameworks)"].join(" || ':' || ")} as h`;
  const res = await t.database.db.execute(sql.raw(query));
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Array<{ h: string }>;
  return rows[0]?.h ?? '';
}

void test(`fuzz: every route × every role, ${PER_ROUTE_ROLE} requests each (seed ${SEED})`, { timeout: 900_000 }, async () => {
  const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
  const f = fuzzer(rng(SEED));
  const failures: string[] = [];
  let sent = 0;
  let refusedWrites = 0;
  let requestMs = 0;
  let slowest = 0;
  let baseline = await snapshot();
  const byRoute = new Map<string, number>();
  const statuses = new Map<number, number>();

  const pathValue = (p: Parameter): string => {
    const roll = f.int(10);
    if (p.name === 'id' && p.schema.format === 'uuid') {
      if (roll < 5) return f.pick([...ids.evaluations, ...ids.users]);
      if (roll < 7) return '00000000-0000-4000-8000-000000000000';
    }
    if (p.name === 'number' && roll < 6) return String(f.int(10));
    // Rendering a real report takes seconds and validates nothing: only near-miss formats here.
    if (p.name === 'format' && roll < 3) return f.pick(['PDF', 'txt', 'pdf.exe', 'docx ', 'docx%00']);
    if (p.name === 'code' && roll < 4) return f.pick(['1231', '0180', '12', '00']);
    if (p.name === 'id' && roll < 5) return f.pick(['kk2020', 'kk2010', 'kk1999']);
    return encodeAny(f.chance(0.5) ? f.oddString().slice(0, 3000) : String(f.valid(p.schema)));
  };

  const queryString = (params: Parameter[]): string => {
    const parts: string[] = [];
    for (const p of params) {
      if (!f.chance(0.6)) continue;
      const v = f.chance(0.5) ? f.valid(p.schema) : f.pick<Json>([f.oddString().slice(0, 5000), -1, 1e21, 'NaN', '1e3', '', '0x10']);
      parts.push(`${p.name}=${encodeAny(String(v))}`);
      if (f.chance(0.1)) parts.push(`${p.name}=${encodeAny(String(v))}`);
    }
    if (f.chance(0.15)) parts.push(`${encodeAny(f.pick(UNICODE))}=${encodeAny(f.oddString().slice(0, 200))}`);
    return parts.length ? `?${parts.join('&')}` : '';
  };

  const bodyFor = (op: Operation): { payload?: string; contentType?: string } => {
    const schema = op.requestBody?.content?.['application/json']?.schema;
    const roll = f.int(20);
    if (roll === 0) return { payload: '{"a":', contentType: 'application/json' };
    if (roll === 1) return { payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, contentType: 'application/json' };
    if (roll === 2) return { payload: JSON.stringify({ summary: 'x'.repeat(1_900_000) }), contentType: 'application/json' };
    if (roll === 3) return { payload: 'summary=x', contentType: f.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) };
    if (roll === 4) {
      const n = f.pick([1000, 20_000, 200_000]);
      return { payload: `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`, contentType: 'application/json' };
    }
    if (roll === 5) return { payload: '', contentType: 'application/json' };
    if (!schema) return f.chance(0.5) ? {} : { payload: JSON.stringify(f.oddValue()), contentType: 'application/json' };
    let body = f.valid(schema);
    for (let i = 0, n = f.int(3); i <= n && roll > 7; i++) body = f.mutate(body);
    return { payload: JSON.stringify(body), contentType: 'application/json' };
  };

  for (const [path, ops] of Object.entries(doc.paths)) {
    if (path.startsWith('/api/docs')) continue;
    for (const [method, op] of Object.entries(ops)) {
      for (const [role, who] of Object.entries(roles)) {
        // Signing out would end the session the rest of the run uses.
        if (path === '/api/auth/logout' && who) continue;
        // Password routes hash with argon2 on purpose (hundreds of ms each): a few requests suffice there.
        const count = path.startsWith('/api/auth/login') || path.startsWith('/api/auth/password') ? Math.min(4, PER_ROUTE_ROLE) : PER_ROUTE_ROLE;
        for (let i = 0; i < count; i++) {
          const params = op.parameters ?? [];
          const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => pathValue(params.find((p) => p.in === 'path' && p.name === name) ?? { in: 'path', name, schema: {} })) + queryString(params.filter((p) => p.in === 'query'));
          const { payload, contentType } = method === 'get' ? {} : bodyFor(op);
          const headers: Record<string, string> = {};
          if (who) {
            headers.cookie = who.cookie;
            if (!f.chance(0.05)) headers['x-csrf-token'] = who.csrfToken;
          }
          if (contentType) headers['content-type'] = contentType;
          const isWrite = method !== 'get';
          const started = performance.now();
          // KOMPASS_FUZZ_TRACE=1 prints each request before it is sent (to find one that never answers).
          if (process.env.KOMPASS_FUZZ_TRACE) console.log(`→ ${method.toUpperCase()} ${url.slice(0, 200)} as ${role}`);
          const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
          sent++;
          requestMs += performance.now() - started;
          slowest = Math.max(slowest, performance.now() - started);
          const key = `${method} ${path}`;
          byRoute.set(key, (byRoute.get(key) ?? 0) + performance.now() - started);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const label = `${method.toUpperCase()} ${url.slice(0, 160)} as ${role} (body ${String(payload).slice(0, 120)})`;
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${label}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            const type = String(res.headers['content-type'] ?? '');
            let problem: { status?: unknown; detail?: unknown };
            try {
              problem = res.json();
            } catch {
              problem = {};
            }
            if (!type.startsWith('application/problem+json') || problem.status !== res.statusCode || typeof problem.detail !== 'string') failures.push(`not problem+json (${res.statusCode}, ${type}) ${label}`);
          }
          if (isWrite) {
            // The baseline is the state before this request; a refused write must leave it as it was.
            const now = await snapshot();
            if (res.statusCode >= 400) {
              refusedWrites++;
              if (now !== baseline) failures.push(`refused write changed data (${res.statusCode}) ${label}`);
            }
            baseline = now;
          }
          if (failures.length >= 15) break;
        }
      }
    }
  }
  console.log(`fuzz: ${sent} requests in ${Math.round(requestMs)} ms (slowest ${Math.round(slowest)} ms), ${refusedWrites} refused writes checked`);
  if (process.env.KOMPASS_FUZZ_PROFILE) console.log([...byRoute.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, ms]) => `${k} ${Math.round(ms)} ms`).join('\n'));
  const summary = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
  assert.deepEqual(failures, [], `seed ${SEED} (replay with KOMPASS_FUZZ_SEED=${SEED}); ${sent} requests: ${summary}\n${failures.join('\n')}`);
  assert.ok(sent >= 3000 || PER_ROUTE_ROLE < 20, `at least 3000 requests (sent ${sent})`);
  assert.ok(refusedWrites > 1000 || PER_ROUTE_ROLE < 20, `refused writes checked: ${refusedWrites}`);
  // The app still answers normally after the run.
  assert.equal((await t.app.inject({ url: '/api/health' })).statusCode, 200);
});
