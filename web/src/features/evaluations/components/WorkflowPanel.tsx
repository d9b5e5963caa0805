import { useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorPanel, Notice } from '../../../components/Status.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/sv.ts';
import type { EvaluationAccess } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import type { Evaluation, EvaluationStatus } from '../../../lib/types.ts';
import { paths } from '../../../paths.ts';
import { changeStatus, startCorrection } from '../api/workflow.ts';

type Target = EvaluationStatus;

const ACTION_LABEL: Record<Target, MessageKey> = { review: 'workflow.share', published: 'workflow.publish', draft: 'workflow.backToDraft' };

/** Notes that link an evaluation and its correction; shown to everyone. */
export function CorrectionNotes({ evaluation }: { evaluation: Evaluation }) {
  const t = useT();
  return (
    <>
      {evaluation.supersededById && (
        <Notice tone="warning">
          <p data-testid="superseded-note">
            {t('workflow.supersededBy')} <Link to={paths.evaluation(evaluation.supersededById)}>{t('workflow.supersededByLink')}</Link>
          </p>
        </Notice>
      )}
      {evaluation.supersedesId && (
        <Notice tone="info">
          <p data-testid="supersedes-note">
            {t('workflow.supersedes')} <Link to={paths.evaluation(evaluation.supersedesId)}>{t('workflow.supersedesLink')}</Link>
          </p>
        </Notice>
      )}
    </>
  );
}

/**
 * Status actions for the people who may use them: share a draft for review, publish (lead evaluator or
 * administrator), take it back to draft, or start a correction of a published evaluation. Each change
 * asks for confirmation first and says what it means.
 */
export function WorkflowPanel({ evaluation, access, onChanged }: { evaluation: Evaluation; access: EvaluationAccess; onChanged: (e: Evaluation) => void }) {
  const t = useT();
  const id = useId();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Target | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  const targets: Target[] = [];
  if (evaluation.status === 'draft' && access.canShare) targets.push('review');
  if (evaluation.status === 'review' && access.canShare) targets.push('draft');
  if (evaluation.status !== 'published' && access.canPublish) targets.push('published');

  const note =
    evaluation.status === 'published'
      ? null
      : access.editRefusal
        ? access.editRefusal
        : !access.canPublish
          ? t('workflow.leadOnly')
          : null;

  if (targets.length === 0 && !access.canCorrect && !note) return null;

  const ask = (target: Target) => {
    setPending(target);
    setError(null);
    setDone(null);
    window.requestAnimationFrame(() => confirmRef.current?.focus());
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await changeStatus(evaluation.id, evaluation.version, pending);
      setPending(null);
      setDone(t('workflow.changed', { status: t(`status.${updated.status}`) }));
      onChanged(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const correct = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await startCorrection(evaluation.id);
      void navigate(paths.editEvaluation(created.id));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const confirmText = (target: Target): string => {
    if (target === 'published') return t(evaluation.supersedesId ? 'workflow.confirm.publishCorrection' : 'workflow.confirm.published');
    return t(target === 'review' ? 'workflow.confirm.review' : 'workflow.confirm.draft');
  };
  const existing = isApiError(error) && typeof error.body.evaluationId === 'string' ? error.body.evaluationId : null;

  return (
    <section className="card workflow-panel" aria-labelledby={`${id}-h`} data-testid="workflow">
      <h2 className="label" id={`${id}-h`}>
        {t('workflow.title')}
      </h2>
      <p className="small">
        {t('common.status')}: <StatusBadge status={evaluation.status} />
      </p>
      {note && <p className="small muted">{note}</p>}
      {pending === null && (targets.length > 0 || access.canCorrect) && (
        <div className="actions">
          {targets.map((target) => (
            <button key={target} type="button" className={target === 'draft' ? 'button secondary' : 'button'} onClick={() => ask(target)} disabled={busy}>
              {t(ACTION_LABEL[target])}
            </button>
          ))}
          {access.canCorrect && (
            <button type="button" className="button secondary" onClick={() => void correct()} disabled={busy} data-testid="start-correction">
              {t('workflow.createCorrection')}
            </button>
          )}
        </div>
      )}
      {pending !== null && (
        <div className="alert alert-warning" role="group" aria-labelledby={`${id}-confirm`} tabIndex={-1} ref={confirmRef} data-testid="confirm-status">
          <p id={`${id}-confirm`}>{confirmText(pending)}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void confirm()} disabled={busy}>
              {busy ? t('workflow.changing') : t('workflow.confirmYes', { action: t(ACTION_LABEL[pending]).toLowerCase() })}
            </button>
            <button type="button" className="button secondary" onClick={() => setPending(null)} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite" className="small">
        {done}
      </div>
      {error !== null && (
        <>
          <ErrorPanel error={error} title={t('workflow.failed')} />
          {existing && (
            <p>
              <Link to={paths.editEvaluation(existing)}>{t('common.open')}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
