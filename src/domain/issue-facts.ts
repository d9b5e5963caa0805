/**
 * What a client needs to word an invalid-input problem in its own language: the schema issue's code
 * and its limits, never the input itself. Plain objects in, so this runs without the schema library
 * (the web app's entry shows server problems with it).
 */
/** The Swedish message of a missing value (swedish-errors.ts). */
export const MISSING_MESSAGE = 'Värdet saknas.';

/** The issue's code and limits. */
export interface IssueFacts {
  code: string;
  params: Record<string, string | number | boolean>;
}

/**
 * The code and parameters of a zod issue (never its input): `too_big` with `origin` string and
 * `maximum` 200, `invalid_format` with `format` email, a custom issue with its `reason`.
 */
export function issueFacts(issue: { code?: unknown; [key: string]: unknown }): IssueFacts {
  const params: IssueFacts['params'] = {};
  const put = (key: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'boolean') params[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) params[key] = value;
    else if (typeof value === 'bigint') params[key] = Number(value);
  };
  for (const key of ['origin', 'maximum', 'minimum', 'inclusive', 'format', 'divisor']) put(key, issue[key]);
  // The expected type (number, string, …) as `type`.
  put('type', issue.expected);
  if (Array.isArray(issue.keys)) params.keys = issue.keys.map(String).join(', ');
  if (Array.isArray(issue.values)) params.values = issue.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  // A finished issue no longer carries its input: a missing value is known by the Swedish message it was given.
  if (issue.code === 'invalid_type' && (('input' in issue && issue.input === undefined) || issue.message === MISSING_MESSAGE)) params.missing = true;
  if (issue.code === 'too_big' && typeof issue.input === 'string') params.length = issue.input.length;
  const custom = issue.params;
  if (custom && typeof custom === 'object') for (const [k, v] of Object.entries(custom as Record<string, unknown>)) put(k, v);
  return { code: typeof issue.code === 'string' ? issue.code : 'custom', params };
}
