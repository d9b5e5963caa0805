import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorPanel, Loading } from '../../../components/Status.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useResource } from '../../../lib/useResource.ts';
import { paths } from '../../../paths.ts';
import { fetchHistory, HISTORY_PAGE, type HistoryEntry } from '../api/workflow.ts';
import { actionLabel, changeLines } from '../history.ts';

/** The audit trail of one evaluation, newest first: who, when, what, and each changed value before → after. */
export function HistoryPanel({ evaluationId, version }: { evaluationId: string; version: number }) {
  const t = useT();
  const id = useId();
  const first = useResource(`history:${evaluationId}:${version}`, (signal) => fetchHistory(evaluationId, undefined, signal));
  const [older, setOlder] = useState<{ key: string; items: HistoryEntry[]; done: boolean }>({ key: '', items: [], done: false });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const key = `${evaluationId}:${version}`;
  const extra = older.key === key ? older : { key, items: [], done: false };
  const items = [...(first.data?.items ?? []), ...extra.items];
  const hasMore = first.data !== undefined && (first.data.items.length === HISTORY_PAGE && !extra.done);

  const more = async () => {
    const last = items[items.length - 1];
    if (!last) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchHistory(evaluationId, last.id);
      setOlder({ key, items: [...extra.items, ...page.items], done: page.items.length < HISTORY_PAGE });
    } catch (err) {
      setMoreError(err);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="section" aria-labelledby={`${id}-h`} data-testid="history">
      <h2 id={`${id}-h`}>{t('history.title')}</h2>
      <p className="muted small">{t('history.intro')}</p>
      {first.error !== undefined && <ErrorPanel error={first.error} onRetry={first.reload} />}
      {first.loading && first.data === undefined && <Loading />}
      {first.data && items.length === 0 && <p>{t('history.empty')}</p>}
      {items.length > 0 && (
        <ol className="history-list">
          {items.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      {moreError !== null && <ErrorPanel error={moreError} />}
      {hasMore && (
        <button type="button" className="button secondary small" onClick={() => void more()} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('history.more')}
        </button>
      )}
    </section>
  );
}

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const t = useT();
  const f = useFormat();
  const lines = changeLines(entry, t, f);
  const empty = t('history.empty_value');
  return (
    <li data-action={entry.action}>
      <div className="history-head">
        <span className="history-action">{actionLabel(entry.action, t)}</span>
        <span>{entry.actor.name}</span>
        <time className="muted small" dateTime={entry.at}>
          {f.dateTime(entry.at)}
        </time>
      </div>
      {lines.length > 0 && (
        <ul className="history-changes">
          {lines.map((l) => (
            <li key={l.key} data-change={l.key}>
              {entry.action === 'comment' ? (
                <q>{l.after}</q>
              ) : l.evaluationId ? (
                <>
                  {l.label}: <Link to={paths.evaluation(l.evaluationId)}>{t('history.openEvaluation')}</Link>
                </>
              ) : (
                <>
                  {l.label}: <span className="change-before">{l.before ?? empty}</span> <span aria-hidden="true">→</span>
                  <span className="sr-only">{t('history.to')}</span> <span className="change-after">{l.after ?? empty}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
