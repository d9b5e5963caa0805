import { useId, useState } from 'react';
import { ErrorPanel, Loading } from '../../../components/Status.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import type { SummaryArea } from '../../../lib/types.ts';
import { postComment } from '../api/workflow.ts';
import { CommentForm, itemAnchor, shownAtItem, Thread, useItemLabel, useThreads } from './CommentThreads.tsx';

/**
 * Comment threads on an evaluation: municipality users write while it is shared for review; the team
 * writes at any time before publication, also internal notes only the team sees. Each thread can be
 * answered and marked resolved (and reopened). Threads about one strength or improvement opportunity
 * are shown beside that item (listed here with a link); a thread whose item is no longer in the list
 * stays here with its quote.
 */
export function CommentsPanel({ areas }: { areas: SummaryArea[] }) {
  const t = useT();
  const id = useId();
  const ctx = useThreads();
  const itemLabel = useItemLabel();
  const [area, setArea] = useState('');
  if (!ctx) return null;
  const { comments } = ctx;

  const items = comments.data?.items ?? [];
  const roots = items.filter((c) => c.parentId === null);
  const atItems = roots.filter((c) => shownAtItem(c, ctx.texts));
  const here = roots.filter((c) => !shownAtItem(c, ctx.texts));
  const areaTitle = (n: number) => areas.find((a) => a.number === n)?.title;

  return (
    <section className="section" aria-labelledby={`${id}-h`} data-testid="comments">
      <h2 id={`${id}-h`}>{t('comments.title')}</h2>
      <p className="muted small">{t('comments.intro')}</p>
      {comments.error !== undefined && <ErrorPanel error={comments.error} onRetry={comments.reload} />}
      {comments.data === undefined && comments.error === undefined && <Loading />}
      {comments.data && items.length === 0 && <p>{t('comments.empty')}</p>}
      {here.length > 0 && (
        <ol className="comment-list">
          {here.map((c) => (
            <Thread key={c.id} root={c} replies={items.filter((r) => r.parentId === c.id)} areaTitle={c.areaNumber !== null ? areaTitle(c.areaNumber) : undefined} />
          ))}
        </ol>
      )}
      {atItems.length > 0 && (
        <>
          <h3>{t('comments.atItems')}</h3>
          <ul className="item-thread-links" data-testid="item-thread-links">
            {atItems.map((c) =>
              c.item && c.areaNumber !== null ? (
                <li key={c.id}>
                  <a href={`#${itemAnchor(c.item.kind, c.item.index, c.areaNumber)}`}>{itemLabel(c.item.kind, c.item.index, c.areaNumber)}</a>{' '}
                  <span className="small muted">
                    {c.resolvedAt ? t('comments.resolvedBy', { name: c.resolvedBy ?? '' }) : t('comments.openThread')} · {t('comments.replies', { n: items.filter((r) => r.parentId === c.id).length })}
                  </span>
                </li>
              ) : null,
            )}
          </ul>
        </>
      )}
      {ctx.canComment ? (
        <CommentForm
          label={t('comments.label')}
          isStaff={ctx.isStaff}
          extra={
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
          }
          onSend={async (body, internal) => {
            await postComment(ctx.evaluationId, body, area ? Number(area) : null, internal ? { internal: true } : {});
            setArea('');
            ctx.changed();
          }}
        />
      ) : (
        <p className="small muted">{t('comments.closed')}</p>
      )}
    </section>
  );
}
