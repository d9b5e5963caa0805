/**
 * Report benchmark: time to generate Burlöv 2020's report as PDF (Typst, PDF/A-2b) and DOCX from its
 * view model, and, as a reference in the same run, the time Debian Chromium takes to print an HTML
 * rendering of the same view model (page.setContent + page.pdf). Median of repeated runs after a
 * warm-up; the view model is built once (no database), as the service does before rendering.
 */
import { existsSync } from 'node:fs';
import { buildReportViewModel } from '../src/reports/view-model.ts';
import { clearReportCompilerCache, renderReportPdf } from '../src/reports/pdf.ts';
import { renderReportDocx } from '../src/reports/docx.ts';
import { renderReportHtml } from '../src/reports/html.ts';
import { burlovReportInput } from '../test/unit/reports/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = 10;

async function median(fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<number> {
  await fn(); // warm-up (compiler creation, font loading)
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const ms = (v: number): string => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
const kb = (n: number): string => `${Math.round(n / 1024)} kB`;

export async function benchReport(): Promise<Array<{ name: string; value: string }>> {
  const rows: Array<{ name: string; value: string }> = [];
  const vm = buildReportViewModel(burlovReportInput());

  const tVm = await median(() => buildReportViewModel(burlovReportInput()), 50);
  rows.push({ name: 'Report view model, Burlöv 2020 (pure function)', value: ms(tVm) });

  const t0 = performance.now();
  const firstPdf = renderReportPdf(vm);
  rows.push({ name: 'Report PDF, first in process (Typst compiler + fonts loaded)', value: ms(performance.now() - t0) });
  const tPdf = await median(() => renderReportPdf(vm));
  rows.push({ name: `Report PDF/A-2b, Burlöv 2020 (Typst, ${kb(firstPdf.length)}; Typst memo cache warm)`, value: ms(tPdf) });
  const tPdfCold = await median(() => {
    clearReportCompilerCache();
    return renderReportPdf(vm);
  });
  rows.push({ name: 'Report PDF/A-2b, Burlöv 2020 (Typst memo cache cleared before each run)', value: ms(tPdfCold) });

  const docx = await renderReportDocx(vm);
  const tDocx = await median(() => renderReportDocx(vm));
  rows.push({ name: `Report DOCX, Burlöv 2020 (docx + resvg PNG charts, ${kb(docx.length)})`, value: ms(tDocx) });

  const html = renderReportHtml(vm);
  if (!existsSync(CHROMIUM)) {
    rows.push({ name: 'Reference: Chromium page.pdf() of the HTML rendering', value: `skipped (${CHROMIUM} not found)` });
    return rows;
  }
  const { chromium } = await import('playwright-core');
  const tLaunch0 = performance.now();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const tLaunch = performance.now() - tLaunch0;
  try {
    const page = await browser.newPage();
    let size = 0;
    const print = async (): Promise<void> => {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      size = pdf.length;
    };
    const tHtml = await median(print);
    rows.push({ name: `Reference: Chromium page.pdf() of the HTML rendering (browser running, ${kb(size)})`, value: ms(tHtml) });
    rows.push({ name: 'Reference: Chromium launch (once per process)', value: ms(tLaunch) });
    rows.push({ name: 'Chromium page.pdf() time ÷ Typst PDF time (memo cache cleared)', value: `${(tHtml / tPdfCold).toFixed(1)}×` });
  } finally {
    await browser.close();
  }
  return rows;
}

// Allow running alone: node --import tsx bench/report.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchReport()) console.log(`| ${r.name} | ${r.value} |`);
}
