/**
 * The one API client. Every request goes through `apiFetch`; errors come back as `ApiError`
 * parsed from the server's application/problem+json body. A request that names its `contract`
 * gets the reply typed from the server's zod schema (src/contracts), and checked against it in
 * development (zod is then loaded on demand; production builds carry only the types).
 */
import type { ContractName, ContractOf } from './contracts.ts';
import { sv } from '../i18n/sv.ts';

export interface ProblemFieldError {
  path: string;
  /** Swedish sentence. */
  message: string;
  /** For invalid input: the schema issue's code and limits (worded in the interface language by lib/validation.ts). */
  code?: string;
  params?: Record<string, string | number | boolean>;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemFieldError[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: ProblemFieldError[];
  readonly body: ProblemBody;

  constructor(status: number, body: ProblemBody) {
    const detail = typeof body.detail === 'string' && body.detail ? body.detail : (body.title ?? `HTTP ${status}`);
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = body.title ?? '';
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.body = body;
  }
}

/** Status used for network failures (server unreachable, aborted connection). */
export const NETWORK_ERROR_STATUS = 0;

/**
 * The network failure's title and sentence in the interface language. The i18n layer sets it
 * (`setNetworkErrorWording`, i18n.tsx); until then, and where no interface runs (Node), the Swedish catalog's.
 */
let networkWording = (): { title: string; detail: string } => ({ title: sv['api.networkTitle'], detail: sv['api.network'] });

export function setNetworkErrorWording(word: () => { title: string; detail: string }): void {
  networkWording = word;
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body; sent with content-type application/json. */
  json?: unknown;
  /** Multipart body (file uploads). */
  form?: FormData;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Return the reply's body as text (an SVG drawing), not parsed as JSON. */
  text?: boolean;
}

/**
 * Checks replies against their contracts: in development, and in builds made with VITE_KOMPASS_CONTRACT_CHECK=true.
 * `import.meta.env` exists only in Vite's builds; Node (tests that use the web app's wording) has none.
 */
const viteEnv = (import.meta as { env?: Partial<ImportMetaEnv> }).env;
const CHECK_CONTRACTS = viteEnv?.DEV === true || viteEnv?.VITE_KOMPASS_CONTRACT_CHECK === 'true';

export function buildUrl(path: string, query?: ApiRequest['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------- CSRF ----------
// Writes made with a session cookie must carry the session's CSRF token (x-csrf-token), which
// GET /api/auth/me returns. Fetched once before the first write; refreshed after a sign-in.
const CSRF_HEADER = 'x-csrf-token';
let csrfToken: string | null | undefined;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function ensureCsrfToken(): Promise<string | null> {
  if (csrfToken !== undefined) return csrfToken;
  try {
    const res = await fetch('/api/auth/me', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    const body: unknown = res.ok ? await res.json() : null;
    csrfToken = isRecord(body) && typeof body.csrfToken === 'string' ? body.csrfToken : null;
  } catch {
    csrfToken = null;
  }
  return csrfToken;
}

/** A request whose reply follows a named contract: typed from it, and checked in development. */
export function apiFetch<K extends ContractName>(path: string, req: ApiRequest & { contract: K }): Promise<ContractOf<K>>;
/** A request without a JSON reply contract (204 answers, uploads with server-owned types). */
export function apiFetch<T>(path: string, req?: ApiRequest & { contract?: undefined }): Promise<T>;
export async function apiFetch(path: string, req: ApiRequest & { contract?: ContractName } = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const method = req.method ?? (req.json !== undefined || req.form ? 'POST' : 'GET');
  if (method !== 'GET') {
    const token = await ensureCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let body: BodyInit | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    body = req.form;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, req.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: req.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(NETWORK_ERROR_STATUS, { ...networkWording(), code: 'network' });
  }
  const text = await res.text();
  if (req.text && res.ok) return text;
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    const problem: ProblemBody = isRecord(parsed) ? (parsed as ProblemBody) : { title: res.statusText, status: res.status };
    throw new ApiError(res.status, problem);
  }
  if (CHECK_CONTRACTS && req.contract) {
    const { checkReply } = await import('./contracts.ts');
    return checkReply(req.contract, path, parsed);
  }
  return parsed;
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
