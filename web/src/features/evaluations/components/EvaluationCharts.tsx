import { useMemo } from 'react';
import type { ChartSpec } from '../../../../../src/charts/specs.ts';
import { areaBarSpec, profileRadarSpec, profileSeries } from '../../../../../src/charts/page-charts.ts';
import { apiPaths } from '../../../paths.ts';
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
  const spec = useMemo<ChartSpec>(() => areaBarSpec(summary, labels, { compact }), [summary, labels, compact]);
  const name = summary.municipality.name;
  return (
    <Chart
      testId="area-bar-chart"
      spec={spec}
      src={apiPaths.evaluationChart(summary.id, 'areaBar')}
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
  const words = useMemo(() => ({ labels, average: (n: number) => t('eval.averageLabel', { n }) }), [labels, t]);
  const series = useMemo(() => profileSeries(summary, words), [summary, words]);
  const compact = useNarrow();
  const spec = useMemo<ChartSpec>(() => profileRadarSpec(summary, words, { compact }), [summary, words, compact]);
  return (
    <Chart
      testId="profile-radar-chart"
      spec={spec}
      src={apiPaths.evaluationChart(summary.id, 'profileRadar')}
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
