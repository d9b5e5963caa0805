/**
 * Sign-in, sign-out, who am I, password change and reset, and single sign-on (OpenID Connect).
 *
 * Contract for the web app: POST /api/auth/login { email, password } sets the HttpOnly session cookie and
 * returns { user, csrfToken, expiresAt }; GET /api/auth/me returns { user | null, csrfToken | null, sso };
 * state-changing requests send the csrfToken in the `x-csrf-token` header; POST /api/auth/logout ends the session.
 */
import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { safeReturnPath } from '../../domain/auth.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Services } from '../../services/index.ts';
import { CSRF_HEADER } from '../context.ts';
import { clearSessionCookie, ownOrigin, setSessionCookie, type SecurityConfig } from '../security.ts';
import { ChangePasswordBody, LoginBody, MeOut, OidcCallbackQuery, OidcLoginQuery, PasswordResetBody, SessionOut, UserOut } from '../../contracts/auth.ts';

const SMALL = 16 * 1024;
const OIDC_COOKIE = 'kompass_oidc';

const pick = (u: z.infer<typeof UserOut>): z.infer<typeof UserOut> => ({ id: u.id, email: u.email, name: u.name, role: u.role, municipalityCode: u.municipalityCode });

export const authRoutes = (services: Services, config: SecurityConfig & Pick<Config, 'auth'>): FastifyPluginAsyncZod =>
  async (app) => {
    const oidc = config.auth.oidc;

    app.post(
      '/api/auth/login',
      {
        bodyLimit: SMALL,
        schema: {
          tags: ['auth'],
          summary: 'Logga in med e-post och lösenord (sätter sessionskakan)',
          body: LoginBody,
          response: { 200: SessionOut },
        },
      },
      async (req, reply) => {
        const s = await services.auth.signIn({ email: req.body.email, password: req.body.password, address: req.ip, replacing: req.authSession?.id });
        setSessionCookie(reply, req, config, s.token, s.expiresAt);
        return { user: pick(s.user), csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
      },
    );

    app.post('/api/auth/logout', { bodyLimit: SMALL, schema: { tags: ['auth'], summary: 'Logga ut (avslutar sessionen)' } }, async (req, reply) => {
      if (req.authSession) await services.auth.logout({ sessionId: req.authSession.id });
      clearSessionCookie(reply, req, config);
      return reply.status(204).send();
    });

    app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'Vem är inloggad, och sessionens CSRF-token', response: { 200: MeOut } } }, async (req) => ({
      user: req.authSession ? pick(req.authSession.user) : null,
      csrfToken: req.authSession?.csrfToken ?? null,
      csrfHeader: CSRF_HEADER,
      sso: { enabled: oidc !== null, label: oidc?.label ?? null, loginUrl: oidc ? '/api/auth/oidc/login' : null },
    }));

    app.post(
      '/api/auth/password',
      { bodyLimit: SMALL, schema: { tags: ['auth'], summary: 'Byt ditt lösenord', body: ChangePasswordBody } },
      async (req, reply) => {
        await services.auth.changePassword({ viewer: req.viewer, session: req.authSession, currentPassword: req.body.currentPassword, newPassword: req.body.newPassword, address: req.ip });
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/auth/password-reset',
      { bodyLimit: SMALL, schema: { tags: ['auth'], summary: 'Välj nytt lösenord med en engångslänk från en administratör', body: PasswordResetBody } },
      async (req, reply) => {
        await services.users.resetPassword({ token: req.body.token, password: req.body.password });
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/auth/oidc/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Börja inloggning via organisationens identitetstjänst (OpenID Connect)',
          description: 'next: sökväg i kompass att gå till efter inloggningen (börjar med ett enda /); annat ger /.',
          querystring: OidcLoginQuery,
        },
      },
      async (req, reply) => {
        if (!oidc) throw new DomainError('not_found', 'Inloggning via identitetstjänst är inte konfigurerad.');
        const redirectUri = oidc.redirectUri ?? `${ownOrigin(req, config)}/api/auth/oidc/callback`;
        const start = await services.oidc.startLogin({ config: oidc, redirectUri, returnTo: safeReturnPath(req.query.next) });
        reply.setCookie(OIDC_COOKIE, start.state, { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: 600 });
        return reply.redirect(start.url, 302);
      },
    );

    app.get(
      '/api/auth/oidc/callback',
      {
        schema: {
          tags: ['auth'],
          summary: 'Svar från identitetstjänsten (OpenID Connect)',
          querystring: OidcCallbackQuery,
        },
      },
      async (req, reply) => {
        if (!oidc) throw new DomainError('not_found', 'Inloggning via identitetstjänst är inte konfigurerad.');
        const cookie = req.cookies[OIDC_COOKIE] ?? '';
        reply.clearCookie(OIDC_COOKIE, { path: '/api/auth/oidc' });
        if (req.query.error) throw new DomainError('unauthorized', `Identitetstjänsten avbröt inloggningen (${req.query.error}).`);
        if (!req.query.code || !req.query.state) throw new DomainError('validation', 'Svaret från identitetstjänsten saknar code eller state.');
        const redirectUri = oidc.redirectUri ?? `${ownOrigin(req, config)}/api/auth/oidc/callback`;
        const callbackQuery = Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
        const { identity, returnTo } = await services.oidc.finishLogin({ config: oidc, callbackQuery, cookie, redirectUri });
        const s = await services.auth.signInWithIdentity({ identity, config: oidc, replacing: req.authSession?.id });
        setSessionCookie(reply, req, config, s.token, s.expiresAt);
        return reply.redirect(safeReturnPath(returnTo), 302);
      },
    );
  };
