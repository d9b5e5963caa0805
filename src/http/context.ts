import type { FastifyRequest } from 'fastify';
import { PUBLIC, SYSTEM, type Viewer } from '../domain/access.ts';
import type { ActiveSession, AuthService } from '../services/auth.service.ts';

/** Who is asking: the signed-in user of the session cookie, or the public. */
export type ViewerResolver = (request: FastifyRequest) => Viewer | Promise<Viewer>;

export const SESSION_COOKIE = 'kompass_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Full access for every request. Only for tools and tests that bypass accounts on purpose. */
export const openAccessResolver: ViewerResolver = () => SYSTEM;

/** The signed-in user of the session cookie; anonymous requests (or unknown/expired sessions) are the public. */
export function sessionResolver(auth: AuthService): ViewerResolver {
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return PUBLIC;
    const session = await auth.resolveSession(token);
    request.authSession = session;
    return session ? session.viewer : PUBLIC;
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
    /** The session behind the cookie, when there is a valid one. */
    authSession: ActiveSession | null;
  }
}
