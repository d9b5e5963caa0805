import { useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { SelectField } from '../../components/SelectField.tsx';
import { ErrorPanel, Loading } from '../../components/Status.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Value } from '../../components/Value.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useFormat } from '../../lib/format.ts';
import { EVALUATION_STATUSES } from '../../lib/statuses.ts';
import type { EvaluationStatus } from '../../lib/types.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { FollowUpNotice } from './FollowUpNotice.tsx';
import { Worklist } from './Worklist.tsx';
import { useAllEvaluationYears, useEvaluationList, useFrameworks, useMunicipalitySearch } from './api/start.ts';
import { TableRegion } from '../../components/TableRegion.tsx';

const PAGE = 50;
const MAX_COMPARE = 5;

function isStatus(v: string | null): v is EvaluationStatus {
  return v !== null && (EVALUATION_STATUSES as readonly string[]).includes(v);
}

export default function StartPage() {
  const t = useT();
  usePageTitle(t('start.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('start.title')}</h1>
        <p className="lead">{t('start.intro')}</p>
      </header>
      <Worklist />
      <FollowUpNotice />
      <MunicipalitySearch />
      <EvaluationList />
    </div>
  );
}

function MunicipalitySearch() {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 200);
  const result = useMunicipalitySearch(debounced);
  const items = result.data?.items ?? [];
  return (
    <search className="search-panel" aria-labelledby={`${id}-label`}>
      <div className="field">
        <label id={`${id}-label`} htmlFor={`${id}-q`}>
          {t('start.search.label')}
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t('start.search.hint')}
        </p>
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" data-testid="municipality-search" />
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {debounced.trim() && !result.loading ? (items.length > 0 ? t('start.search.results', { n: items.length }) : t('start.search.none')) : ''}
      </p>
      {debounced.trim() && !result.loading && items.length === 0 && <p className="muted small">{t('start.search.none')}</p>}
      {result.error !== undefined && <ErrorPanel error={result.error} />}
      {items.length > 0 && (
        <ul className="search-results" aria-label={t('start.search.results', { n: items.length })}>
          {items.map((m) => (
            <li key={m.code}>
              <Link to={paths.municipality(m.code)}>
                {m.name} <span className="muted small">{m.code}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}

function EvaluationList() {
  const t = useT();
  const f = useFormat();
  const navigate = useNavigate();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [limit, setLimit] = useState(PAGE);
  const [selected, setSelected] = useState<string[]>([]);
  const yearParam = params.get('ar');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const framework = params.get('version') ?? undefined;
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const list = useEvaluationList({ year, framework, status, limit });
  const years = useAllEvaluationYears();
  const frameworks = useFrameworks();
  const frameworkName = (fid: string) => frameworks.data?.items.find((x) => x.id === fid)?.name ?? fid;

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setLimit(PAGE);
  };
  const toggle = (evId: string) =>
    setSelected((s) => (s.includes(evId) ? s.filter((x) => x !== evId) : s.length >= MAX_COMPARE ? s : [...s, evId]));
  const items = list.data?.items ?? [];
  const count = list.data?.count ?? items.length;
  const filtered = year !== undefined || framework !== undefined || status !== undefined;

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{filtered ? t('start.filters') : t('start.recent')}</h2>
      <form className="filters" aria-label={t('start.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id={`${id}-year`}
          label={t('start.filter.year')}
          value={year ?? ''}
          onChange={(v) => setFilter('ar', v)}
          empty={t('common.all')}
          options={[...(years.data ?? []), ...(year !== undefined && !(years.data ?? []).includes(year) ? [year] : [])].map((y) => ({ value: y, label: y }))}
        />
        <SelectField id={`${id}-fw`} label={t('start.filter.framework')} value={framework ?? ''} onChange={(v) => setFilter('version', v)} empty={t('common.all')} options={(frameworks.data?.items ?? []).map((fw) => ({ value: fw.id, label: fw.name }))} />
        <SelectField id={`${id}-status`} label={t('start.filter.status')} value={status ?? ''} onChange={(v) => setFilter('status', v)} empty={t('common.all')} options={EVALUATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        {filtered && (
          <button type="button" className="button secondary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('start.filter.reset')}
          </button>
        )}
      </form>

      <div className="list-toolbar">
        <p className="muted" role="status" aria-live="polite">
          {list.data ? t('start.count', { n: count }) : ''}
        </p>
        <div className="actions">
          <span className="muted small" id={`${id}-cmp-hint`}>
            {t('start.compareHint')}
          </span>
          <button
            type="button"
            className="button"
            disabled={selected.length < 2}
            aria-describedby={`${id}-cmp-hint`}
            onClick={() => void navigate(paths.compare(selected))}
            data-testid="compare-selected"
          >
            {t('start.compareSelected', { n: selected.length })}
          </button>
        </div>
      </div>

      {list.error !== undefined && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <p>{t('start.empty')}</p>}
      {items.length > 0 && (
        <TableRegion className="cards-narrow" label={filtered ? t('start.filters') : t('start.recent')}>
          <table data-testid="evaluation-list">
            <caption className="sr-only">{filtered ? t('start.filters') : t('start.recent')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">{t('nav.compare')}</span>
                </th>
                <th scope="col">{t('common.municipality')}</th>
                <th scope="col">{t('common.year')}</th>
                <th scope="col">{t('common.framework')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col" className="num">
                  {t('eval.totalScore')}
                </th>
                <th scope="col">{t('common.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="cell-select">
                    <input
                      type="checkbox"
                      checked={selected.includes(e.id)}
                      disabled={!selected.includes(e.id) && selected.length >= MAX_COMPARE}
                      onChange={() => toggle(e.id)}
                      aria-label={t('start.select', { name: e.municipality.name, year: e.year })}
                    />
                  </td>
                  <th scope="row">
                    <Link to={paths.evaluation(e.id)}>
                      {e.municipality.name} {e.year}
                    </Link>
                    <div className="small muted">
                      <Link to={paths.municipality(e.municipality.code)} className="muted">
                        {e.municipality.code}
                      </Link>
                    </div>
                  </th>
                  <td data-label={t('common.year')}>{f.yearMonth(e.year, e.month)}</td>
                  <td data-label={t('common.framework')}>{frameworkName(e.frameworkId)}</td>
                  <td data-label={t('common.status')}>
                    <StatusBadge status={e.status} />
                  </td>
                  <td className="num" data-label={t('eval.totalScore')}>
                    <Value value={e.total} kind="points" />
                  </td>
                  <td className="small" data-label={t('common.updated')}>
                    {f.date(e.updatedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {items.length < count && (
        <p>
          <button type="button" className="button secondary" onClick={() => setLimit((l) => l + PAGE)}>
            {t('start.more')}
          </button>
        </p>
      )}
    </section>
  );
}
