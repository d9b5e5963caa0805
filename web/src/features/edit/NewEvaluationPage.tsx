import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorPanel } from '../../components/Status.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api.ts';
import type { MunicipalityItem } from '../../lib/types.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { createEvaluation, useFrameworkList, useMunicipality, useMunicipalitySearch } from './api/edit.ts';

export default function NewEvaluationPage() {
  const t = useT();
  usePageTitle(t('edit.titleNew'));
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const preset = params.get('kommun');
  const presetMunicipality = useMunicipality(preset);
  const frameworks = useFrameworkList();
  const [chosen, setChosen] = useState<MunicipalityItem | null>(null);
  const [typed, setQ] = useState<string | null>(null);
  const q = typed ?? presetMunicipality.data?.name ?? '';
  const search = useMunicipalitySearch(useDebounced(q, 200));
  const [frameworkId, setFrameworkId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const municipality = chosen ?? presetMunicipality.data ?? null;
  const newest = frameworks.data?.items.reduce<string>((best, f) => {
    const b = frameworks.data?.items.find((x) => x.id === best);
    return !b || f.year > b.year ? f.id : best;
  }, '');
  const selectedFramework = frameworkId || newest || '';

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
        for (const x of err.errors) if (x.path.includes('year')) fe[`${id}-year`] = x.message;
        setFieldErrors(fe);
      }
    } finally {
      setBusy(false);
    }
  };

  const results = (search.data?.items ?? []).filter((m) => m.code !== municipality?.code);
  const errorFor = (fid: string) => fieldErrors[fid];

  return (
    <div className="page narrow" data-testid="new-evaluation-page">
      <header className="page-header">
        <h1>{t('edit.titleNew')}</h1>
        <p className="lead">{t('edit.introNew')}</p>
      </header>
      {error !== null && <ErrorPanel error={error} />}
      <form onSubmit={(e) => void submit(e)} noValidate className="card">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('edit.municipality')}</label>
          <p className="hint" id={`${id}-q-hint`}>
            {t('edit.municipalityHint')}
          </p>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            autoComplete="off"
            onChange={(e) => {
              setQ(e.target.value);
              setChosen(null);
            }}
            aria-describedby={`${id}-q-hint ${id}-chosen${errorFor(`${id}-q`) ? ` ${id}-q-fel` : ''}`}
            aria-invalid={errorFor(`${id}-q`) ? true : undefined}
          />
          {errorFor(`${id}-q`) && (
            <p className="field-error" id={`${id}-q-fel`}>
              {errorFor(`${id}-q`)}
            </p>
          )}
          <p id={`${id}-chosen`} className="small" role="status" aria-live="polite">
            {municipality ? t('edit.municipalityChosen', { name: municipality.name, code: municipality.code }) : ''}
          </p>
          {q.trim() && results.length > 0 && !municipality && (
            <ul className="search-results" aria-label={t('start.search.results', { n: results.length })}>
              {results.map((m) => (
                <li key={m.code}>
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() => {
                      setChosen(m);
                      setQ(m.name);
                    }}
                  >
                    {m.name} <span className="muted">{m.code}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-fw`}>{t('edit.framework')}</label>
            <select id={`${id}-fw`} value={selectedFramework} onChange={(e) => setFrameworkId(e.target.value)}>
              {(frameworks.data?.items ?? []).map((fw) => (
                <option key={fw.id} value={fw.id}>
                  {fw.name}
                </option>
              ))}
            </select>
          </div>
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
        <button type="submit" className="button" disabled={busy || !selectedFramework}>
          {busy ? t('edit.creating') : t('edit.create')}
        </button>
      </form>
    </div>
  );
}
