/**
 * The report's charts: the view model's chart data through the shared ECharts definitions,
 * rendered to SVG on the server. Used by the PDF (vector SVG) and DOCX (PNG) renderers.
 */
import { areaBarOption, profileRadarOption, type ChartStyle } from '../charts/definitions.ts';
import { renderChartSvg } from '../charts/render-svg.ts';
import type { ReportViewModel } from './view-model.ts';

export interface ReportChartSvgs {
  bar: { svg: string; width: number; height: number; alt: string };
  radar: { svg: string; width: number; height: number; alt: string } | null;
}

const style: ChartStyle = { fontFamily: 'Inter', fontSize: 12 };

export function renderReportCharts(vm: ReportViewModel): ReportChartSvgs {
  const labels = vm.labels.chart;
  const bar = { width: 560, height: 300 };
  const radar = { width: 480, height: 420 };
  return {
    bar: {
      ...bar,
      alt: vm.summary.bar.alt,
      svg: renderChartSvg(areaBarOption({ ...vm.summary.bar.data, labels, style }), bar),
    },
    radar: vm.summary.radar
      ? {
          ...radar,
          alt: vm.summary.radar.alt,
          svg: renderChartSvg(profileRadarOption({ ...vm.summary.radar.data, labels, style }), radar),
        }
      : null,
  };
}
