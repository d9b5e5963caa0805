import type { ReactNode } from 'react';
import { useLang, useT } from '../i18n/i18n.tsx';
import { ApiError, NETWORK_ERROR_STATUS, type ProblemFieldError } from '../lib/api.ts';
import { isCodedValidation, wordProblem, type Worded } from '../lib/validation.ts';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * The language of an error's text: the server's problem details are Swedish, specific sentences; shown
 * in an English or Norwegian interface they are marked so. This client's network message is in the
 * interface language.
 */
export function errorLang(error: unknown): 'sv' | undefined {
  // The network failure is worded by this client, in the interface language.
  return error instanceof ApiError && error.status !== NETWORK_ERROR_STATUS ? 'sv' : undefined;
}

/** Words a server field problem in the interface language (see lib/validation.ts). */
export function useWordProblem(): (problem: ProblemFieldError) => Worded {
  const t = useT();
  const [lang] = useLang();
  return (problem) => wordProblem(problem, t, lang);
}

/** The field problems of a refused request, each in the interface language (or marked Swedish). */
export function ProblemList({ problems }: { problems: readonly ProblemFieldError[] }) {
  const word = useWordProblem();
  return (
    <ul>
      {problems.map((e, i) => {
        const w = word(e);
        return (
          <li key={`${i}:${e.path}`} lang={w.lang}>
            {w.text}
          </li>
        );
      })}
    </ul>
  );
}

export function ErrorPanel({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useT();
  const coded = error instanceof ApiError && isCodedValidation(error);
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title ?? (coded ? t('validation.title') : t('common.error'))}</p>
      {!coded && <p lang={errorLang(error)}>{errorText(error)}</p>}
      {error instanceof ApiError && error.errors.length > 0 && <ProblemList problems={error.errors} />}
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Notice({ children, tone = 'info', title }: { children: ReactNode; tone?: 'info' | 'warning' | 'success'; title?: string }) {
  return (
    <div className={`alert alert-${tone}`}>
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}
