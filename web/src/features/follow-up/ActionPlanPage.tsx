/**
 * The action plan of an evaluation: an editable table (one row per item, stacked as cards on narrow
 * screens), plan settings and history, indicators, report-backs and effect. Owners edit; others read.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { useResource } from '../../lib/useResource.ts';
import { useT } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { addItem, createPlan, exportFile, fetchEffect, fetchFramework, fetchPlan, updatePlan, type ActionPlan } from './api/follow-up.ts';
import { IndicatorsSection } from './IndicatorsSection.tsx';
import { ItemRow, type SubareaOption } from './ItemRow.tsx';
import { PlanHistory, PlanSettings } from './PlanSettings.tsx';
import { ReportBacksSection } from './ReportBacksSection.tsx';

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
      <p>
        <Link to={paths.followUpAssociations()}>{t('plan.toAssociations')}</Link>
      </p>
    </section>
  );
}

export default function ActionPlanPage() {
  const t = useT();
  const { id = '' } = useParams();
  const res = useResource(`plan-${id}`, (signal) => fetchPlan(id, signal).catch((err: unknown) => (isApiError(err, 404) ? null : Promise.reject(err))));
  const [error, setError] = useState('');
  const [newItem, setNewItem] = useState('');
  const [newArea, setNewArea] = useState('');
  const plan = res.data;
  const fw = useResource(plan ? `fw-${plan.evaluation.frameworkId}` : null, (signal) => fetchFramework(plan?.evaluation.frameworkId ?? '', signal));
  const subareas: SubareaOption[] = (fw.data?.areas ?? []).flatMap((a) => a.subareas.map((s) => ({ id: s.id, areaNumber: a.number, title: s.title })));
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
      {/* Not keyed by version: saving (here or an item) must not wipe the form, its confirmation or close it. */}
      <PlanSettings plan={plan} onSaved={res.setData} />
      <PlanHistory plan={plan} />
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
                <ItemRow key={i.id} plan={plan} item={i} subareas={subareas} onSaved={res.setData} />
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
            addItem(plan.id, plan.version, { improvement: newItem, areaNumber: newArea ? Number(newArea) : null }).then(
              (p) => {
                setNewItem('');
                res.setData(p);
              },
              (err: unknown) => setError(isApiError(err) ? err.detail : t('common.error')),
            );
          }}
        >
          <label>
            {t('plan.newItem')} <input value={newItem} required onChange={(e) => setNewItem(e.target.value)} />
          </label>
          <label>
            {t('common.area')}
            <select value={newArea} onChange={(e) => setNewArea(e.target.value)}>
              <option value="">{t('plan.noArea')}</option>
              {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                <option key={n} value={n}>{t('common.areaN', { n })}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="button secondary small">{t('plan.addItem')}</button>
        </form>
      )}
      <IndicatorsSection plan={plan} />
      <ReportBacksSection plan={plan} />
      <EffectSection plan={plan} />
    </article>
  );
}
