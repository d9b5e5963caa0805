/**
 * An ECharts chart (modular import: only the chart types and components we use) with its
 * accessible alternative: a text label for the graphic and the same data as a table.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { TooltipComponent } from 'echarts/components';
import { init, use as registerCharts, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { CHART_MODULES } from '../../../src/charts/modules.ts';
import { useT } from '../i18n/i18n.tsx';
import { TableRegion } from './TableRegion.tsx';

// The server renderer's modules, plus tooltips (interactive only).
registerCharts([...CHART_MODULES, TooltipComponent]);

export interface ChartProps {
  option: EChartsCoreOption;
  /** Text alternative for the graphic, used until ECharts writes the option's own description. */
  label: string;
  /** The same data as a table (rendered in a disclosure under the chart). */
  table: ReactNode;
  height?: number;
  caption?: ReactNode;
  /** Open the data table by default. */
  tableOpen?: boolean;
  testId?: string;
}

export function Chart({ option, label, table, height = 320, caption, tableOpen = false, testId }: ChartProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption(option, { notMerge: true });
    // The option's aria description (every value, in words) becomes the container's aria-label;
    // when the option has none, keep the page's label.
    if (!ref.current?.getAttribute('aria-label')) ref.current?.setAttribute('aria-label', label);
  }, [option, label]);

  return (
    <figure className="chart-figure" data-testid={testId}>
      <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} />
      {caption && <figcaption>{caption}</figcaption>}
      <details className="chart-table" open={tableOpen}>
        <summary>{t('common.showTable')}</summary>
        <TableRegion label={t('common.chartTable', { chart: label })}>{table}</TableRegion>
      </details>
    </figure>
  );
}
