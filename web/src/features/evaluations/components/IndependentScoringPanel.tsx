import { useId, useState } from 'react';
import { ErrorPanel, Notice } from '../../../components/Status.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import type { Evaluation } from '../../../lib/types.ts';
import { useResource } from '../../../lib/useResource.ts';
import { fetchIndependentScores, recordConsensus, saveIndependentScores, type IndependentScores } from '../api/independentScores.ts';
import { fetchScoringMaterial, type SubareaMaterial as Material } from '../api/material.ts';
import { SubareaMaterial } from './SubareaMaterial.tsx';

/** "12,5" or "12.5" → 12.5; empty → undefined; anything else → NaN (shown as an error). */
const parsePoints = (text: string): number | undefined => {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
};

/**
 * Independent scoring and consensus for the evaluation team. An assigned evaluator scores every
 * subarea on their own; the others' scores appear only after they submit. Then every score, the
 * spread and the divergences show, and the lead records the agreed score with a reason.
 */
export function IndependentScoringPanel({ evaluation, isScorer, isLead, onAgreed }: { evaluation: Evaluation; isScorer: boolean; isLead: boolean; onAgreed: () => void }) {
  const t = useT();
  const res = useResource(`independent:${evaluation.id}`, (signal) => fetchIndependentScores(evaluation.id, signal));
  // The questionnaire answers and evidence per subarea, shown beside each score (absent when not allowed).
  const material = useResource(`material:${evaluation.id}`, (signal) => fetchScoringMaterial(evaluation.id, signal).catch(() => ({}) as Record<string, Material>));
  if (res.error) return isApiError(res.error) && (res.error.status === 403 || res.error.status === 404) ? null : <ErrorPanel error={res.error} onRetry={res.reload} />;
  if (!res.data) return null;
  const view = res.data;
  // Nothing to show to someone who does not score while nobody has submitted (most evaluations never use this).
  if ((evaluation.status === 'published' || !isScorer) && !view.evaluators.some((e) => e.submitted)) return null;
  const submitted = isScorer && view.subareas.some((s) => s.others !== null);
  return (
    <section className="section card" aria-labelledby="oberoende-bedomning" data-testid="independent-scoring">
      <h2 id="oberoende-bedomning">{t('conduct.title')}</h2>
      <p className="muted">{t('conduct.intro')}</p>
      <ul className="team-list" aria-label={t('conduct.team')}>
        {view.evaluators.map((e) => (
          <li key={e.userId}>
            {e.name}: {e.submitted ? t('conduct.submitted') : t('conduct.notSubmitted')}
          </li>
        ))}
      </ul>
      {isScorer && !submitted ? (
        <OwnScoresForm evaluationId={evaluation.id} view={view} material={material.data} onSaved={(v) => res.setData(v)} />
      ) : (
        <ConsensusTable evaluation={evaluation} view={view} material={material.data} canAgree={isLead && view.readyForConsensus && evaluation.status !== 'published'} onSaved={(v) => { res.setData(v); onAgreed(); }} />
      )}
    </section>
  );
}

function OwnScoresForm({ evaluationId, view, material, onSaved }: { evaluationId: string; view: IndependentScores; material: Record<string, Material> | undefined; onSaved: (v: IndependentScores) => void }) {
  const t = useT();
  const fmt = useFormat();
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(view.subareas.map((s) => [s.id, fmt.input(s.mine)])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const problems = view.subareas.flatMap((s) => {
    const v = parsePoints(values[s.id] ?? '');
    if (v === undefined) return [];
    if (Number.isNaN(v)) return [{ id: s.id, message: t('conduct.notANumber', { id: s.id }) }];
    if (s.max !== null && v > s.max) return [{ id: s.id, message: t('conduct.overMax', { id: s.id, max: s.max }) }];
    return [];
  });
  const scores = Object.fromEntries(view.subareas.flatMap((s) => { const v = parsePoints(values[s.id] ?? ''); return v === undefined || Number.isNaN(v) ? [] : [[s.id, v]]; }));
  const complete = Object.keys(scores).length === view.subareas.length;
  const save = async (submit: boolean) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      onSaved(await saveIndependentScores(evaluationId, scores, submit));
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(true); }} noValidate>
      <p>{t('conduct.currentStateOnly')}</p>
      <div className="table-wrap" role="region" aria-label={t('conduct.ownScores')} tabIndex={0}>
        <table className="table-compact stack-narrow">
          <caption className="sr-only">{t('conduct.ownScores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.subarea')}</th>
              <th scope="col">{t('conduct.points')}</th>
              <th scope="col">{t('conduct.max')}</th>
            </tr>
          </thead>
          <tbody>
            {view.subareas.map((s) => {
              const problem = problems.find((p) => p.id === s.id);
              return (
                <tr key={s.id}>
                  <th scope="row">
                    <label htmlFor={`${id}-${s.id}`}>
                      {s.id} <span lang="sv">{s.title}</span>
                    </label>
                    <SubareaMaterial evaluationId={evaluationId} subareaId={s.id} material={material?.[s.id]} />
                  </th>
                  <td>
                    <input
                      id={`${id}-${s.id}`}
                      inputMode="decimal"
                      value={values[s.id] ?? ''}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `${id}-${s.id}-err` : undefined}
                      onChange={(e) => setValues((old) => ({ ...old, [s.id]: e.target.value }))}
                      size={5}
                    />
                    {problem && <span id={`${id}-${s.id}-err`} className="field-error">{problem.message}</span>}
                  </td>
                  <td>{fmt.number(s.max)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error !== null && <ErrorPanel error={error} />}
      {saved && <Notice tone="success"><p role="status">{t('conduct.saved')}</p></Notice>}
      <div className="actions">
        <button type="button" className="button secondary" disabled={busy || problems.length > 0} onClick={() => void save(false)}>
          {t('conduct.saveDraft')}
        </button>
        <button type="submit" className="button" disabled={busy || problems.length > 0 || !complete} aria-describedby={`${id}-submit-note`}>
          {t('conduct.submit')}
        </button>
        <span id={`${id}-submit-note`} className="muted small">{complete ? t('conduct.submitNote') : t('conduct.incomplete', { n: view.subareas.length - Object.keys(scores).length })}</span>
      </div>
    </form>
  );
}

function ConsensusTable({ evaluation, view, material, canAgree, onSaved }: { evaluation: Evaluation; view: IndependentScores; material: Record<string, Material> | undefined; canAgree: boolean; onSaved: (v: IndependentScores) => void }) {
  const t = useT();
  const fmt = useFormat();
  const id = useId();
  const names = new Map(view.evaluators.map((e) => [e.userId, e.name]));
  const [values, setValues] = useState<Record<string, { value: string; reason: string }>>(() =>
    Object.fromEntries(view.subareas.map((s) => [s.id, { value: fmt.input(s.agreed?.value ?? null), reason: s.agreed?.reason ?? '' }])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const changed = view.subareas.flatMap((s) => {
    const v = values[s.id];
    const n = parsePoints(v?.value ?? '');
    if (!v || n === undefined || Number.isNaN(n) || v.reason.trim() === '') return [];
    if (s.agreed && s.agreed.value === n && s.agreed.reason === v.reason.trim()) return [];
    return [{ subareaId: s.id, value: n, reason: v.reason.trim() }];
  });
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved((await recordConsensus(evaluation.id, evaluation.version, changed)).scores);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const divergent = view.subareas.filter((s) => s.divergent).length;
  return (
    <div>
      {!view.readyForConsensus && <Notice tone="info"><p>{t('conduct.waiting')}</p></Notice>}
      {divergent > 0 && <p>{t('conduct.divergences', { n: divergent })}</p>}
      {view.missingAgreement.length > 0 && view.readyForConsensus && <p className="muted">{t('conduct.missingAgreement', { n: view.missingAgreement.length })}</p>}
      <div className="table-wrap" role="region" aria-label={t('conduct.consensus')} tabIndex={0}>
        <table className="table-compact stack-narrow">
          <caption className="sr-only">{t('conduct.consensus')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.subarea')}</th>
              <th scope="col">{t('conduct.scores')}</th>
              <th scope="col">{t('conduct.spread')}</th>
              <th scope="col">{t('conduct.agreed')}</th>
            </tr>
          </thead>
          <tbody>
            {view.subareas.map((s) => {
              const v = values[s.id] ?? { value: '', reason: '' };
              return (
                <tr key={s.id} className={s.divergent ? 'divergent' : undefined} data-testid={`consensus-${s.id}`}>
                  <th scope="row">
                    {s.id} <span lang="sv">{s.title}</span>
                    <SubareaMaterial evaluationId={evaluation.id} subareaId={s.id} material={material?.[s.id]} />
                  </th>
                  <td>
                    {[...(s.mine !== null ? [`${t('conduct.me')}: ${fmt.number(s.mine, 1)}`] : []), ...(s.others ?? []).map((o) => `${names.get(o.userId) ?? '?'}: ${fmt.number(o.value, 1)}`)].join(' · ') || '–'}
                  </td>
                  <td>
                    {fmt.number(s.spread, 1)}
                    {s.divergent && <strong className="badge warning"> {t('conduct.divergent')}</strong>}
                  </td>
                  <td>
                    {canAgree ? (
                      <div className="stack-small">
                        <label htmlFor={`${id}-${s.id}-v`} className="sr-only">{t('conduct.agreedFor', { id: s.id })}</label>
                        <input id={`${id}-${s.id}-v`} inputMode="decimal" size={5} value={v.value} onChange={(e) => setValues((o) => ({ ...o, [s.id]: { ...v, value: e.target.value } }))} />
                        <label htmlFor={`${id}-${s.id}-r`} className="sr-only">{t('conduct.reasonFor', { id: s.id })}</label>
                        <input id={`${id}-${s.id}-r`} placeholder={t('conduct.reason')} maxLength={500} value={v.reason} onChange={(e) => setValues((o) => ({ ...o, [s.id]: { ...v, reason: e.target.value } }))} />
                      </div>
                    ) : s.agreed ? (
                      <span>
                        {fmt.number(s.agreed.value, 1)} – <span lang="sv">{s.agreed.reason}</span>
                      </span>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error !== null && <ErrorPanel error={error} />}
      {canAgree && (
        <div className="actions">
          <button type="button" className="button" disabled={busy || changed.length === 0} onClick={() => void save()}>
            {t('conduct.saveAgreed', { n: changed.length })}
          </button>
        </div>
      )}
    </div>
  );
}
