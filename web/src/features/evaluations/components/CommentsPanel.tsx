import { useId, useState, type FormEvent } from 'react';
import { ErrorPanel, Loading } from '../../../components/Status.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { SummaryArea } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';
import { fetchComments, postComment } from '../api/workflow.ts';

/** Comments on an evaluation: municipality users write while it is shared for review; evaluators read them. */
export function CommentsPanel({ evaluationId, areas, canComment, onPosted }: { evaluationId: string; areas: SummaryArea[]; canComment: boolean; onPosted: () => void }) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const comments = useResource(`comments:${evaluationId}`, (signal) => fetchComments(evaluationId, signal));
  const [body, setBody] = useState('');
  const [area, setArea] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    if (!body.trim()) {
      setFieldError(t('comments.emptyError'));
      document.getElementById(`${id}-body`)?.focus();
      return;
    }
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      await postComment(evaluationId, body.trim(), area ? Number(area) : null);
      setBody('');
      setArea('');
      setSent(true);
      comments.reload();
      onPosted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const items = comments.data?.items ?? [];
  const areaTitle = (n: number) => areas.find((a) => a.number === n)?.title;

  return (
    <section className="section" aria-labelledby={`${id}-h`} data-testid="comments">
      <h2 id={`${id}-h`}>{t('comments.title')}</h2>
      <p className="muted small">{t('comments.intro')}</p>
      {comments.error !== undefined && <ErrorPanel error={comments.error} onRetry={comments.reload} />}
      {comments.data === undefined && comments.error === undefined && <Loading />}
      {comments.data && items.length === 0 && <p>{t('comments.empty')}</p>}
      {items.length > 0 && (
        <ol className="comment-list">
          {items.map((c) => (
            <li key={c.id}>
              <div className="comment-head">
                <strong>{c.author.name}</strong>
                <time className="muted small" dateTime={c.createdAt}>
                  {f.dateTime(c.createdAt)}
                </time>
                {c.areaNumber !== null && (
                  <span className="muted small">
                    {t('comments.onArea', { n: c.areaNumber })}
                    {areaTitle(c.areaNumber) ? ` (${areaTitle(c.areaNumber)})` : ''}
                  </span>
                )}
              </div>
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment ? (
        <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-label={t('comments.label')}>
          {error !== null && <ErrorPanel error={error} />}
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('comments.label')}</label>
            <textarea
              id={`${id}-body`}
              rows={4}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-body-fel` : undefined}
              maxLength={20000}
            />
            {fieldError && (
              <p className="field-error" id={`${id}-body-fel`}>
                {fieldError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-area`}>{t('comments.area')}</label>
            <select id={`${id}-area`} value={area} onChange={(e) => setArea(e.target.value)}>
              <option value="">{t('comments.areaAny')}</option>
              {areas.map((a) => (
                <option key={a.number} value={a.number}>
                  {a.number}. {a.title}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('comments.sending') : t('comments.submit')}
            </button>
            <span role="status" className="small">
              {sent ? t('comments.sent') : ''}
            </span>
          </div>
        </form>
      ) : (
        <p className="small muted">{t('comments.closed')}</p>
      )}
    </section>
  );
}
