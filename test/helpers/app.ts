/**
 * The HTTP app over a fresh test database, optionally with demo data, and sign-in helpers.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { SYSTEM, type AccountRole, type Viewer } from '../../src/domain/access.ts';
import { buildApp, type AppOptions } from '../../src/http/app.ts';
import { viewerOf, type PublicUser } from '../../src/services/user.service.ts';
import type { Services } from '../../src/services/index.ts';
import type { MailSettings } from '../../src/services/notification.service.ts';
import { createTestServices, type TestContext } from './db.ts';

export interface TestApp extends TestContext {
  app: FastifyInstance;
}

export async function createTestApp(opts: { demo?: boolean; env?: Record<string, string>; webDist?: string; mail?: MailSettings } & Partial<Pick<AppOptions, 'resolveViewer'>> = {}): Promise<TestApp> {
  const ctx = await createTestServices({ ...(opts.mail ? { mail: opts.mail } : {}), demo: opts.demo === true });
  const config = loadConfig({ LOG_LEVEL: 'silent', KOMPASS_DATA_DIR: '.tmp/test-data', ...opts.env }, opts.webDist ? { webDist: opts.webDist } : {});
  const app = await buildApp({ config, database: ctx.database, services: ctx.services, logger: false, ...(opts.resolveViewer ? { resolveViewer: opts.resolveViewer } : {}) });
  await app.ready();
  return {
    ...ctx,
    app,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}

/** A row of `GET /api/evaluations` as the tests read it. */
export interface ListedEvaluation {
  id: string;
  year: number;
  status: string;
  municipality: { code: string };
}

/** The id of the listed evaluation of a municipality (by code) and year; fails the test when there is none. */
export function evaluationIdOf(items: readonly ListedEvaluation[], code: string, year: number): string {
  const e = items.find((i) => i.municipality.code === code && i.year === year);
  assert.ok(e, `demodata saknar ${code} ${year}`);
  return e.id;
}

/** What the app lists to the public (the demo data has fewer than 100 evaluations). */
export async function listedEvaluations(t: TestApp): Promise<ListedEvaluation[]> {
  return (await t.app.inject({ url: '/api/evaluations?limit=100' })).json<{ items: ListedEvaluation[] }>().items;
}

export const TEST_PASSWORD = 'korrekt-hast-batteri-9';

/** A new user of the role (municipality users belong to Burlöv unless told otherwise). */
export async function buildUser(services: Services, role: AccountRole, overrides: { municipalityCode?: string; name?: string; password?: string } = {}): Promise<PublicUser & { password: string }> {
  const password = overrides.password ?? TEST_PASSWORD;
  const tag = randomBytes(4).toString('hex');
  const user = await services.users.createUser({ viewer: SYSTEM,
    input: {
      email: `${role}-${tag}@test.kompass.se`,
      name: overrides.name ?? `Test ${role} ${tag}`,
      role,
      municipalityCode: role === 'municipality' ? (overrides.municipalityCode ?? '1231') : null,
      password,
    },
  });
  return { ...user, password };
}

/** A new user of the role, as the viewer services see for them. */
export async function buildViewer(services: Services, role: AccountRole, overrides: { municipalityCode?: string; name?: string } = {}): Promise<Viewer> {
  const u = await buildUser(services, role, overrides);
  return viewerOf({ id: u.id, role: u.role, municipalityCode: u.municipalityCode, name: u.name });
}

export interface SignedIn {
  user: { id: string; email: string; name: string; role: string; municipalityCode: string | null };
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing request: the session cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in over HTTP (a new user of the role, or the given credentials) and returns the cookie and CSRF header. */
export async function signIn(t: TestApp, who: AccountRole | { email: string; password: string }, opts: { municipalityCode?: string } = {}): Promise<SignedIn> {
  const creds = typeof who === 'string' ? await buildUser(t.services, who, opts) : who;
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: creds.email, password: creds.password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  const cookie = (first ?? '').split(';')[0] ?? '';
  const body = res.json() as { user: SignedIn['user']; csrfToken: string };
  return { user: body.user, cookie, csrfToken: body.csrfToken, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}
