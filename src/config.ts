/**
 * Configuration: read from the environment once at start-up, validated, typed.
 * No other module reads process.env.
 */
import path from 'node:path';
import { z } from 'zod';
import type { AccountRole } from './domain/access.ts';
import { parseRoleMap } from './domain/auth.ts';
import { defaultWorkerSettings, type WorkerSettings } from './workers/index.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  KOMPASS_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL måste börja med postgres:// eller postgresql://')
    .optional(),
  /** Owner role for migrations; the app's DATABASE_URL role then gets data rights only (README: Deployment). */
  KOMPASS_MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'KOMPASS_MIGRATION_DATABASE_URL måste börja med postgres:// eller postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
  /**
   * Which proxies in front of the app to believe about the client address (X-Forwarded-For) and protocol:
   * false (default: nobody, the socket address counts), a hop count (`1` = the nearest proxy; `true` means 1),
   * or a comma-separated list of proxy addresses/CIDRs (`10.0.0.0/8,192.168.1.10`). The address used is
   * the first one, from the right, that is not a trusted proxy, so a client cannot pick its address by
   * sending X-Forwarded-For values of its own.
   */
  KOMPASS_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): TrustProxy => {
      const t = v.trim().toLowerCase();
      if (t === 'false' || t === '0') return false;
      if (t === 'true') return 1;
      if (/^\d+$/.test(t)) return Number(t);
      const list = t.split(',').map((p) => p.trim()).filter(Boolean);
      const bad = list.filter((p) => !/^[0-9a-f:.]+(\/\d{1,3})?$/.test(p) && !['loopback', 'linklocal', 'uniquelocal'].includes(p));
      if (list.length === 0 || bad.length) {
        ctx.addIssue({ code: 'custom', message: `ange false, ett antal proxysteg (1, 2 …) eller adresser/CIDR åtskilda med komma (fel: ${bad.join(', ') || v})` });
        return false;
      }
      return list;
    }),
  KOMPASS_PUBLIC_URL: z.string().url().optional(),
  /** Hours a sign-in lasts. */
  KOMPASS_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  /** Secure flag of the session cookie: auto = when the request came over TLS (or the public URL is https). */
  KOMPASS_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Single sign-on with OpenID Connect; all three of issuer, client id and secret turn it on. */
  KOMPASS_OIDC_ISSUER: z.string().url('KOMPASS_OIDC_ISSUER ska vara en URL').optional(),
  KOMPASS_OIDC_CLIENT_ID: z.string().min(1).optional(),
  KOMPASS_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  KOMPASS_OIDC_REDIRECT_URI: z.string().url().optional(),
  KOMPASS_OIDC_SCOPES: z.string().default('openid email profile'),
  KOMPASS_OIDC_LABEL: z.string().max(100).default('Logga in med din organisation'),
  /** Claim that carries roles or groups, and how its values map to roles: `värde=roll,värde=roll`. */
  KOMPASS_OIDC_ROLE_CLAIM: z.string().default('roles'),
  KOMPASS_OIDC_ROLE_MAP: z.string().default(''),
  /** Claim with the municipality code of municipality users. */
  KOMPASS_OIDC_MUNICIPALITY_CLAIM: z.string().default('municipality_code'),
  /** Worker threads for reading uploads and rendering reports (default: cores − 1, 2 to 4). */
  /** SMTP server for notifications (smtp://user:pass@host:587 or smtps://…); unset: no e-mail is sent. */
  KOMPASS_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'KOMPASS_SMTP_URL måste börja med smtp:// eller smtps://')
    .optional(),
  /** Sender of notifications. */
  KOMPASS_MAIL_FROM: z.string().min(3).max(200).default('kompass <noreply@kompass.invalid>'),
  KOMPASS_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Heap limit of one worker thread, MB. */
  KOMPASS_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).optional(),
  /** Time limit of one task in a worker (reading a file, rendering a report), seconds. */
  KOMPASS_WORKER_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).optional(),
});

/** Fastify's trustProxy: false, a hop count, or the addresses/CIDRs of trusted proxies. */
export type TrustProxy = false | number | string[];

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Callback URL registered at the provider; default: public URL (or request origin) + /api/auth/oidc/callback. */
  redirectUri: string | undefined;
  scopes: string;
  label: string;
  roleClaim: string;
  roleMap: Record<string, AccountRole>;
  municipalityClaim: string;
}

export interface AuthConfig {
  sessionHours: number;
  cookieSecure: 'auto' | 'always' | 'never';
  oidc: OidcConfig | null;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string; migrationUrl?: string | undefined };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: TrustProxy;
  /** The address people use to reach the app; links (password reset, sign-in callback) are built from it. */
  publicUrl: string | undefined;
  /** Directory of the built web app. */
  webDist: string;
  auth: AuthConfig;
  /** The worker pool for untrusted work (uploads, report rendering). */
  workers: WorkerSettings;
  /** E-mail notifications: the SMTP server (null: nothing is sent) and the sender. */
  mail: MailConfig;
}

export interface MailConfig {
  smtpUrl: string | null;
  from: string;
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function oidcConfig(e: z.infer<typeof EnvSchema>): { oidc: OidcConfig | null; problems: string[] } {
  const parts = [e.KOMPASS_OIDC_ISSUER, e.KOMPASS_OIDC_CLIENT_ID, e.KOMPASS_OIDC_CLIENT_SECRET];
  if (parts.every((p) => p === undefined)) return { oidc: null, problems: [] };
  if (!e.KOMPASS_OIDC_ISSUER || !e.KOMPASS_OIDC_CLIENT_ID || !e.KOMPASS_OIDC_CLIENT_SECRET) {
    return { oidc: null, problems: ['  KOMPASS_OIDC_*: ange KOMPASS_OIDC_ISSUER, KOMPASS_OIDC_CLIENT_ID och KOMPASS_OIDC_CLIENT_SECRET tillsammans'] };
  }
  const { map, problems } = parseRoleMap(e.KOMPASS_OIDC_ROLE_MAP);
  const issuerUrl = new URL(e.KOMPASS_OIDC_ISSUER);
  if (issuerUrl.protocol !== 'https:' && !isLoopbackHost(issuerUrl.hostname.replace(/^\[|\]$/g, ''))) {
    return { oidc: null, problems: ['  KOMPASS_OIDC_ISSUER: identitetstjänsten måste nås över https (http bara på den egna datorn)'] };
  }
  if (Object.keys(map).length === 0) problems.push('ange minst en koppling värde=roll, t.ex. kompass-admin=admin');
  return {
    oidc: {
      issuer: e.KOMPASS_OIDC_ISSUER.replace(/\/+$/, ''),
      clientId: e.KOMPASS_OIDC_CLIENT_ID,
      clientSecret: e.KOMPASS_OIDC_CLIENT_SECRET,
      redirectUri: e.KOMPASS_OIDC_REDIRECT_URI,
      scopes: e.KOMPASS_OIDC_SCOPES,
      label: e.KOMPASS_OIDC_LABEL,
      roleClaim: e.KOMPASS_OIDC_ROLE_CLAIM,
      roleMap: map,
      municipalityClaim: e.KOMPASS_OIDC_MUNICIPALITY_CLAIM,
    },
    problems: problems.map((p) => `  KOMPASS_OIDC_ROLE_MAP: ${p}`),
  };
}

export function loadConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  // An empty variable (DATABASE_URL=) means unset.
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Felaktig konfiguration:\n${lines}`);
  }
  const e = parsed.data;
  const { oidc, problems } = oidcConfig(e);
  if (problems.length) throw new Error(`Felaktig konfiguration:\n${problems.join('\n')}`);
  // Links sent to people (password reset) must not be built from the request's Host header, which a client
  // chooses: a server in production or reachable from other machines needs its public address.
  if (!e.KOMPASS_PUBLIC_URL && (e.NODE_ENV === 'production' || !isLoopbackHost(e.HOST))) {
    throw new Error(
      `Felaktig konfiguration:\n  KOMPASS_PUBLIC_URL: ange adressen som användarna når kompass på (t.ex. https://kompass.example.se); den krävs när NODE_ENV=production eller när servern lyssnar på en annan adress än localhost (HOST=${e.HOST}).`,
    );
  }
  const dataDir = path.resolve(e.KOMPASS_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL, migrationUrl: e.KOMPASS_MIGRATION_DATABASE_URL } : { kind: 'pglite', dir: path.join(dataDir, 'pglite') },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.KOMPASS_TRUST_PROXY,
    publicUrl: e.KOMPASS_PUBLIC_URL,
    webDist: path.resolve(import.meta.dirname, '../web/dist'),
    auth: {
      sessionHours: e.KOMPASS_SESSION_HOURS,
      cookieSecure: e.KOMPASS_COOKIE_SECURE === 'true' ? 'always' : e.KOMPASS_COOKIE_SECURE === 'false' ? 'never' : 'auto',
      oidc,
    },
    mail: { smtpUrl: e.KOMPASS_SMTP_URL ?? null, from: e.KOMPASS_MAIL_FROM },
    workers: {
      size: e.KOMPASS_WORKERS ?? defaultWorkerSettings().size,
      memoryMb: e.KOMPASS_WORKER_MEMORY_MB ?? defaultWorkerSettings().memoryMb,
      timeoutSeconds: e.KOMPASS_WORKER_TIMEOUT_SECONDS ?? defaultWorkerSettings().timeoutSeconds,
    },
    ...overrides,
  };
}
