/**
 * Security of the HTTP layer: cookies, security headers (CSP without inline scripts, no framing,
 * HSTS over TLS), and CSRF protection for state-changing requests of signed-in users.
 *
 * CSRF contract: `GET /api/auth/me` (and the sign-in answer) return `csrfToken`; every POST, PUT,
 * PATCH and DELETE made with the session cookie must send it in the `x-csrf-token` header.
 * Requests from another site (Origin or Sec-Fetch-Site) are refused whether signed in or not.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { Config } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { sameSecret } from '../services/auth.service.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that start a session (or set a password with a one-time token) and so have no CSRF token yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/password-reset']);

export type SecurityConfig = Pick<Config, 'publicUrl' | 'auth'>;

/** True when the request reached us over TLS (directly, or via a trusted proxy). */
export function overTls(request: FastifyRequest, config: SecurityConfig): boolean {
  return request.protocol === 'https' || (config.publicUrl?.startsWith('https:') ?? false);
}

export function cookieSecure(request: FastifyRequest, config: SecurityConfig): boolean {
  if (config.auth.cookieSecure === 'always') return true;
  if (config.auth.cookieSecure === 'never') return false;
  return overTls(request, config);
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, config: SecurityConfig, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure(request, config), expires });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, config: SecurityConfig): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookieSecure(request, config) });
}

/** The origin the app is served from: the public URL when set, else what the request says. */
export function ownOrigin(request: FastifyRequest, config: SecurityConfig): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}

export async function registerCookies(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie);
}

export async function registerSecurity(app: FastifyInstance, config: SecurityConfig): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ECharts and React set style attributes; scripts stay strict.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only over TLS (below); a plain-HTTP development server must not pin browsers to HTTPS.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (overTls(request, config)) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // API answers differ by who asks (role, drafts): never in a shared cache. Routes with public content
    // may say otherwise (reports.ts); Vary: Cookie stays.
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'private, no-store').header('Vary', 'Cookie');
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (request.headers['sec-fetch-site'] === 'cross-site' || (origin && origin !== 'null' && origin !== ownOrigin(request, config))) {
      throw new DomainError('forbidden', 'Begäran kom från en annan webbplats och avvisades.');
    }
    if (origin === 'null') throw new DomainError('forbidden', 'Begäran kom från en annan webbplats och avvisades.');
    const session = request.authSession;
    if (!session) return;
    const path = request.url.split('?')[0] ?? '';
    if (CSRF_EXEMPT.has(path)) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new DomainError('forbidden', `CSRF-skydd: skicka sessionens token i rubriken ${CSRF_HEADER} (hämtas från GET /api/auth/me).`);
    }
  });
}
