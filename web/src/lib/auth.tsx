/**
 * Who is signed in. `AuthProvider` asks `GET /api/auth/me` once at start (and after sign-in/out), keeps the
 * session's CSRF token in the API client, and exposes the user to every page through `useAuth()`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { apiFetch, setCsrfToken } from './api.ts';

export type AccountRole = 'admin' | 'evaluator' | 'municipality';
export const ACCOUNT_ROLES: readonly AccountRole[] = ['admin', 'evaluator', 'municipality'];

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  municipalityCode: string | null;
}

export interface SsoInfo {
  enabled: boolean;
  label: string | null;
  loginUrl: string | null;
}

interface MeResponse {
  user: AuthUser | null;
  csrfToken: string | null;
  sso: SsoInfo;
}

interface SessionResponse {
  user: AuthUser;
  csrfToken: string;
  expiresAt: string;
}

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
    const me = await apiFetch<MeResponse>('/api/auth/me');
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
    const s = await apiFetch<SessionResponse>('/api/auth/login', { method: 'POST', json: { email, password } });
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
