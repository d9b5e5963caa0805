/** Domain errors carry a code and a Swedish message; the HTTP layer maps codes to statuses in one place. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'duplicate'
  | 'unauthorized'
  | 'forbidden'
  | 'unsupported'
  | 'too_large'
  | 'unprocessable'
  | 'unavailable'
  | 'rate_limited';

export interface ErrorDetail {
  path?: string;
  message: string;
  /** For invalid input: the schema issue's code (`too_big`, `invalid_format`, …) and its limits, so clients can word it in their language. */
  code?: string;
  params?: Record<string, string | number | boolean>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = [], extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.extra = extra;
  }
}

export const notFound = (message: string): DomainError => new DomainError('not_found', message);
export const invalid = (message: string, details: ErrorDetail[] = []): DomainError =>
  new DomainError('validation', message, details);
