import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ChartSpec } from '../../../../src/charts/specs.ts';
import { Chart } from '../../components/Chart.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { Value } from '../../components/Value.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { useChartLabels } from '../../lib/chartLabels.ts';
import { useLocalTitle } from '../../lib/frameworkTitles.ts';
import type { BenchmarksReply } from '../../lib/types.ts';
import { useNarrow } from '../../lib/useNarrow.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { paths } from '../../paths.ts';
import { useBenchmarks, useBenchmarkVersions } from './api/benchmarks.ts';
import { AreaTable } from './components/AreaTable.tsx';
import { MunicipalityStanding } from './components/MunicipalityStanding.tsx';
import { OpenDataDownloads } from './components/OpenDataDownloads.tsx';
import { PeerGroups } from './components/PeerGroups.tsx';

export default function BenchmarksPage() {
  const t = useT();
  usePageTitle(t('bench.title'));
  const { user } = useAuth();
  const fid = useId();
  const [params, setParams] = useSearchParams();
  const versions = useBenchmarkVersions();
  const list = versions.data?.items ?? [];
  const framework = params.get('framework') ?? list.find((v) => v.id === 'kk2020')?.id ?? list[list.length - 1]?.id ?? null;
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 0 ? yearParam : null;
  const version = list.find((v) => v.id === framework);
  const set = (key: string, value: string | null) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    if (key === 'framework') p.delete('year');
    setParams(p, { replace: true });
  };
  const benchmarks = useBenchmarks(framework, year);
  return (
    <div className="page" data-testid="benchmarks-page">
      <header className="page-header">
        <h1>{t('bench.title')}</h1>
        <p className="lead">{t('bench.intro')}</p>
        {user?.role === 'admin' && (
          <p className="small">
            <Link to={paths.concordance()}>{t('bench.concordanceLink')}</Link>
          </p>
        )}
      </header>
      {versions.error !== undefined && <ErrorPanel error={versions.error} onRetry={versions.reload} />}
      {versions.data && list.length === 0 && <Notice>{t('bench.noData')}</Notice>}
      {list.length > 0 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('bench.choose')}>
          <div className="field">
            <label htmlFor={`${fid}-fw`}>{t('common.framework')}</label>
            <select id={`${fid}-fw`} value={framework ?? ''} onChange={(e) => set('framework', e.target.value)} data-testid="bench-framework">
              {list.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${fid}-year`}>{t('common.year')}</label>
            <select id={`${fid}-year`} value={year ?? ''} onChange={(e) => set('year', e.target.value || null)} data-testid="bench-year">
              <option value="">{t('bench.allYears')}</option>
              {version?.years.map((y) => (
                <option key={y.year} value={y.year}>
                  {t('bench.yearN', { year: y.year, n: y.n })}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      {benchmarks.error !== undefined && <ErrorPanel error={benchmarks.error} onRetry={benchmarks.reload} />}
      {framework && !benchmarks.data && benchmarks.loading && <Loading />}
      {benchmarks.data && <National data={benchmarks.data} />}
      {framework && (
        <MunicipalityStanding
          framework={framework}
          year={year}
          municipality={params.get('municipality')}
          peerGroup={params.get('group')}
          onMunicipality={(code) => set('municipality', code)}
          onPeerGroup={(id) => set('group', id)}
        />
      )}
      {user && <PeerGroups />}
      <OpenDataDownloads />
    </div>
  );
}

function National({ data }: { data: BenchmarksReply }) {
  const t = useT();
  const labels = useChartLabels();
  const compact = useNarrow();
  const title = useLocalTitle();
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'benchmarkRange',
      data: {
        rows: data.areas.map((a) => ({ label: `${a.number}. ${title(data.framework.id, a.number, a.title)}`, stats: a.stats })),
        max: 100,
        names: { range: t('bench.range'), middle: t('bench.middle'), median: t('bench.median') },
        labels,
        style: { compact },
      },
    }),
    [data, labels, compact, t, title],
  );
  const n = data.total?.n ?? 0;
  const table = (testId?: string) => (
    <AreaTable
      testId={testId}
      caption={t('bench.tableCaption', { version: data.framework.name })}
      frameworkId={data.framework.id}
      columns={['n', t('bench.mean'), t('bench.median'), t('bench.p25'), t('bench.p75'), t('bench.min'), t('bench.max'), t('bench.maxPoints')]}
      areas={data.areas}
      cells={{ area: (a) => <StatCells stats={a.stats} max={a.max} />, subarea: (s) => <StatCells stats={s.stats} max={s.max} />, total: <StatCells stats={data.total} max={data.max} /> }}
    />
  );
  return (
    <section className="section" aria-labelledby="bench-national-h">
      <h2 id="bench-national-h">{t('bench.national', { version: data.framework.name, year: data.year ?? t('bench.allYears').toLowerCase() })}</h2>
      <p className="muted small">{t('bench.nationalText', { n })}</p>
      {n === 0 ? (
        <Notice>{t('bench.none')}</Notice>
      ) : (
        <>
          <div className="card section">
            <Chart testId="bench-chart" spec={spec} height={compact ? 360 : 420} label={t('bench.chartLabel', { version: data.framework.name })} table={table()} />
          </div>
          <TableRegion label={t('bench.tableCaption', { version: data.framework.name })}>{table('bench-table')}</TableRegion>
          <p className="muted small">{t('bench.legend')}</p>
        </>
      )}
    </section>
  );
}

function StatCells({ stats, max }: { stats: BenchmarksReply['total']; max: number | null }) {
  return (
    <>
      <td className="num">{stats?.n ?? 0}</td>
      <td className="num">
        <Value value={stats?.mean} decimals={1} />
      </td>
      <td className="num">
        <Value value={stats?.median} decimals={1} />
      </td>
      <td className="num">
        <Value value={stats?.p25} decimals={1} />
      </td>
      <td className="num">
        <Value value={stats?.p75} decimals={1} />
      </td>
      <td className="num">
        <Value value={stats?.min} decimals={1} />
      </td>
      <td className="num">
        <Value value={stats?.max} decimals={1} />
      </td>
      <td className="num">
        <Value value={max} decimals={0} />
      </td>
    </>
  );
}
