import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ChartSpec } from '../../../../src/charts/specs.ts';
import { AREA_NUMBERS } from '../../../../src/domain/framework.ts';
import { trendSpec } from '../../../../src/charts/page-charts.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { Chart } from '../../components/Chart.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Value } from '../../components/Value.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { canCreateEvaluations } from '../../lib/access.ts';
import { useAuth } from '../../lib/auth.tsx';
import { useChartLabels } from '../../lib/chartLabels.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { apiPaths, paths } from '../../paths.ts';
import { useMunicipalityView, type MunicipalityView } from './api/municipalities.ts';
import { TableRegion } from '../../components/TableRegion.tsx';

export default function MunicipalityPage() {
  const { code = '' } = useParams();
  const t = useT();
  const { user } = useAuth();
  const view = useMunicipalityView(code);
  usePageTitle(view.data?.municipality.name ?? null);
  if (view.error) return <ErrorPanel error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  const { municipality, evaluations, frameworks } = view.data;
  const frameworkName = (id: string) => frameworks.find((f) => f.id === id)?.name ?? id;
  const versions = [...new Set(evaluations.map((e) => e.item.frameworkId))];
  return (
    <div className="page" data-testid="municipality-page">
      <Breadcrumbs trail={[{ label: municipality.name }]} />
      <header className="page-header title-row">
        <div>
          <p className="eyebrow">
            {t('muni.meta', { kind: t(municipality.kind === 'region' ? 'muni.kind.region' : 'muni.kind.kommun'), code: municipality.code })}
            {municipality.countyName ? ` · ${municipality.countyName}` : ''}
          </p>
          <h1>{municipality.name}</h1>
        </div>
        <div className="actions">
          {canCreateEvaluations(user) && (
            <Link className="button" to={paths.newEvaluation(municipality.code)}>
              {t('muni.newEvaluation', { name: municipality.name })}
            </Link>
          )}
          {evaluations.length >= 2 && (
            <Link className="button secondary" to={paths.compare(evaluations.slice(-5).map((e) => e.item.id))}>
              {t('muni.compareAll')}
            </Link>
          )}
        </div>
      </header>

      {evaluations.length === 0 && <p>{t('muni.none', { name: municipality.name })}</p>}

      {versions.length > 1 && (
        <Notice tone="warning">
          <p>{t('muni.versionNote', { versions: versions.map(frameworkName).join(', ') })}</p>
        </Notice>
      )}

      {evaluations.length > 0 && (
        <section className="card section" aria-labelledby="trend-h">
          <h2 id="trend-h">{t('muni.trend')}</h2>
          <p className="muted small">{t('muni.trendText')}</p>
          <TrendChart view={view.data} frameworkName={frameworkName} />
        </section>
      )}

      {evaluations.length > 0 && (
        <section className="section" aria-labelledby="evals-h">
          <h2 id="evals-h">{t('muni.evaluations')}</h2>
          <EvaluationTable view={view.data} frameworkName={frameworkName} />
          <p className="muted small">{t('common.unknownLegend')}</p>
        </section>
      )}
    </div>
  );
}

function TrendChart({ view, frameworkName }: { view: MunicipalityView; frameworkName: (id: string) => string }) {
  const t = useT();
  const labels = useChartLabels();
  const points = useMemo(
    () =>
      view.evaluations.map((e) => ({
        year: e.item.year,
        total: e.summary?.total ?? e.item.total,
        frameworkId: e.item.frameworkId,
        frameworkName: frameworkName(e.item.frameworkId),
      })),
    [view, frameworkName],
  );
  const spec = useMemo<ChartSpec>(() => trendSpec(points, labels), [points, labels]);
  return (
    <Chart
      testId="trend-chart"
      spec={spec}
      src={apiPaths.municipalityTrend(view.municipality.code)}
      height={300}
      label={t('muni.trend')}
      table={
        <table className="table-compact">
          <caption className="sr-only">{t('muni.trend')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.year')}</th>
              <th scope="col">{t('common.framework')}</th>
              <th scope="col" className="num">
                {t('eval.totalScore')}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.year}</th>
                <td>
                  {p.frameworkName}
                  {i > 0 && points[i - 1]?.frameworkId !== p.frameworkId && <strong> ({t('chart.frameworkChange')})</strong>}
                </td>
                <td className="num">
                  <Value value={p.total} kind="points" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/**
 * One table per framework version (newest first): each version has its own areas, so area columns are
 * never shared by evaluations of different versions (areas are not paired by number across versions).
 */
function EvaluationTable({ view, frameworkName }: { view: MunicipalityView; frameworkName: (id: string) => string }) {
  const t = useT();
  const f = useFormat();
  const rows = [...view.evaluations].reverse();
  const groups: Array<{ frameworkId: string; rows: typeof rows }> = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && last.frameworkId === r.item.frameworkId) last.rows.push(r);
    else groups.push({ frameworkId: r.item.frameworkId, rows: [r] });
  }
  return (
    <>
      {groups.map((g, gi) => {
        const areaTitle = (n: number) => g.rows.flatMap((r) => r.summary?.areas ?? []).find((a) => a.number === n)?.title ?? t('common.areaN', { n });
        const caption = groups.length > 1 ? `${t('muni.evaluations')}: ${frameworkName(g.frameworkId)}` : t('muni.evaluations');
        return (
          <div key={`${g.frameworkId}-${gi}`} data-framework={g.frameworkId}>
            {groups.length > 1 && <h3>{frameworkName(g.frameworkId)}</h3>}
            <TableRegion label={caption}>
              <table data-testid="municipality-evaluations">
                <caption className="sr-only">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('common.year')}</th>
                    <th scope="col">{t('common.framework')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col" className="num">
                      {t('common.total')}
                    </th>
                    {AREA_NUMBERS.map((n) => (
                      <th scope="col" className="num" key={n}>
                        <abbr title={`${n}. ${areaTitle(n)}`}>{t('muni.areaShort', { n })}</abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {g.rows.map(({ item, summary }, i) => {
                    const changed = i === g.rows.length - 1 && gi < groups.length - 1;
                    return (
                      <tr key={item.id} className={changed ? 'version-change' : undefined}>
                        <th scope="row">
                          <Link to={paths.evaluation(item.id)}>{f.yearMonth(item.year, item.month)}</Link>
                        </th>
                        <td>
                          {frameworkName(item.frameworkId)}
                          {changed && (
                            <div className="small">
                              <span className="tag">{t('muni.versionChange', { name: frameworkName(item.frameworkId) })}</span>
                            </div>
                          )}
                        </td>
                        <td>
                          <StatusBadge status={item.status} />
                        </td>
                        <td className="num">
                          <strong>
                            <Value value={summary?.total ?? item.total} kind="points" />
                          </strong>
                        </td>
                        {AREA_NUMBERS.map((n) => (
                          <td className="num" key={n}>
                            <Value value={summary?.areas.find((a) => a.number === n)?.score ?? null} kind="points" />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
          </div>
        );
      })}
    </>
  );
}
