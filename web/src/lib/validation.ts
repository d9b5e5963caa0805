/**
 * Invalid-input problems in the interface language. The server sends each field problem with the
 * schema issue's code and limits (`too_big`, maximum 12) besides its Swedish sentence; this words
 * it from the i18n catalogs, and the edit forms word their own checks while typing the same way
 * (`issueFacts` over the schema's issues). Only a problem without a code (a domain rule's own
 * sentence) keeps the server's Swedish, marked as such.
 */
import { issueFacts } from '../../../src/domain/issue-facts.ts';
import type { Lang, TFunction } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/sv.ts';

export interface FieldProblem {
  message: string;
  code?: string | undefined;
  params?: Record<string, string | number | boolean> | undefined;
}

export interface Worded {
  text: string;
  /** Set when the text is the server's Swedish sentence (shown in another interface language). */
  lang?: 'sv';
}

const TYPES: Record<string, MessageKey> = {
  string: 'validation.type.string',
  number: 'validation.type.number',
  int: 'validation.type.int',
  boolean: 'validation.type.boolean',
  array: 'validation.type.array',
  object: 'validation.type.object',
};

const FORMATS: Record<string, MessageKey> = {
  email: 'validation.format.email',
  uuid: 'validation.format.uuid',
  guid: 'validation.format.uuid',
  url: 'validation.format.url',
  date: 'validation.format.date',
};

function keyFor(code: string, p: Record<string, string | number | boolean>): { key: MessageKey; params?: Record<string, string | number> } | null {
  const n = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? v : '');
  const exclusive = p.inclusive === false;
  switch (code) {
    case 'invalid_type': {
      if (p.missing === true) return { key: 'validation.missing' };
      const type = TYPES[String(p.type)];
      return type ? { key: 'validation.type', params: { expected: type } } : { key: 'validation.invalid' };
    }
    case 'too_big':
      if (p.origin === 'string') return typeof p.length === 'number' ? { key: 'validation.tooLongHas', params: { maximum: n(p.maximum), length: p.length } } : { key: 'validation.tooLong', params: { maximum: n(p.maximum) } };
      if (p.origin === 'array' || p.origin === 'set') return { key: 'validation.tooMany', params: { maximum: n(p.maximum) } };
      return { key: exclusive ? 'validation.tooBigExclusive' : 'validation.tooBig', params: { maximum: n(p.maximum) } };
    case 'too_small':
      if (p.origin === 'string') return Number(p.minimum) <= 1 ? { key: 'validation.empty' } : { key: 'validation.tooShort', params: { minimum: n(p.minimum) } };
      if (p.origin === 'array' || p.origin === 'set') return { key: 'validation.tooFew', params: { minimum: n(p.minimum) } };
      return { key: exclusive ? 'validation.tooSmallExclusive' : 'validation.tooSmall', params: { minimum: n(p.minimum) } };
    case 'invalid_format':
      return { key: FORMATS[String(p.format)] ?? 'validation.format' };
    case 'not_multiple_of':
      return { key: 'validation.multipleOf', params: { divisor: n(p.divisor) } };
    case 'invalid_value':
      return { key: 'validation.oneOf', params: { values: n(p.values) } };
    case 'unrecognized_keys':
      return { key: 'validation.unknownKeys', params: { keys: n(p.keys) } };
    case 'custom':
      if (p.reason === 'nul') return { key: 'validation.textNul' };
      if (p.reason === 'surrogate') return { key: 'validation.textSurrogate' };
      if (p.reason === 'date_format') return { key: 'validation.format.date' };
      if (p.reason === 'no_such_date') return { key: 'validation.noSuchDate', params: { date: n(p.date) } };
      if (p.reason === 'period_order') return { key: 'validation.periodOrder' };
      return null;
    default:
      return null;
  }
}

/** One field problem in the interface language. */
export function wordProblem(problem: FieldProblem, t: TFunction, lang: Lang): Worded {
  const found = problem.code ? keyFor(problem.code, problem.params ?? {}) : null;
  if (found) {
    const params = found.params ? Object.fromEntries(Object.entries(found.params).map(([k, v]) => [k, k === 'expected' ? t(v as MessageKey) : v])) : undefined;
    return { text: t(found.key, params) };
  }
  // A rule's own sentence (Swedish, specific): as written in Swedish, and marked so elsewhere.
  if (problem.message && lang === 'sv') return { text: problem.message };
  if (problem.message && !problem.code) return { text: problem.message, lang: 'sv' };
  return { text: t('validation.invalid') };
}

/** A zod issue of the forms' own checks (the server's schemas run in the browser) in the interface language. */
export function wordIssue(issue: { code?: unknown; message: string; [key: string]: unknown }, t: TFunction, lang: Lang): string {
  const facts = issueFacts(issue);
  return wordProblem({ message: issue.message, code: facts.code, params: facts.params }, t, lang).text;
}

/** A validation problem whose every field problem carries a code: worded here entirely, without the server's sentence. */
export function isCodedValidation(err: { body: Record<string, unknown>; errors: readonly FieldProblem[] }): boolean {
  return err.body.code === 'validation' && err.errors.length > 0 && err.errors.every((e) => typeof e.code === 'string');
}
