import { useMemo } from 'react';
import type { ChartSpec } from '../../../../../src/charts/specs.ts';
import { AREA_MAX } from '../../../../../src/domain/framework.ts';
import { Chart } from '../../../components/Chart.tsx';
import { AreaScoreTable } from '../../../components/ScoreTable.tsx';
import { Value } from '../../../components/Value.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useChartLabels } from '../../../lib/chartLabels.ts';
import type { EvaluationSummary } from '../../../lib/types.ts';
import { useNarrow } from '../../../lib/useNarrow.ts';

export function AreaBarChart({ summary }: { summary: EvaluationSummary }) {
  const t = useT();
  const labels = useChartLabels();
  const compact = useNarrow();
  const spec = useMemo<ChartSpec>(
    () => ({ kind: 'areaBar', data: { areas: summary.areas.map((a) => ({ number: a.number, title: a.title, score: a.score })), max: AREA_MAX, labels, style: { compact } } }),
    [summary, labels, compact],
  );
  const name = summary.municipality.name;
  return (
    <Chart
      testId="area-bar-chart"
      spec={spec}
      height={360}
      label={t('eval.barChartLabel', { name, year: summary.year })}
      table={
        <AreaScoreTable
          wrap="none"
          caption={t('eval.barChart')}
          className="table-compact"
          rows={summary.areas}
          columns={[
            { key: 'score', header: t('common.pointsHeader'), cell: (a) => <Value value={a.score} kind="points" /> },
            { key: 'max', header: t('common.max'), cell: (a) => a.max },
          ]}
        />
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
  const spec = useMemo<ChartSpec>(
    () => ({ kind: 'profileRadar', data: { indicators: summary.areas.map((a) => ({ name: `${a.number}. ${a.title}`, max: a.max })), series, labels, style: { compact } } }),
    [summary, series, labels, compact],
  );
  return (
    <Chart
      testId="profile-radar-chart"
      spec={spec}
      height={420}
      label={t('eval.radarLabel', { name, year: summary.year })}
      table={
        <AreaScoreTable
          wrap="none"
          caption={t('eval.radar')}
          className="table-compact"
          rows={summary.areas}
          columns={series.map((s) => ({ key: s.name, header: s.name, cell: (_a, i) => <Value value={s.values[i]} kind="points" /> }))}
        />
      }
    />
  );
}
