import { Link } from 'react-router-dom';
import { errorLang, errorText } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { paths } from '../../paths.ts';

/** The evaluations a refusal names (`evaluations` in the problem body), for links. */
function namedEvaluations(error: unknown): Array<{ id: string; label: string }> {
  if (!(error instanceof ApiError) || !Array.isArray(error.body.evaluations)) return [];
  return error.body.evaluations.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { id, label } = e as Record<string, unknown>;
    return typeof id === 'string' && typeof label === 'string' ? [{ id, label }] : [];
  });
}

/**
 * A refused framework change: the server's Swedish sentence, each problem, and links to the evaluations it
 * would break. A stale version (409) offers to load the current one.
 */
export function RefusalPanel({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const t = useT();
  const evaluations = namedEvaluations(error);
  const details = error instanceof ApiError ? error.errors : [];
  return (
    <div className="alert alert-error" role="alert" data-testid="framework-refusal">
      <p className="alert-title">{t('fwadmin.refused')}</p>
      <p lang={errorLang(error)}>{errorText(error)}</p>
      {details.length > 1 && (
        <ul lang="sv">
          {details.map((d) => (
            <li key={`${d.path}:${d.message}`}>{d.message}</li>
          ))}
        </ul>
      )}
      {evaluations.length > 0 && (
        <>
          <p>{t('fwadmin.affected', { n: evaluations.length })}</p>
          <ul>
            {evaluations.map((e) => (
              <li key={e.id}>
                <Link to={paths.evaluation(e.id)}>{e.label}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {error instanceof ApiError && error.status === 409 && onReload && (
        <button type="button" className="button secondary" onClick={onReload}>
          {t('fwadmin.reload')}
        </button>
      )}
    </div>
  );
}
