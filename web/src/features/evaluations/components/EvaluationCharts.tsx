import { useMemo } from 'react';
import { areaBarOption, profileRadarOption } from '../../../../../src/charts/definitions.ts';
import { Chart } from '../../../components/Chart.tsx';
import { Value } from '../../../components/Value.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useChartLabels } from '../../../lib/chartLabels.ts';
import type { EvaluationSummary } from '../../../lib/types.ts';
import { useNarrow } from '../../../lib/useNarrow.ts';

export function AreaBarChart({ summary }: { summary: EvaluationSummary }) {
  const t = useT();
  const labels = useChartLabels();
  const compact = useNarrow();
  const option = useMemo(
    () => areaBarOption({ areas: summary.areas.map((a) => ({ number: a.number, title: a.title, score: a.score })), max: 100, labels, style: { compact } }),
    [summary, labels, compact],
  );
  const name = summary.municipality.name;
  return (
    <Chart
      testId="area-bar-chart"
      option={option}
      height={360}
      label={t('eval.barChartLabel', { name, year: summary.year })}
      table={
        <table className="table-compact">
          <caption className="sr-only">{t('eval.barChart')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.area')}</th>
              <th scope="col" className="num">
                {t('common.pointsHeader')}
              </th>
              <th scope="col" className="num">
                {t('common.max')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.areas.map((a) => (
              <tr key={a.number}>
                <th scope="row">
                  {a.number}. {a.title}
                </th>
                <td className="num">
                  <Value value={a.score} kind="points" />
                </td>
                <td className="num">{a.max}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function ProfileRadarChart({ summary }: { summary: EvaluationSummary }) {
  const t = useT();
  const labels = useChartLabels();
  const name = summary.municipality.name;
  const hasAverage = (summary.average?.count ?? 0) > 0;
  const series = useMemo(() => {
    const out: Array<{ name: string; values: Array<number | null> }> = [{ name: `${name} ${summary.year}`, values: summary.areas.map((a) => a.score) }];
    if (hasAverage && summary.average) {
      const avg = summary.average;
      out.push({ name: t('eval.averageLabel', { n: avg.count }), values: summary.areas.map((a) => avg.areas.find((x) => x.number === a.number)?.score ?? null) });
    }
    // The previous evaluation only when made with the same framework version: other axes, other areas.
    if (summary.previous?.sameFramework) out.push({ name: `${name} ${summary.previous.year}`, values: summary.areas.map((a) => a.previous) });
    return out;
  }, [summary, name, hasAverage, t]);
  const compact = useNarrow();
  const option = useMemo(
    () => profileRadarOption({ indicators: summary.areas.map((a) => ({ name: `${a.number}. ${a.title}`, max: a.max })), series, labels, style: { compact } }),
    [summary, series, labels, compact],
  );
  return (
    <Chart
      testId="profile-radar-chart"
      option={option}
      height={420}
      label={t('eval.radarLabel', { name, year: summary.year })}
      table={
        <table className="table-compact">
          <caption className="sr-only">{t('eval.radar')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.area')}</th>
              {series.map((s) => (
                <th scope="col" className="num" key={s.name}>
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.areas.map((a, i) => (
              <tr key={a.number}>
                <th scope="row">
                  {a.number}. {a.title}
                </th>
                {series.map((s) => (
                  <td className="num" key={s.name}>
                    <Value value={s.values[i]} kind="points" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
