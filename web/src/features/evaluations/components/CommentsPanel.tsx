import { useId, useState, type FormEvent } from 'react';
import { ErrorPanel, Loading } from '../../../components/Status.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { SummaryArea } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';
import { fetchComments, postComment, resolveThread, type CommentItem } from '../api/workflow.ts';

/**
 * Comment threads on an evaluation: municipality users write while it is shared for review; the team
 * writes at any time before publication, also internal notes only the team sees. Each thread can be
 * answered and marked resolved (and reopened).
 */
export function CommentsPanel({ evaluationId, areas, canComment, isStaff, onPosted }: { evaluationId: string; areas: SummaryArea[]; canComment: boolean; isStaff: boolean; onPosted: () => void }) {
  const t = useT();
  const id = useId();
  const comments = useResource(`comments:${evaluationId}`, (signal) => fetchComments(evaluationId, signal));
  const [body, setBody] = useState('');
  const [area, setArea] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [internal, setInternal] = useState(false);

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
      await postComment(evaluationId, body.trim(), area ? Number(area) : null, internal ? { internal: true } : {});
      setBody('');
      setInternal(false);
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
          {items
            .filter((c) => c.parentId === null)
            .map((c) => (
              <Thread
                key={c.id}
                root={c}
                replies={items.filter((r) => r.parentId === c.id)}
                areaTitle={c.areaNumber !== null ? areaTitle(c.areaNumber) : undefined}
                evaluationId={evaluationId}
                canComment={canComment}
                onChanged={() => {
                  comments.reload();
                  onPosted();
                }}
              />
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
          {isStaff && (
            <div className="field checkbox">
              <input id={`${id}-internal`} type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
              <label htmlFor={`${id}-internal`}>{t('comments.internal')}</label>
            </div>
          )}
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

function CommentHead({ c, areaTitle }: { c: CommentItem; areaTitle?: string | undefined }) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="comment-head">
      <strong>{c.author.name}</strong>
      <time className="muted small" dateTime={c.createdAt}>
        {f.dateTime(c.createdAt)}
      </time>
      {c.areaNumber !== null && (
        <span className="muted small">
          {t('comments.onArea', { n: c.areaNumber })}
          {areaTitle ? ` (${areaTitle})` : ''}
        </span>
      )}
      {c.internal && c.parentId === null && <span className="badge">{t('comments.internalBadge')}</span>}
    </div>
  );
}

/** One thread: its first comment, the replies, a reply form and resolve / reopen. */
function Thread({ root, replies, areaTitle, evaluationId, canComment, onChanged }: { root: CommentItem; replies: CommentItem[]; areaTitle: string | undefined; evaluationId: string; canComment: boolean; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const reply = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (await run(() => postComment(evaluationId, text.trim(), null, { parentId: root.id }))) {
      setText('');
      setReplying(false);
    }
  };

  return (
    <li className={root.resolvedAt ? 'comment-thread resolved' : 'comment-thread'} data-testid="comment-thread">
      <CommentHead c={root} areaTitle={areaTitle} />
      <p className="comment-body">{root.body}</p>
      {replies.length > 0 && (
        <ol className="comment-replies">
          {replies.map((r) => (
            <li key={r.id}>
              <CommentHead c={r} />
              <p className="comment-body">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      <p className="small" data-testid="thread-state">
        {root.resolvedAt ? t('comments.resolvedBy', { name: root.resolvedBy ?? '' }) : t('comments.openThread')}
      </p>
      {canComment && (
        <div className="actions">
          {!replying && (
            <button type="button" className="button secondary" onClick={() => setReplying(true)} disabled={busy}>
              {t('comments.reply')}
            </button>
          )}
          <button type="button" className="button secondary" onClick={() => void run(() => resolveThread(evaluationId, root.id, !root.resolvedAt))} disabled={busy} data-testid="thread-resolve">
            {root.resolvedAt ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
      {replying && (
        <form onSubmit={(e) => void reply(e)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-reply`}>{t('comments.replyLabel', { name: root.author.name })}</label>
            <textarea id={`${id}-reply`} rows={2} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy || !text.trim()}>
              {t('comments.sendReply')}
            </button>
            <button type="button" className="button secondary" onClick={() => setReplying(false)} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== null && <ErrorPanel error={error} />}
    </li>
  );
}
