/**
 * The one API client. Every request goes through `apiFetch`; errors come back as `ApiError`
 * parsed from the server's application/problem+json body.
 */

export interface ProblemFieldError {
  path: string;
  message: string;
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

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON body; sent with content-type application/json. */
  json?: unknown;
  /** Multipart body (file uploads). */
  form?: FormData;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
}

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

export async function apiFetch<T>(path: string, req: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
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
      method: req.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'same-origin',
      signal: req.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(NETWORK_ERROR_STATUS, { title: 'Nätverksfel', detail: 'Servern svarar inte. Kontrollera anslutningen och försök igen.' });
  }
  const text = await res.text();
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
  return parsed as T;
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
