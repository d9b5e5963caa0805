/**
 * The action plan of an evaluation: an editable table (one row per item, stacked as cards on narrow
 * screens), follow-up status, indicators, report-backs and effect. Owners edit; others read.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { useResource } from '../../lib/useResource.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { paths } from '../../paths.ts';
import {
  addItem,
  createIndicator,
  createPlan,
  createReportBack,
  exportFile,
  fetchEffect,
  fetchIndicators,
  fetchPlan,
  fetchReportBacks,
  importIndicators,
  recordValue,
  reportBackFile,
  updateItem,
  updatePlan,
  type ActionPlan,
  type ItemStatus,
  type PlanAction,
  type PlanItem,
} from './api/follow-up.ts';

const STATUSES: ItemStatus[] = ['not_started', 'ongoing', 'done', 'dropped'];
const emptyAction = (): PlanAction => ({ text: '', responsible: '', unit: '', start: null, plannedDone: null, done: null });

/** An item being edited: its new actions have no id yet. */
type ItemDraft = Omit<PlanItem, 'actions'> & { actions: PlanAction[] };

function ItemRow({ plan, item, onSaved }: { plan: ActionPlan; item: PlanItem; onSaved: (p: ActionPlan) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<ItemDraft>(item);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const edit = plan.canEdit;
  const set = (patch: Partial<ItemDraft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const setAction = (i: number, patch: Partial<PlanAction>) => set({ actions: draft.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
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
        actions: draft.actions.filter((a) => a.text.trim() !== '').map((a) => ({ ...a, start: a.start || null, plannedDone: a.plannedDone || null, done: a.done || null })),
      });
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(isApiError(err) ? err.detail : t('common.error'));
    }
  };
  const id = (k: string) => `item-${item.id}-${k}`;
  return (
    <tr>
      <td data-label={t('plan.col.improvement')}>
        <strong>{item.improvement}</strong>
        {item.subareaId && <div className="muted">{t('common.subarea')} {item.subareaId} {item.subareaTitle}</div>}
      </td>
      <td data-label={t('plan.col.work')}>
        <form onSubmit={save} aria-label={t('plan.itemForm', { name: item.improvement })}>
          <label htmlFor={id('comment')}>{t('plan.comment')}</label>
          <textarea id={id('comment')} value={draft.comment} disabled={!edit} rows={2} onChange={(e) => set({ comment: e.target.value })} />
          <fieldset>
            <legend>{t('plan.actions')}</legend>
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
          </div>
          {edit && (
            <button type="submit" className="button small">
              {t('plan.saveItem')}
            </button>
          )}
          <span role="status">{saved ? t('plan.saved') : ''}</span>
          {error && <p role="alert" className="error">{error}</p>}
        </form>
      </td>
    </tr>
  );
}

function Indicators({ plan }: { plan: ActionPlan }) {
  const t = useT();
  const res = useResource(`ind-${plan.municipality.code}`, (signal) => fetchIndicators(plan.municipality.code, signal));
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [value, setValue] = useState('');
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState('');
  const items = res.data?.items ?? [];
  const run = async (f: () => Promise<unknown>, ok: string) => {
    setMessage('');
    try {
      await f();
      setMessage(ok);
      res.reload();
    } catch (err) {
      setMessage(isApiError(err) ? err.detail : t('common.error'));
    }
  };
  return (
    <section aria-labelledby="indicators-h">
      <h2 id="indicators-h">{t('plan.indicators')}</h2>
      {items.length === 0 && <p>{t('plan.noIndicators')}</p>}
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <strong>{i.name}</strong> {i.unit && `(${i.unit})`}:{' '}
            {i.values.filter((v) => v.gender === 'T').map((v) => `${v.period}: ${v.value ?? '–'}`).join(', ') || '–'}
            {i.targets.length > 0 && ` · ${t('plan.targets')}: ${i.targets.map((x) => `${x.label ? `${x.label} ` : ''}${x.value} (${x.period})`).join(', ')}`}
          </li>
        ))}
      </ul>
      {plan.canEdit && (
        <>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => createIndicator(plan.municipality.code, name, ''), t('plan.saved'));
            }}
          >
            <label>
              {t('plan.newIndicator')} <input value={name} required onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="submit" className="button secondary small">{t('plan.addIndicator')}</button>
          </form>
          {items.length > 0 && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => recordValue(target || (items[0]?.id ?? ''), Number(year), Number(value.replace(',', '.'))), t('plan.valueSaved'));
              }}
            >
              <label>
                {t('plan.indicator')}
                <select value={target} onChange={(e) => setTarget(e.target.value)}>
                  {items.map((i) => (
                    <option key={i.id} value={i.id}>{i.name}</option>
                  ))}
                </select>
              </label>
              <label>
                {t('plan.year')} <input inputMode="numeric" value={year} required pattern="\d{4}" onChange={(e) => setYear(e.target.value)} />
              </label>
              <label>
                {t('plan.value')} <input inputMode="decimal" value={value} required onChange={(e) => setValue(e.target.value)} />
              </label>
              <button type="submit" className="button secondary small">{t('plan.recordValue')}</button>
            </form>
          )}
          <label className="inline-form">
            {t('plan.importFile')}
            <input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => { const f = e.target.files?.[0]; if (f) void run(() => importIndicators(f), t('plan.imported')); }} />
          </label>
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

function ReportBacks({ plan }: { plan: ActionPlan }) {
  const t = useT();
  const res = useResource(`rb-${plan.id}`, (signal) => fetchReportBacks(plan.id, signal));
  const [proposal, setProposal] = useState('');
  const [message, setMessage] = useState('');
  const make = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const rb = await createReportBack(plan.id, proposal.split('\n').map((l) => l.trim()).filter(Boolean));
      setMessage(t('plan.reportBackMade', { n: rb.number }));
      res.reload();
    } catch (err) {
      setMessage(isApiError(err) ? err.detail : t('common.error'));
    }
  };
  return (
    <section aria-labelledby="rb-h">
      <h2 id="rb-h">{t('plan.reportBacks')}</h2>
      <p>
        {t('plan.nextDue', { date: plan.followUp.nextDue })} {plan.followUp.overdue && <strong className="error">{t('plan.overdue')}</strong>}
      </p>
      <ul>
        {(res.data?.items ?? []).map((r) => (
          <li key={r.number}>
            {t('plan.reportBackN', { n: r.number, date: r.reportDate })}{' '}
            <a href={reportBackFile(plan.id, r.number, 'docx')} download>DOCX</a> · <a href={reportBackFile(plan.id, r.number, 'pdf')} download>PDF</a>
          </li>
        ))}
      </ul>
      {plan.canEdit && (
        <form onSubmit={make}>
          <label htmlFor="proposal">{t('plan.decisionProposal')}</label>
          <textarea id="proposal" rows={3} value={proposal} placeholder={t('plan.decisionHint')} onChange={(e) => setProposal(e.target.value)} />
          <button type="submit" className="button">{t('plan.makeReportBack')}</button>
        </form>
      )}
      <p role="status">{message}</p>
    </section>
  );
}

function EffectSection({ plan }: { plan: ActionPlan }) {
  const t = useT();
  const res = useResource(`effect-${plan.id}-${plan.version}`, (signal) => fetchEffect(plan.id, signal));
  const e = res.data;
  if (!e) return null;
  return (
    <section aria-labelledby="effect-h">
      <h2 id="effect-h">{t('plan.effect')}</h2>
      {!e.comparable ? (
        <p>{e.reason}</p>
      ) : (
        <table>
          <caption>{t('plan.effectCaption', { year: e.to.year })}</caption>
          <thead>
            <tr><th scope="col">{t('common.subarea')}</th><th scope="col">{t('plan.items')}</th><th scope="col">{t('plan.change')}</th></tr>
          </thead>
          <tbody>
            {e.subareas.filter((s) => s.items.length > 0).map((s) => (
              <tr key={s.subareaId}>
                <td>{s.subareaId} {s.title}</td>
                <td>{s.items.map((i) => `${i.improvement} (${i.done ? t('plan.status.done') : t('plan.notDone')})`).join('; ')}</td>
                <td>{s.delta === null ? '–' : `${s.before} → ${s.after} (${s.delta > 0 ? '+' : ''}${s.delta})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function ActionPlanPage() {
  const t = useT();
  const { id = '' } = useParams();
  const res = useResource(`plan-${id}`, (signal) => fetchPlan(id, signal).catch((err: unknown) => (isApiError(err, 404) ? null : Promise.reject(err))));
  const [error, setError] = useState('');
  const [newItem, setNewItem] = useState('');
  const plan = res.data;
  if (res.loading && plan === undefined) return <p>{t('common.loading')}</p>;
  if (res.error) return <p role="alert">{t('common.error')}</p>;
  if (!plan) {
    return (
      <section>
        <h1>{t('plan.title')}</h1>
        <p>{t('plan.none')}</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            createPlan(id).then(res.setData, (err: unknown) => setError(isApiError(err) ? err.detail : t('common.error')));
          }}
        >
          {t('plan.create')}
        </button>
        {error && <p role="alert">{error}</p>}
        <p><Link to={paths.evaluation(id)}>{t('plan.toEvaluation')}</Link></p>
      </section>
    );
  }
  const areas = [...new Set(plan.items.map((i) => i.areaNumber))];
  return (
    <article className="action-plan">
      <h1>{plan.title || t('plan.title')}</h1>
      <p>
        {plan.municipality.name} · {plan.evaluation.frameworkName} {plan.evaluation.year} · <Link to={paths.evaluation(plan.evaluationId)}>{t('plan.toEvaluation')}</Link>
      </p>
      {plan.demo && <p className="notice">{t('plan.demo')}</p>}
      <p>
        {plan.published ? t('plan.isPublished') : t('plan.notPublished')}{' '}
        {plan.canEdit && (
          <button type="button" className="button secondary small" onClick={() => void updatePlan(plan.id, { expectedVersion: plan.version, published: !plan.published }).then(res.setData, (err: unknown) => setError(isApiError(err) ? err.detail : t('common.error')))}>
            {plan.published ? t('plan.unpublish') : t('plan.publish')}
          </button>
        )}{' '}
        <a href={exportFile(plan.id, 'csv')} download>CSV</a> · <a href={exportFile(plan.id, 'xlsx')} download>XLSX</a>
      </p>
      {error && <p role="alert">{error}</p>}
      {plan.followUp.overdueActions.length > 0 && (
        <p className="notice">{t('plan.overdueActions', { n: plan.followUp.overdueActions.length })}</p>
      )}
      {areas.map((a) => (
        <section key={String(a)} aria-labelledby={`area-${a}`}>
          <h2 id={`area-${a}`}>
            {a === null ? t('plan.otherItems') : `${t('common.areaN', { n: a })} ${plan.items.find((i) => i.areaNumber === a)?.areaTitle ?? ''}`}
            {a !== null && plan.evaluation.areaScores[String(a)] != null && ` – ${plan.evaluation.areaScores[String(a)]} ${t('common.points')}`}
          </h2>
          <table className="plan-table">
            <thead>
              <tr><th scope="col">{t('plan.col.improvement')}</th><th scope="col">{t('plan.col.work')}</th></tr>
            </thead>
            <tbody>
              {plan.items.filter((i) => i.areaNumber === a).map((i) => (
                <ItemRow key={`${i.id}-${plan.version}`} plan={plan} item={i} onSaved={res.setData} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {plan.canEdit && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            addItem(plan.id, plan.version, newItem).then((p) => { setNewItem(''); res.setData(p); }, (err: unknown) => setError(isApiError(err) ? err.detail : t('common.error')));
          }}
        >
          <label>
            {t('plan.newItem')} <input value={newItem} required onChange={(e) => setNewItem(e.target.value)} />
          </label>
          <button type="submit" className="button secondary small">{t('plan.addItem')}</button>
        </form>
      )}
      <Indicators plan={plan} />
      <ReportBacks plan={plan} />
      <EffectSection plan={plan} />
    </article>
  );
}
