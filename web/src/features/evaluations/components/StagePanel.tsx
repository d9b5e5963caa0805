/**
 * The evaluation's stage: all stages with the current one marked, who must act, the deadline, what is
 * missing before the next stage, and (for the people who may) moving one step and the dates and notes
 * the stages ask for. A soft gap can be passed with a reason that is kept in the history.
 */
import { useId, useState, type FormEvent } from 'react';
import { Actions } from '../../../components/Actions.tsx';
import { Field, TextField } from '../../../components/FormField.tsx';
import { ErrorPanel } from '../../../components/Status.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/sv.ts';
import { isApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { useResource } from '../../../lib/useResource.ts';
import { useSubmit } from '../../../lib/useSubmit.ts';
import { STAGES } from '../../../../../src/domain/stages.ts';
import { fetchStage, moveStage, updateStageDetails, type Stage, type StageView } from '../api/stages.ts';

export function StagePanel({ evaluationId, version, onChanged }: { evaluationId: string; version: number; onChanged: () => void }) {
  const t = useT();
  const res = useResource(`stage:${evaluationId}:${version}`, (signal) => fetchStage(evaluationId, signal));
  if (res.error) return isApiError(res.error) && (res.error.status === 403 || res.error.status === 404) ? null : <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return null;
  return <StageCard key={`${res.data.stage}-${res.data.version}`} view={res.data} t={t} onChanged={onChanged} />;
}

function StageCard({ view, t, onChanged }: { view: StageView; t: ReturnType<typeof useT>; onChanged: () => void }) {
  const f = useFormat();
  const id = useId();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const name = (s: Stage) => t(`stage.names.${s}` as MessageKey);
  const missing = (view.checks ?? []).filter((c) => !c.ok);
  const softOnly = missing.length > 0 && missing.every((c) => !c.hard);

  const move = (to: Stage) =>
    run(async () => {
      const moved = await moveStage(view.evaluationId, view.version, to, reason.trim() || null);
      setDone(t('stage.moved', { stage: name(moved.stage).toLowerCase() }));
      onChanged();
    });

  return (
    <section className="card stage-panel" aria-labelledby={`${id}-h`} data-testid="stage-panel">
      <h2 className="label" id={`${id}-h`}>
        {t('stage.title')}
      </h2>
      <ol className="stage-steps" aria-label={t('stage.steps')}>
        {STAGES.map((s) => (
          <li key={s} aria-current={s === view.stage ? 'step' : undefined} className={s === view.stage ? 'current' : undefined}>
            {name(s)}
            {s === view.stage && <span className="sr-only"> ({t('stage.currentLabel')})</span>}
            {view.entered[s] && <span className="muted small"> {f.date(view.entered[s])}</span>}
          </li>
        ))}
      </ol>
      <p data-testid="stage-current">
        <strong>{name(view.stage)}</strong>. {t(`stage.actor.${view.actor}` as MessageKey)}
        {view.actingNames.length > 0 && ` ${t('stage.acting', { names: view.actingNames.join(', ') })}`}
      </p>
      {view.deadline && (
        <p className="small">
          {t('stage.deadline', { date: f.date(view.deadline) })}
          {view.overdue && <strong className="badge warning"> {t('stage.overdue')}</strong>}
        </p>
      )}
      {view.checks && view.next && (
        <>
          <h3 className="small">{t('stage.missing')}</h3>
          {missing.length === 0 ? (
            <p className="small">{t('stage.complete')}</p>
          ) : (
            <ul className="small" data-testid="stage-missing">
              {missing.map((c) => (
                <li key={c.key}>
                  {c.message}
                  {c.hard && <strong> ({t('stage.hard')})</strong>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {view.canMoveForward && view.next && softOnly && (
        <Field id={`${id}-reason`} label={t('stage.reason')}>
          {(control) => <textarea {...control} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      <div className="actions">
        {view.canMoveForward && view.next && (
          <button type="button" className="button" disabled={busy || (missing.length > 0 && (!softOnly || !reason.trim()))} onClick={() => void move(view.next as Stage)} data-testid="stage-forward">
            {t('stage.forward', { stage: name(view.next).toLowerCase() })}
          </button>
        )}
        {view.canMoveBack && view.previous && (
          <button type="button" className="button secondary" disabled={busy} onClick={() => void move(view.previous as Stage)}>
            {t('stage.back', { stage: name(view.previous).toLowerCase() })}
          </button>
        )}
      </div>
      <p role="status" className="small">
        {done}
      </p>
      {error !== null && <ErrorPanel error={error} title={t('stage.failed')} />}
      {view.canEditDetails && view.status !== 'published' && <StageDetailsForm view={view} t={t} onSaved={onChanged} />}
    </section>
  );
}

function StageDetailsForm({ view, t, onSaved }: { view: StageView; t: ReturnType<typeof useT>; onSaved: () => void }) {
  const id = useId();
  const [agreement, setAgreement] = useState(view.agreementDate ?? '');
  const [feedback, setFeedback] = useState(view.feedbackMeetingDate ?? '');
  const [notes, setNotes] = useState(view.feedbackNotes);
  const [deadline, setDeadline] = useState(view.deadline ?? '');
  const { busy, error, run } = useSubmit();
  const [saved, setSaved] = useState(false);
  const stageName = t(`stage.names.${view.stage}` as MessageKey).toLowerCase();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    return run(async () => {
      await updateStageDetails(view.evaluationId, view.version, {
        agreementDate: agreement || null,
        feedbackMeetingDate: feedback || null,
        feedbackNotes: notes,
        deadlines: { [view.stage]: deadline || null },
      });
      setSaved(true);
      onSaved();
    });
  };

  return (
    <details className="stage-details">
      <summary>{t('stage.details')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField id={`${id}-agreement`} label={t('stage.agreementDate')} type="date" value={agreement} onChange={setAgreement} />
        <TextField id={`${id}-deadline`} label={t('stage.deadlineFor', { stage: stageName })} type="date" value={deadline} onChange={setDeadline} />
        <TextField id={`${id}-feedback`} label={t('stage.feedbackDate')} type="date" value={feedback} onChange={setFeedback} />
        <Field id={`${id}-notes`} label={t('stage.feedbackNotes')}>
          {(control) => <textarea {...control} rows={3} maxLength={20000} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <Actions status={saved ? t('stage.saved') : ''}>
          <button type="submit" className="button secondary" disabled={busy}>
            {t('stage.save')}
          </button>
        </Actions>
        {error !== null && <ErrorPanel error={error} />}
      </form>
    </details>
  );
}
