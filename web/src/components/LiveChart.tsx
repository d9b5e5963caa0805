/**
 * The interactive chart: ECharts in the browser (modular import, SVG renderer, tooltips). Loaded on
 * demand only: public pages first show the server's drawing of the same spec (Chart.tsx).
 */
import { useEffect, useRef } from 'react';
import { init, use as registerCharts, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { CHART_MODULES } from '../../../src/charts/modules.ts';

registerCharts(CHART_MODULES);

export default function LiveChart({ option, onDescription }: { option: EChartsCoreOption; onDescription?: (text: string) => void }) {
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
    // ECharts writes the option's description (every value, in words) as the element's aria-label;
    // the figure's labelled container carries it instead, and this element stays presentational.
    const el = ref.current;
    const description = el?.getAttribute('aria-label');
    if (el && description) {
      el.removeAttribute('aria-label');
      onDescription?.(description);
    }
  }, [option, onDescription]);

  return <div ref={ref} className="chart-live" />;
}
