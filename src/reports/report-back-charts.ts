/** The report-back's indicator charts: shared ECharts definition → SVG (PDF: vector; DOCX: PNG). */
import { indicatorOption } from '../charts/definitions.ts';
import { renderChartSvg } from '../charts/render-svg.ts';
import type { ReportBackViewModel } from './report-back-view-model.ts';

export const REPORT_BACK_CHART = { width: 560, height: 280 };

/** The indicator charts as SVG (shared by the DOCX and PDF renderers). */
export function reportBackChartSvgs(vm: ReportBackViewModel): string[] {
  return vm.indicators.charts.map((c) =>
    renderChartSvg(indicatorOption({ ...c.data, words: { measured: vm.labels.chartMeasured, target: vm.labels.chartTarget, description: vm.labels.chartDescription }, style: { fontFamily: 'Inter', fontSize: 12 } }), REPORT_BACK_CHART),
  );
}

