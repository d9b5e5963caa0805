/**
 * One place that maps domain error codes to HTTP statuses and writes application/problem+json.
 * Unknown errors become a generic 500 without internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode, type ErrorDetail } from '../domain/errors.ts';
import { issueFacts } from '../domain/issue-facts.ts';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  unsupported: 415,
  too_large: 413,
  rule_violation: 422,
  unprocessable: 422,
  unavailable: 503,
  rate_limited: 429,
};

const TITLES: Record<number, string> = {
  400: 'Ogiltig begäran',
  401: 'Inloggning krävs',
  403: 'Behörighet saknas',
  404: 'Hittades inte',
  409: 'Konflikt',
  413: 'För stor begäran',
  414: 'För lång adress',
  415: 'Formatet stöds inte',
  422: 'Regeln tillåter inte ändringen',
  429: 'För många försök',
  500: 'Internt fel',
  503: 'Tillfälligt otillgänglig',
};

/** Titles for codes that share a status with another meaning. */
const TITLES_BY_CODE: Partial<Record<ErrorCode, string>> = {
  unprocessable: 'Filen kunde inte behandlas',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  errors?: ErrorDetail[];
  [key: string]: unknown;
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, detail: string, extra: Partial<Problem> = {}): FastifyReply {
  const body: Problem = {
    type: `/problems/${extra.code ?? status}`,
    title: TITLES[status] ?? 'Fel',
    status,
    detail,
    instance: request.url,
    ...extra,
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, ...issueFacts(i as unknown as Record<string, unknown>) }));
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    const status = STATUS_BY_CODE[error.code];
    const title = TITLES_BY_CODE[error.code];
    // A 429 says when to try again (RFC 9110 Retry-After, in seconds).
    if (error.code === 'rate_limited' && typeof error.extra.retryAfterSeconds === 'number') reply.header('Retry-After', String(Math.max(1, Math.ceil(error.extra.retryAfterSeconds))));
    return sendProblem(reply, request, status, error.message, { code: error.code, ...(title ? { title } : {}), ...(error.details.length ? { errors: error.details } : {}), ...error.extra });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message ?? 'ogiltigt värde',
      ...issueFacts({ ...v.params, code: v.keyword, message: v.message }),
    }));
    const first = errors[0];
    return sendProblem(reply, request, 400, first ? `Ogiltigt värde i ${first.path}: ${first.message}` : 'Ogiltig begäran.', { code: 'validation', errors });
  }
  if (error instanceof ZodError) {
    const errors = zodDetails(error);
    return sendProblem(reply, request, 400, `Ogiltiga uppgifter: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { code: 'validation', errors });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response serialization failed');
    return sendProblem(reply, request, 500, 'Ett internt fel inträffade.', { code: 'internal' });
  }
  const fe = error as FastifyError;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const detail =
      fe.statusCode === 413
        ? 'Begäran är för stor.'
        : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Innehållstypen stöds inte; skicka JSON.'
          : fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
            ? 'Begärans JSON-innehåll saknas eller är felaktigt.'
            : fe.statusCode === 429
              ? 'För många försök. Vänta en stund och försök igen.'
              : 'Ogiltig begäran.';
    return sendProblem(reply, request, fe.statusCode, detail, { code: fe.code ?? String(fe.statusCode) });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, 500, 'Ett internt fel inträffade. Försök igen senare.', { code: 'internal' });
}
