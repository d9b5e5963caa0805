import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { chartPalette } from '../../../../src/charts/definitions.ts';
import type { ChartSpec } from '../../../../src/charts/specs.ts';
import { Chart } from '../../components/Chart.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { Value } from '../../components/Value.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useChartLabels } from '../../lib/chartLabels.ts';
import type { EvaluationSummary } from '../../lib/types.ts';
import { useNarrow } from '../../lib/useNarrow.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { downloads, paths } from '../../paths.ts';
import { useComparison, useCompareSummaries, useEvaluationChoices, useMunicipalityChoices, type ComparisonReply } from './api/compare.ts';
import { TableRegion } from '../../components/TableRegion.tsx';

const MAX = 5;
const colorOf = (i: number) => chartPalette[i % chartPalette.length] ?? chartPalette[0];

export default function ComparePage() {
  const t = useT();
  usePageTitle(t('compare.title'));
  const [params, setParams] = useSearchParams();
  const ids = useMemo(
    () =>
      [...new Set((params.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean))].slice(0, MAX),
    [params],
  );
  const summaries = useCompareSummaries(ids);
  const comparison = useComparison(ids);
  const setIds = (next: string[]) => {
    const p = new URLSearchParams(params);
    if (next.length > 0) p.set('ids', next.join(','));
    else p.delete('ids');
    setParams(p, { replace: true });
  };
  const list = summaries.data ?? [];
  return (
    <div className="page" data-testid="compare-page">
      <header className="page-header">
        <h1>{t('compare.title')}</h1>
        <p className="lead">{t('compare.intro')}</p>
      </header>
      <Picker ids={ids} onAdd={(id) => setIds([...ids, id])} />
      {ids.length > 0 && (
        <section aria-labelledby="valda-h">
          <h2 id="valda-h" className="sr-only">
            {t('compare.selected')}
          </h2>
          <ul className="chips">
            {ids.map((id, i) => {
              const s = list.find((x) => x.id === id);
              const name = s ? `${s.municipality.name} ${s.year}` : id;
              return (
                <li key={id} className="chip" style={{ ['--chip-color' as string]: colorOf(i) }}>
                  <Link to={paths.evaluation(id)}>{name}</Link>
                  <button type="button" className="icon-button" aria-label={t('compare.removeOne', { name })} title={t('common.remove')} onClick={() => setIds(ids.filter((x) => x !== id))}>
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {ids.length < 2 && <Notice>{t('compare.tooFew')}</Notice>}
      {summaries.error !== undefined && <ErrorPanel error={summaries.error} onRetry={summaries.reload} />}
      {summaries.error === undefined && comparison.error !== undefined && <ErrorPanel error={comparison.error} onRetry={comparison.reload} />}
      {ids.length >= 2 && (summaries.loading || comparison.loading) && (!summaries.data || !comparison.data) && <Loading />}
      {ids.length >= 2 && list.length === ids.length && comparison.data && <Comparison summaries={list} comparison={comparison.data} />}
    </div>
  );
}

function Picker({ ids, onAdd }: { ids: readonly string[]; onAdd: (id: string) => void }) {
  const t = useT();
  const fid = useId();
  const [municipality, setMunicipality] = useState('');
  const [value, setValue] = useState('');
  const places = useMunicipalityChoices();
  const choices = useEvaluationChoices(municipality);
  const sortedPlaces = useMemo(() => [...(places.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv')), [places.data]);
  const available = (choices.data?.items ?? []).filter((c) => !ids.includes(c.id)).sort((a, b) => b.year - a.year || (b.month ?? 0) - (a.month ?? 0));
  const full = ids.length >= MAX;
  return (
    <form
      className="compare-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (value && !full) {
          onAdd(value);
          setValue('');
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${fid}-municipality`}>{t('compare.municipality')}</label>
        <select
          id={`${fid}-municipality`}
          value={municipality}
          onChange={(e) => {
            setMunicipality(e.target.value);
            setValue('');
          }}
          disabled={full}
          data-testid="compare-municipality-select"
        >
          <option value="">{t('compare.chooseMunicipality')}</option>
          {sortedPlaces.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${fid}-add`}>{t('compare.add')}</label>
        <select id={`${fid}-add`} value={value} onChange={(e) => setValue(e.target.value)} disabled={full || !municipality} data-testid="compare-add-select">
          <option value="">{municipality && choices.data && available.length === 0 ? t('compare.noneIn') : t('compare.choose')}</option>
          {available.map((c) => (
            <option key={c.id} value={c.id}>
              {c.municipality.name} {c.year} ({c.frameworkId})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button secondary" disabled={!value || full} data-testid="compare-add">
        {t('compare.addButton')}
      </button>
      {full && <p className="muted small">{t('compare.tooMany')}</p>}
    </form>
  );
}

function Comparison({ summaries, comparison }: { summaries: EvaluationSummary[]; comparison: ComparisonReply }) {
  const t = useT();
  const labels = useChartLabels();
  const versions = [...new Map(summaries.map((s) => [s.framework.id, s.framework.name])).values()];
  const names = summaries.map((s) => `${s.municipality.name} ${s.year}`);
  const compact = useNarrow();
  // One chart per framework version: a version's scores are never drawn on another version's axes.
  const charts = useMemo(() => {
    const groups = new Map<string, number[]>();
    summaries.forEach((s, i) => groups.set(s.framework.id, [...(groups.get(s.framework.id) ?? []), i]));
    return [...groups.values()].map((members) => {
      const own = members.map((i) => summaries[i]).filter((s): s is EvaluationSummary => s !== undefined);
      const axes = own[0];
      if (!axes) return null;
      const series = own.map((s, k) => ({ name: names[members[k] ?? 0] ?? s.id, values: axes.areas.map((a) => s.areas.find((x) => x.number === a.number)?.score ?? null) }));
      const input = { indicators: axes.areas.map((a) => ({ name: `${a.number}. ${a.title}`, max: a.max })), series, labels, style: { compact } };
      const spec: ChartSpec = series.length >= 2 ? { kind: 'compareRadar', data: input } : { kind: 'profileRadar', data: input };
      return { framework: axes.framework, members, spec };
    }).filter((c) => c !== null);
  }, [summaries, names, labels, compact]);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  // Titles in the viewer's language, from the (localized) summaries.
  const areaTitle = (evaluationId: string, n: number | null) => (n === null ? null : (byId.get(evaluationId)?.areas.find((a) => a.number === n)?.title ?? null));
  const reference = summaries[0];
  const renderTable = (testId?: string) => (
    <table data-testid={testId} data-mode={comparison.mode} className={testId ? undefined : 'table-compact'}>
      <caption className="sr-only">{comparison.mode === 'totals-only' ? t('compare.totalsTable') : t('compare.table')}</caption>
      <thead>
        <tr>
          <th scope="col">{comparison.mode === 'concordance' && reference ? t('compare.areaIn', { version: reference.framework.name }) : t('common.area')}</th>
          {summaries.map((s, i) => (
            <th scope="col" className="num" key={s.id}>
              <span className="swatch" style={{ background: colorOf(i) }} aria-hidden="true" />
              {names[i]}
              <div className="small muted" style={{ fontWeight: 400 }}>
                {s.framework.name}
              </div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {comparison.rows.map((r) => (
          <tr key={r.area} data-area={r.area}>
            <th scope="row">
              {r.area}. {reference ? (areaTitle(reference.id, r.area) ?? r.title) : r.title}
            </th>
            {r.cells.map((c) => (
              <td className="num" key={c.evaluationId} data-evaluation={c.evaluationId} data-counterpart={c.area ?? ''}>
                <Value value={c.score} kind="points" />
                {c.relation !== 'identical' && (
                  <div className="small muted counterpart">
                    {c.area === null ? t('compare.noCounterpart') : t(c.relation === 'same' ? 'compare.counterpartSame' : 'compare.counterpartPartial', { area: `${c.area}. ${areaTitle(c.evaluationId, c.area) ?? c.title ?? ''}` })}
                  </div>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('common.total')}</th>
          {comparison.totals.map((x) => (
            <td className="num" key={x.evaluationId}>
              <span data-testid={testId ? 'compare-total' : undefined}>
                <Value value={x.total} kind="points" />
              </span>
              {comparison.mode !== 'same-version' && (
                <div className="small muted">
                  <Value value={x.percent === null ? null : Math.round(x.percent)} kind="percent" /> {t('compare.ofMax', { max: x.max })}
                </div>
              )}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
  const ids = summaries.map((s) => s.id);
  return (
    <>
      {comparison.mode === 'concordance' && (
        <Notice tone="warning">
          <p data-testid="version-note">{t('compare.concordanceNote', { versions: versions.join(', '), reference: reference?.framework.name ?? '' })}</p>
        </Notice>
      )}
      {comparison.mode === 'totals-only' && (
        <Notice tone="warning">
          <p data-testid="version-note">{t('compare.totalsOnlyNote', { versions: versions.join(', ') })}</p>
        </Notice>
      )}
      <div className="compare-grid">
        <section aria-labelledby="jamfor-tabell">
          <h2 id="jamfor-tabell">{comparison.mode === 'totals-only' ? t('compare.totalsTable') : t('compare.table')}</h2>
          <TableRegion label={t('compare.table')}>{renderTable('compare-table')}</TableRegion>
          <p className="muted small">{t('common.unknownLegend')}</p>
          <p className="small downloads" data-testid="compare-downloads">
            {t('compare.download')}{' '}
            {(['csv', 'xlsx', 'json'] as const).map((f, i) => (
              <span key={f}>
                {i > 0 && ' · '}
                <a href={downloads.comparison(ids, f)} download>
                  {f.toUpperCase()}
                </a>
              </span>
            ))}
          </p>
        </section>
        <section className="card section" aria-labelledby="jamfor-radar">
          <h2 id="jamfor-radar">{t('compare.radar')}</h2>
          {charts.map((c) => (
            <div key={c.framework.id}>
              {charts.length > 1 && <h3>{c.framework.name}</h3>}
              <Chart
                testId={charts.length > 1 ? `compare-radar-${c.framework.id}` : 'compare-radar'}
                spec={c.spec}
                height={compact ? 380 : 480}
                label={t('compare.radarLabel', { n: c.members.length })}
                table={renderTable()}
              />
            </div>
          ))}
        </section>
      </div>
    </>
  );
}
