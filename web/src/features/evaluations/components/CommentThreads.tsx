/**
 * The comment threads of one evaluation, shared by the comments panel and the list items of the areas:
 * a thread can be about the whole evaluation, an area, or one strength / improvement opportunity (the
 * thread keeps the item's text as it read when the thread was started, shown as a quote).
 */
import { createContext, useContext, useId, useState, type FormEvent, type ReactNode } from 'react';
import { passageAnchor } from '../../../../../src/domain/search.ts';
import { ErrorPanel } from '../../../components/Status.tsx';
import { useLang, useT } from '../../../i18n/i18n.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { AreaText } from '../../../lib/types.ts';
import { useResource, type Resource } from '../../../lib/useResource.ts';
import { fetchComments, postComment, resolveThread, type CommentItem } from '../api/workflow.ts';

export type ItemKind = 'strength' | 'improvement';

interface Threads {
  evaluationId: string;
  comments: Resource<{ items: CommentItem[] }>;
  texts: AreaText[];
  canComment: boolean;
  isStaff: boolean;
  canResolve: (thread: CommentItem) => boolean;
  changed: () => void;
}

const ThreadsContext = createContext<Threads | null>(null);

export function useThreads(): Threads | null {
  return useContext(ThreadsContext);
}

/** Loads the evaluation's comments once for everything inside (nothing is loaded when `enabled` is false). */
export function CommentThreadsProvider({
  evaluationId,
  enabled,
  texts,
  canComment,
  isStaff,
  canResolve,
  onChanged,
  children,
}: {
  evaluationId: string;
  enabled: boolean;
  texts: AreaText[];
  canComment: boolean;
  isStaff: boolean;
  canResolve: (thread: { userId: string | null; internal: boolean }) => boolean;
  onChanged: () => void;
  children: ReactNode;
}) {
  const comments = useResource(enabled ? `comments:${evaluationId}` : null, (signal) => fetchComments(evaluationId, signal));
  const value: Threads = {
    evaluationId,
    comments,
    texts,
    canComment,
    isStaff,
    canResolve: (c) => canResolve({ userId: c.author.userId, internal: c.internal }),
    changed: () => {
      comments.reload();
      onChanged();
    },
  };
  return <ThreadsContext.Provider value={enabled ? value : null}>{children}</ThreadsContext.Provider>;
}

/** Is the thread about a list item that is still at its place (so it is shown beside that item)? */
export function shownAtItem(c: CommentItem, texts: AreaText[]): boolean {
  if (!c.item || c.areaNumber === null) return false;
  const area = texts.find((a) => a.number === c.areaNumber);
  const list = (c.item.kind === 'strength' ? area?.strengths : area?.improvements) ?? [];
  return c.item.index < list.length;
}

/** "styrka 2 i område 3": the list item a thread is about, for labels and links. */
export function useItemLabel(): (kind: ItemKind, index: number, areaNumber: number) => string {
  const t = useT();
  return (kind, index, areaNumber) => t(kind === 'strength' ? 'comments.itemStrength' : 'comments.itemImprovement', { n: index + 1, area: areaNumber });
}

export function itemAnchor(kind: ItemKind, index: number, areaNumber: number): string {
  return passageAnchor({ kind, areaNumber, subareaId: null, item: index + 1 });
}

/**
 * A new comment: the text (required), for the team optionally an internal note; `extra` holds further
 * fields of the caller (the area of a general comment). `onSend` throws to show the server's refusal.
 */
export function CommentForm({
  label,
  isStaff,
  extra,
  onSend,
  onCancel,
  autoFocus = false,
}: {
  label: string;
  isStaff: boolean;
  extra?: ReactNode;
  onSend: (body: string, internal: boolean) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
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
      await onSend(body.trim(), internal);
      setBody('');
      setInternal(false);
      setSent(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card comment-form" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      {error !== null && <ErrorPanel error={error} />}
      <div className="field">
        <label htmlFor={`${id}-body`}>{label}</label>
        <textarea
          id={`${id}-body`}
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-body-fel` : undefined}
          maxLength={20000}
          autoFocus={autoFocus}
        />
        {fieldError && (
          <p className="field-error" id={`${id}-body-fel`}>
            {fieldError}
          </p>
        )}
      </div>
      {extra}
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
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
        <span role="status" className="small">
          {sent ? t('comments.sent') : ''}
        </span>
      </div>
    </form>
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

/** One thread: its first comment (with the quoted list item it is about), the replies, a reply form and resolve / reopen. */
export function Thread({ root, replies, areaTitle }: { root: CommentItem; replies: CommentItem[]; areaTitle?: string | undefined }) {
  const t = useT();
  const id = useId();
  const ctx = useThreads();
  const itemLabel = useItemLabel();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!ctx) return null;

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      ctx.changed();
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
    if (await run(() => postComment(ctx.evaluationId, text.trim(), null, { parentId: root.id }))) {
      setText('');
      setReplying(false);
    }
  };

  return (
    <li className={root.resolvedAt ? 'comment-thread resolved' : 'comment-thread'} data-testid="comment-thread">
      <CommentHead c={root} areaTitle={areaTitle} />
      {root.item && root.areaNumber !== null && (
        <figure className="comment-quote">
          <figcaption className="small muted">{t('comments.aboutItem', { item: itemLabel(root.item.kind, root.item.index, root.areaNumber) })}</figcaption>
          <blockquote lang="sv" data-testid="comment-quote">
            {root.item.text}
          </blockquote>
        </figure>
      )}
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
      {ctx.canComment && (
        <div className="actions">
          {!replying && (
            <button type="button" className="button secondary" onClick={() => setReplying(true)} disabled={busy}>
              {t('comments.reply')}
            </button>
          )}
          {ctx.canResolve(root) && (
            <button type="button" className="button secondary" onClick={() => void run(() => resolveThread(ctx.evaluationId, root.id, !root.resolvedAt))} disabled={busy} data-testid="thread-resolve">
              {root.resolvedAt ? t('comments.reopen') : t('comments.resolve')}
            </button>
          )}
        </div>
      )}
      {replying && (
        <form onSubmit={(e) => void reply(e)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-reply`}>{t('comments.replyLabel', { name: root.author.name })}</label>
            <textarea id={`${id}-reply`} rows={2} maxLength={20000} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
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

/** The threads about one strength or improvement opportunity, and a button to start one (when commenting is open). */
export function ItemThreads({ areaNumber, kind, index }: { areaNumber: number; kind: ItemKind; index: number }) {
  const t = useT();
  const [lang] = useLang();
  const ctx = useThreads();
  const itemLabel = useItemLabel();
  const [open, setOpen] = useState(false);
  if (!ctx) return null;
  const items = ctx.comments.data?.items ?? [];
  const roots = items.filter((c) => c.parentId === null && c.areaNumber === areaNumber && c.item?.kind === kind && c.item.index === index);
  if (roots.length === 0 && !ctx.canComment) return null;
  const label = itemLabel(kind, index, areaNumber);
  return (
    <div className="item-threads" lang={lang} data-testid={`item-threads-${kind}-${areaNumber}-${index + 1}`}>
      {roots.length > 0 && (
        <ol className="comment-list" aria-label={t('comments.threadsOn', { item: label })}>
          {roots.map((c) => (
            <Thread key={c.id} root={c} replies={items.filter((r) => r.parentId === c.id)} />
          ))}
        </ol>
      )}
      {ctx.canComment &&
        (open ? (
          <CommentForm
            label={t('comments.itemLabel', { item: label })}
            isStaff={ctx.isStaff}
            autoFocus
            onCancel={() => setOpen(false)}
            onSend={async (body, internal) => {
              await postComment(ctx.evaluationId, body, areaNumber, { item: { kind, index }, ...(internal ? { internal: true } : {}) });
              setOpen(false);
              ctx.changed();
            }}
          />
        ) : (
          <button type="button" className="button secondary small" onClick={() => setOpen(true)} aria-label={t('comments.onItemButton', { item: label })}>
            {t('comments.commentItem')}
          </button>
        ))}
    </div>
  );
}
