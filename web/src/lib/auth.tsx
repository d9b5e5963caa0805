/**
 * Who is signed in. `AuthProvider` asks `GET /api/auth/me` once at start (and after sign-in/out), keeps the
 * session's CSRF token in the API client, and exposes the user to every page through `useAuth()`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiFetch, setCsrfToken } from './api.ts';

import type { AuthUserDto, Me } from '../../../src/contracts/auth.ts';
import type { AccountRole as Role } from '../../../src/domain/access.ts';

export type AccountRole = Role;
export const ACCOUNT_ROLES: readonly AccountRole[] = ['admin', 'evaluator', 'municipality'];

export type AuthUser = AuthUserDto;
export type SsoInfo = Me['sso'];

export interface AuthValue {
  /** The signed-in user; null for anonymous visitors (and until the first answer: see `ready`). */
  user: AuthUser | null;
  /** False until `GET /api/auth/me` has answered once. */
  ready: boolean;
  sso: SsoInfo;
  refresh: () => Promise<AuthUser | null>;
  signIn: (email: string, password: string) => Promise<AuthUser>;
  signOut: () => Promise<void>;
}

const NO_SSO: SsoInfo = { enabled: false, label: null, loginUrl: null };

/** Asks the server who is signed in and hands the session's CSRF token to the API client. */
async function loadMe(): Promise<{ user: AuthUser | null; sso: SsoInfo }> {
  try {
    const me = await apiFetch('/api/auth/me', { contract: 'auth.me' });
    setCsrfToken(me.csrfToken);
    return { user: me.user, sso: me.sso ?? NO_SSO };
  } catch {
    // Server unreachable: behave as anonymous; the pages show their own errors.
    return { user: null, sso: NO_SSO };
  }
}
const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ user: AuthUser | null; ready: boolean; sso: SsoInfo }>({ user: null, ready: false, sso: NO_SSO });

  const refresh = useCallback(async () => {
    const me = await loadMe();
    setState({ user: me.user, ready: true, sso: me.sso });
    return me.user;
  }, []);

  useEffect(() => {
    let live = true;
    void loadMe().then((me) => {
      if (live) setState({ user: me.user, ready: true, sso: me.sso });
    });
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const s = await apiFetch('/api/auth/login', { contract: 'auth.session', method: 'POST', json: { email, password } });
    setCsrfToken(s.csrfToken);
    setState((prev) => ({ ...prev, user: s.user, ready: true }));
    return s.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiFetch<null>('/api/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(null);
      setState((prev) => ({ ...prev, user: null, ready: true }));
    }
  }, []);

  const value = useMemo<AuthValue>(() => ({ ...state, refresh, signIn, signOut }), [state, refresh, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth() must be used inside <AuthProvider>');
  return ctx;
}

/** Where to go after signing in: only paths inside this app (never another site). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
