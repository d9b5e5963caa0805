import { useMemo } from 'react';
import type { ChartLabels } from '../../../src/charts/definitions.ts';
import { useT } from '../i18n/i18n.tsx';

/** The chart builders' labels in the current UI language. */
export function useChartLabels(): ChartLabels {
  const t = useT();
  return useMemo(
    () => ({
      unknown: t('chart.unknown'),
      points: t('chart.points'),
      of: t('chart.of'),
      total: t('chart.total'),
      areaScores: t('chart.areaScores'),
      barDescription: t('chart.barDescription'),
      radarDescription: t('chart.radarDescription'),
      trendDescription: t('chart.trendDescription'),
      compareDescription: t('chart.compareDescription'),
      frameworkChange: t('chart.frameworkChange'),
    }),
    [t],
  );
}
