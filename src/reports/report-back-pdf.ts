/**
 * Report-back view model → PDF/A-2b with Typst (the evaluation report's compiler, fonts and look).
 */
import { compileTypstPdf, type PdfOptions } from './pdf.ts';
import { reportBackChartSvgs } from './report-back-charts.ts';
import type { ReportBackViewModel } from './report-back-view-model.ts';
import { REPORT_BACK_TEMPLATE } from './typst/report-back-template.ts';

export function renderReportBackPdf(vm: ReportBackViewModel, options: PdfOptions = {}): Buffer {
  const files: Record<string, Buffer> = { 'data.json': Buffer.from(JSON.stringify(vm), 'utf8') };
  reportBackChartSvgs(vm).forEach((svg, i) => {
    files[`charts/indicator-${i}.svg`] = Buffer.from(svg, 'utf8');
  });
  return compileTypstPdf(REPORT_BACK_TEMPLATE, files, vm.meta.date, options);
}
