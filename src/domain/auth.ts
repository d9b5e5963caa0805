/**
 * Pure account rules: e-mail normalisation, password policy (throttling of failed sign-ins: throttle.ts),
 * and mapping single sign-on claims to a role. No clock, database or HTTP here: callers pass `now`.
 */
import type { AccountRole } from './access.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** One message for every refused sign-in, so nobody learns whether an account exists or is disabled. */
export const LOGIN_REFUSED = 'E-postadressen eller lösenordet är fel. Kontrollera uppgifterna och försök igen.';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Why a password is not acceptable, or null. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`;
  if (new Set(password).size < 4) return 'Lösenordet är för enkelt: använd fler olika tecken.';
  const local = email ? (normalizeEmail(email).split('@')[0] ?? '') : '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'Lösenordet får inte innehålla e-postadressens namn.';
  return null;
}

/**
 * Parses a claim → role mapping written as `value=role,value=role` (e.g. `kompass-admin=admin,skr=evaluator`).
 * Returns the mapping and the problems found.
 */
export function parseRoleMap(text: string): { map: Record<string, AccountRole>; problems: string[] } {
  const map: Record<string, AccountRole> = {};
  const problems: string[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const value = part.slice(0, eq).trim();
    const role = part.slice(eq + 1).trim();
    if (eq <= 0 || !value) problems.push(`"${part}" ska skrivas värde=roll`);
    else if (role !== 'admin' && role !== 'evaluator' && role !== 'municipality') problems.push(`"${role}" är ingen roll (admin, evaluator, municipality)`);
    else map[value] = role;
  }
  return { map, problems };
}

const RANK: Record<AccountRole, number> = { municipality: 1, evaluator: 2, admin: 3 };

/** The role given by a claim (string or list of strings); the highest mapped role wins; null when none maps. */
export function roleFromClaim(claim: unknown, map: Readonly<Record<string, AccountRole>>): AccountRole | null {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  let best: AccountRole | null = null;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const role = map[v];
    if (role && (best === null || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

/**
 * Where to send the browser after a sign-in: a path inside this app, or `/`. Refuses anything a browser
 * could read as another site: `//host`, `/\host`, a scheme (`https:`, `javascript:`), and control
 * characters or whitespace (browsers drop tabs and newlines inside URLs, so `/\t/host` becomes `//host`).
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2000 || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, 'http://kompass.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://kompass.invalid') return '/';
  return value;
}
