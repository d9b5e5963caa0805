/** For a signed-in user: what waits for them in evaluations under way (GET /api/worklist). */
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorPanel } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useFormat } from '../../lib/format.ts';
import { useResource } from '../../lib/useResource.ts';
import { paths } from '../../paths.ts';
import { fetchWorklist, markQuestionnaireAnswered, type WorkItem } from './api/worklist.ts';

export function Worklist() {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const { user } = useAuth();
  const res = useResource(user ? `worklist-${user.id}` : null, (signal) => fetchWorklist(signal));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!user) return null;
  const items = res.data?.items ?? [];

  const stageName = (s: WorkItem['stage']) => (s ? t(`stage.names.${s}` as MessageKey) : '');
  const title = (i: WorkItem): string => {
    const key = `worklist.kind.${i.kind}` as MessageKey;
    if (i.kind === 'advance_stage') return t(key, { stage: stageName(i.next).toLowerCase() });
    if (i.kind === 'overdue') return t(key, { stage: stageName(i.stage).toLowerCase() });
    if (i.kind === 'open_threads') return t(key, { n: i.count ?? 0 });
    if (i.kind === 'review_framework') return t(key, { id: i.frameworkId ?? '' });
    return t(key);
  };

  const answered = async (evaluationId: string) => {
    setBusy(evaluationId);
    setError(null);
    try {
      await markQuestionnaireAnswered(evaluationId);
      setDone(t('worklist.answered'));
      res.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card worklist" aria-labelledby={`${id}-h`} data-testid="worklist">
      <h2 id={`${id}-h`}>{t('worklist.title')}</h2>
      {res.error !== undefined && <ErrorPanel error={res.error} onRetry={res.reload} />}
      {res.data && items.length === 0 && <p className="muted">{t('worklist.empty')}</p>}
      {items.length > 0 && (
        <ul className="worklist-items">
          {items.map((i, n) => (
            <li key={`${i.kind}-${i.evaluationId ?? i.frameworkId ?? ''}-${n}`} data-testid={`work-${i.kind}`}>
              <strong>{i.kind === 'review_framework' && i.frameworkId ? <Link to={paths.framework(i.frameworkId)}>{title(i)}</Link> : title(i)}</strong>
              {i.municipality && (
                <>
                  {' '}
                  {i.evaluationId && i.kind !== 'answer_questionnaire' ? <Link to={paths.evaluation(i.evaluationId)}>{`${i.municipality.name} ${i.year ?? ''}`}</Link> : <span>{`${i.municipality.name} ${i.year ?? ''}`}</span>}
                </>
              )}
              {i.deadline && <span className={i.overdue ? 'badge warning' : 'muted small'}> {t('worklist.deadline', { date: f.date(i.deadline) })}</span>}
              {i.missing.length > 0 && <p className="small muted">{t('worklist.missing', { list: i.missing.join(' ') })}</p>}
              {i.kind === 'answer_questionnaire' && i.evaluationId && (
                <div className="actions">
                  <button type="button" className="button" disabled={busy !== null} onClick={() => void answered(i.evaluationId ?? '')}>
                    {t('worklist.markAnswered')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="small">
        {done}
      </p>
      {error !== null && <ErrorPanel error={error} />}
    </section>
  );
}
