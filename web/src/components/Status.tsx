import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api.ts';

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
 * The language of an error's text: the server's problem details (and this client's network message)
 * are Swedish, specific sentences; shown in an English or Norwegian interface they are marked so.
 */
export function errorLang(error: unknown): 'sv' | undefined {
  return error instanceof ApiError ? 'sv' : undefined;
}

export function ErrorPanel({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useT();
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title ?? t('common.error')}</p>
      <p lang={errorLang(error)}>{errorText(error)}</p>
      {error instanceof ApiError && error.errors.length > 0 && (
        <ul lang="sv">
          {error.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
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
