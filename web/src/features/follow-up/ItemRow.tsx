/**
 * One row of the plan table: the improvement (own items: editable, with area), the subarea it is tied
 * to, the municipality's comment, actions with responsible and dates, status (reason when dropped),
 * priority, and whether the item is shown when the plan is published. Drafts survive saves of other rows.
 */
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api.ts';
import { isCodedValidation } from '../../lib/validation.ts';
import { useWordProblem } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { deleteItem, updateItem, type ActionPlan, type ItemStatus, type PlanAction, type PlanItem } from './api/follow-up.ts';

export interface SubareaOption {
  id: string;
  areaNumber: number;
  title: string;
}

const STATUSES: ItemStatus[] = ['not_started', 'ongoing', 'done', 'dropped'];
const emptyAction = (): PlanAction => ({ text: '', responsible: '', unit: '', start: null, plannedDone: null, done: null });

export function ItemRow({ plan, item, subareas, onSaved }: { plan: ActionPlan; item: PlanItem; subareas: SubareaOption[]; onSaved: (p: ActionPlan) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<PlanItem>(item);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const stored = JSON.stringify(item);
  const [seen, setSeen] = useState(stored);
  // A save elsewhere on the page gives a new plan: take the stored item unless this row has unsaved changes.
  if (stored !== seen) {
    setSeen(stored);
    if (!dirty) setDraft(item);
  }
  const edit = plan.canEdit;
  const own = item.source === 'own';
  const set = (patch: Partial<PlanItem>) => {
    setSaved(false);
    setDirty(true);
    setDraft({ ...draft, ...patch });
  };
  const setAction = (i: number, patch: Partial<PlanAction>) => set({ actions: draft.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const word = useWordProblem();
  const fail = (err: unknown) =>
    setError(
      isApiError(err)
        ? isCodedValidation(err)
          ? err.errors.map((x) => word(x).text).join(' ')
          : [err.detail, ...err.errors.map((x) => word(x).text).filter((m) => m !== err.detail)].join(' ')
        : t('common.error'),
    );
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const next = await updateItem(plan.id, item.id, {
        expectedVersion: plan.version,
        comment: draft.comment,
        status: draft.status,
        droppedReason: draft.droppedReason,
        priority: draft.priority,
        public: draft.public,
        subareaId: draft.subareaId,
        ...(own ? { improvement: draft.improvement, areaNumber: draft.areaNumber } : {}),
        actions: draft.actions.filter((a) => a.text.trim() !== '').map((a) => ({ ...a, start: a.start || null, plannedDone: a.plannedDone || null, done: a.done || null })),
      });
      setDirty(false);
      setSaved(true);
      onSaved(next);
    } catch (err) {
      fail(err);
    }
  };
  const remove = async () => {
    setError('');
    try {
      onSaved(await deleteItem(plan.id, item.id, plan.version));
    } catch (err) {
      fail(err);
    }
  };
  const id = (k: string) => `item-${item.id}-${k}`;
  const areaSubareas = subareas.filter((s) => draft.areaNumber === null || s.areaNumber === draft.areaNumber);
  return (
    <tr data-testid="plan-item">
      <td data-label={t('plan.col.improvement')}>
        {own && edit ? (
          <>
            <label htmlFor={id('improvement')}>{t('plan.ownImprovement')}</label>
            <textarea id={id('improvement')} form={id('form')} rows={2} value={draft.improvement} onChange={(e) => set({ improvement: e.target.value })} />
            <label htmlFor={id('area')}>{t('common.area')}</label>
            <select id={id('area')} form={id('form')} value={draft.areaNumber ?? ''} onChange={(e) => set({ areaNumber: e.target.value ? Number(e.target.value) : null, subareaId: null })}>
              <option value="">{t('plan.noArea')}</option>
              {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                <option key={n} value={n}>{t('common.areaN', { n })}</option>
              ))}
            </select>
          </>
        ) : (
          <strong>{item.improvement}</strong>
        )}
        {own && <div className="muted">{t('plan.ownItem')}</div>}
        <label htmlFor={id('subarea')}>{t('plan.linkedSubarea')}</label>
        <select id={id('subarea')} form={id('form')} value={draft.subareaId ?? ''} disabled={!edit} onChange={(e) => set({ subareaId: e.target.value || null })}>
          <option value="">{t('plan.noSubarea')}</option>
          {areaSubareas.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id} {s.title}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('plan.col.work')}>
        <form id={id('form')} onSubmit={save} aria-label={t('plan.itemForm', { name: item.improvement })}>
          <label htmlFor={id('comment')}>{t('plan.comment')}</label>
          <textarea id={id('comment')} value={draft.comment} disabled={!edit} rows={2} onChange={(e) => set({ comment: e.target.value })} />
          <fieldset>
            <legend>{t('plan.actions')}</legend>
            {draft.actions.length === 0 && <p className="muted">{t('plan.noActions')}</p>}
            {draft.actions.map((a, i) => (
              <div className="plan-action" key={a.id ?? `new-${i}`}>
                <label>
                  {t('plan.action.text')} <input value={a.text} disabled={!edit} onChange={(e) => setAction(i, { text: e.target.value })} />
                </label>
                <label>
                  {t('plan.action.responsible')} <input value={a.responsible} disabled={!edit} onChange={(e) => setAction(i, { responsible: e.target.value })} />
                </label>
                <label>
                  {t('plan.action.unit')} <input value={a.unit} disabled={!edit} onChange={(e) => setAction(i, { unit: e.target.value })} />
                </label>
                <label>
                  {t('plan.action.start')} <input type="date" value={a.start ?? ''} disabled={!edit} onChange={(e) => setAction(i, { start: e.target.value || null })} />
                </label>
                <label>
                  {t('plan.action.plannedDone')} <input type="date" value={a.plannedDone ?? ''} disabled={!edit} onChange={(e) => setAction(i, { plannedDone: e.target.value || null })} />
                </label>
                <label>
                  {t('plan.action.done')} <input type="date" value={a.done ?? ''} disabled={!edit} onChange={(e) => setAction(i, { done: e.target.value || null })} />
                </label>
                {edit && (
                  <button type="button" className="button secondary small" onClick={() => set({ actions: draft.actions.filter((_, j) => j !== i) })}>
                    {t('plan.removeAction', { n: i + 1 })}
                  </button>
                )}
              </div>
            ))}
            {edit && (
              <button type="button" className="button secondary small" onClick={() => set({ actions: [...draft.actions, emptyAction()] })}>
                {t('plan.addAction')}
              </button>
            )}
          </fieldset>
          <div className="plan-status">
            <label>
              {t('plan.status')}
              <select value={draft.status} disabled={!edit} onChange={(e) => set({ status: e.target.value as ItemStatus })}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`plan.status.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
            {draft.status === 'dropped' && (
              <label>
                {t('plan.droppedReason')} <input value={draft.droppedReason} disabled={!edit} required onChange={(e) => set({ droppedReason: e.target.value })} />
              </label>
            )}
            <label>
              {t('plan.priority')}
              <select value={draft.priority ?? ''} disabled={!edit} onChange={(e) => set({ priority: (e.target.value || null) as PlanItem['priority'] })}>
                <option value="">–</option>
                <option value="high">{t('plan.priority.high')}</option>
                <option value="medium">{t('plan.priority.medium')}</option>
                <option value="low">{t('plan.priority.low')}</option>
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={draft.public} disabled={!edit} onChange={(e) => set({ public: e.target.checked })} /> {t('plan.itemPublic')}
            </label>
          </div>
          {edit && (
            <div className="inline-form">
              <button type="submit" className="button small">
                {t('plan.saveItem')}
              </button>
              {own && (
                <button type="button" className="button secondary small" onClick={() => void remove()}>
                  {t('plan.deleteItem')}
                </button>
              )}
              {dirty && <span className="muted">{t('plan.unsaved')}</span>}
            </div>
          )}
          <span role="status">{saved ? t('plan.saved') : ''}</span>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      </td>
    </tr>
  );
}
