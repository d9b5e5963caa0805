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
  const describe = useRef(onDescription);
  useEffect(() => {
    describe.current = onDescription;
  }, [onDescription]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // ECharts writes the option's description (every value, in words) as the element's aria-label and
    // role="img", again on every redraw (a resize too); the figure's labelled container carries it
    // instead, so this element stays presentational and a screen reader hears the chart once.
    const strip = (): void => {
      const description = el.getAttribute('aria-label');
      if (description) {
        el.removeAttribute('aria-label');
        describe.current?.(description);
      }
      if (el.hasAttribute('role')) el.removeAttribute('role');
    };
    const watcher = new MutationObserver(strip);
    watcher.observe(el, { attributes: true, attributeFilter: ['aria-label', 'role'] });
    const chart = init(el, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      watcher.disconnect();
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="chart-live" />;
}
