import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { MunicipalityPicker } from '../../components/MunicipalityPicker.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorPanel, Notice, useWordProblem } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api.ts';
import type { MunicipalityItem } from '../../lib/types.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useResource } from '../../lib/useResource.ts';
import { paths } from '../../paths.ts';
import { createEvaluation, fetchSameYear, useFrameworkList, useMunicipality } from './api/edit.ts';

export default function NewEvaluationPage() {
  const t = useT();
  const word = useWordProblem();
  usePageTitle(t('edit.titleNew'));
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preset = params.get('kommun');
  const presetMunicipality = useMunicipality(preset);
  const frameworks = useFrameworkList();
  /** undefined until the user picks or types: then the municipality from the address (?kommun=) applies. */
  const [chosen, setChosen] = useState<MunicipalityItem | null | undefined>(undefined);
  const [frameworkId, setFrameworkId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const municipality = chosen === undefined ? (presetMunicipality.data ?? null) : chosen;
  const newest = frameworks.data?.items.reduce<string>((best, f) => {
    const b = frameworks.data?.items.find((x) => x.id === best);
    return !b || f.year > b.year ? f.id : best;
  }, '');
  const selectedFramework = frameworkId || newest || '';
  // A second evaluation of the same municipality and year is allowed, but named before it is made.
  const yearNumber = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
  const code = municipality?.code ?? null;
  const sameYear = useResource(code && yearNumber ? `same-year:${code}:${yearNumber}` : null, (signal) => fetchSameYear(code ?? '', yearNumber ?? 0, signal));
  const existing = sameYear.data?.items ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!municipality) errs[`${id}-q`] = t('edit.required', { field: t('edit.municipality') });
    if (!/^\d{4}$/.test(year.trim())) errs[`${id}-year`] = t('edit.wholeNumber', { field: t('common.year') });
    setFieldErrors(errs);
    if (Object.keys(errs).length > 0 || !municipality) {
      document.getElementById(Object.keys(errs)[0] ?? '')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createEvaluation({ municipalityCode: municipality.code, frameworkId: selectedFramework, year: Number(year.trim()), status: 'draft', source: { kind: 'manual' } });
      void navigate(paths.editEvaluation(created.id));
    } catch (err) {
      setError(err);
      if (isApiError(err)) {
        const fe: Record<string, string> = {};
        for (const x of err.errors) if (x.path.includes('year')) fe[`${id}-year`] = word(x).text;
        setFieldErrors(fe);
      }
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (fid: string) => fieldErrors[fid];

  return (
    <div className="page narrow" data-testid="new-evaluation-page">
      <header className="page-header">
        <h1>{t('edit.titleNew')}</h1>
        <p className="lead">{t('edit.introNew')}</p>
      </header>
      {error !== null && <ErrorPanel error={error} />}
      <form onSubmit={(e) => void submit(e)} noValidate className="card">
        <MunicipalityPicker id={`${id}-q`} label={t('edit.municipality')} value={municipality} onChange={setChosen} error={errorFor(`${id}-q`)} />
        <div className="form-row">
          <SelectField id={`${id}-fw`} label={t('edit.framework')} value={selectedFramework} onChange={setFrameworkId} options={(frameworks.data?.items ?? []).map((fw) => ({ value: fw.id, label: fw.name }))} />
          <div className="field">
            <label htmlFor={`${id}-year`}>{t('common.year')}</label>
            <input
              id={`${id}-year`}
              type="text"
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              aria-invalid={errorFor(`${id}-year`) ? true : undefined}
              aria-describedby={errorFor(`${id}-year`) ? `${id}-year-fel` : undefined}
            />
            {errorFor(`${id}-year`) && (
              <p className="field-error" id={`${id}-year-fel`}>
                {errorFor(`${id}-year`)}
              </p>
            )}
          </div>
        </div>
        {existing.length > 0 && (
          <div data-testid="same-year-warning" role="status">
            <Notice tone="warning" title={t('edit.sameYearTitle')}>
              <ul>
                {existing.map((e) => (
                  <li key={e.evaluationId}>
                    <span lang="sv">{e.message}</span> <Link to={paths.evaluation(e.evaluationId)}>{t('edit.sameYearOpen')}</Link>
                  </li>
                ))}
              </ul>
              <p>{t('edit.sameYearHint')}</p>
            </Notice>
          </div>
        )}
        <button type="submit" className="button" disabled={busy || !selectedFramework}>
          {busy ? t('edit.creating') : t('edit.create')}
        </button>
      </form>
    </div>
  );
}
