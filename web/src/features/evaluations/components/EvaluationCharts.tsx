import { useCallback, useMemo } from 'react';
import type { ChartLabels, ChartStyle } from '../../../../../src/charts/definitions.ts';
import type { ChartSpec } from '../../../../../src/charts/specs.ts';
import { areaBarSpec, profileRadarSpec, profileSeries } from '../../../../../src/charts/page-charts.ts';
import { apiPaths } from '../../../paths.ts';
import { Chart } from '../../../components/Chart.tsx';
import { AreaScoreTable, type ScoreColumn } from '../../../components/ScoreTable.tsx';
import { Value } from '../../../components/Value.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useChartLabels } from '../../../lib/chartLabels.ts';
import type { EvaluationSummary } from '../../../lib/types.ts';
import { useNarrow } from '../../../lib/useNarrow.ts';

type AreaRow = EvaluationSummary['areas'][number];

/**
 * A chart of the evaluation's areas, drawn by `draw` (memoized by the caller) in the interface's chart
 * labels and the screen's compactness; its data table (the chart's text alternative) has a row per area.
 */
function AreasChart({
  draw,
  summary,
  caption,
  columns,
  ...chart
}: {
  draw: (labels: ChartLabels, style: ChartStyle) => ChartSpec;
  /** The server's drawing of the chart from the stored scores. */
  src: string;
  testId: string;
  height: number;
  label: string;
  caption: string;
  summary: EvaluationSummary;
  columns: ReadonlyArray<ScoreColumn<AreaRow>>;
}) {
  const labels = useChartLabels();
  const compact = useNarrow();
  const spec = useMemo(() => draw(labels, { compact }), [draw, labels, compact]);
  return <Chart {...chart} spec={spec} table={<AreaScoreTable wrap="none" caption={caption} className="table-compact" rows={summary.areas} columns={columns} />} />;
}

export function AreaBarChart({ summary }: { summary: EvaluationSummary }) {
  const t = useT();
  const draw = useCallback(
    (labels: ChartLabels, style: ChartStyle): ChartSpec => areaBarSpec(summary, labels, style),
    [summary],
  );
  const columns: Array<ScoreColumn<AreaRow>> = [
    { key: 'score', header: t('common.pointsHeader'), cell: (a) => <Value value={a.score} kind="points" /> },
    { key: 'max', header: t('common.max'), cell: (a) => a.max },
  ];
  const label = t('eval.barChartLabel', { name: summary.municipality.name, year: summary.year });
  return <AreasChart testId="area-bar-chart" src={apiPaths.evaluationChart(summary.id, 'areaBar')} height={360} draw={draw} summary={summary} label={label} caption={t('eval.barChart')} columns={columns} />;
}

export function ProfileRadarChart({ summary }: { summary: EvaluationSummary }) {
  const t = useT();
  const name = summary.municipality.name;
  const average = useCallback((n: number) => t('eval.averageLabel', { n }), [t]);
  const series = useMemo(() => profileSeries(summary, average), [summary, average]);
  const draw = useCallback(
    (labels: ChartLabels, style: ChartStyle): ChartSpec => profileRadarSpec(summary, { labels, average }, style),
    [summary, average],
  );
  const columns = series.map((s): ScoreColumn<AreaRow> => ({ key: s.name, header: s.name, cell: (_a, i) => <Value value={s.values[i]} kind="points" /> }));
  const label = t('eval.radarLabel', { name, year: summary.year });
  return <AreasChart testId="profile-radar-chart" src={apiPaths.evaluationChart(summary.id, 'profileRadar')} height={420} draw={draw} summary={summary} label={label} caption={t('eval.radar')} columns={columns} />;
}
