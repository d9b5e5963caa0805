/**
 * Report view model → PDF/A-2b with Typst (tagged, vector charts, embedded fonts, title and language set).
 * One compiler per process, fonts loaded from the project's own TTF files; no package or font downloads.
 */
import os from 'node:os';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { renderReportCharts } from './charts.ts';
import { fitReportToFonts, reportFonts } from './fonts.ts';
import { REPORT_TEMPLATE } from './typst/template.ts';
import type { ReportViewModel } from './view-model.ts';
import { LANG_TAGS } from './report-language.ts';

/** A directory that is never read: the template's files live only in the compiler's shadow file system. */
const WORKSPACE = path.join(os.tmpdir(), 'kompass-typst-virtual-root');

let compiler: NodeCompiler | undefined;
function getCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs: reportFonts().map((f) => f.data) }] });
  return compiler;
}

export class ReportRenderError extends Error {
  constructor(message: string, readonly diagnostics: unknown) {
    super(message);
    this.name = 'ReportRenderError';
  }
}

export interface PdfOptions {
  /** PDF standard; PDF/A-2b by default (archival). */
  standard?: 'a-2b' | '1.7';
}

/** Renders the report to PDF bytes. Synchronous and CPU-bound (about a second for a full report). */
export function renderReportPdf(vm: ReportViewModel, options: PdfOptions = {}): Buffer {
  return renderReportPdfWithWarnings(vm, options).pdf;
}

/**
 * Renders the report to PDF bytes; characters no font has are replaced first (and named in a note
 * and in `warnings`), so PDF/A never meets a missing glyph.
 */
export function renderReportPdfWithWarnings(input: ReportViewModel, options: PdfOptions = {}): { pdf: Buffer; warnings: string[] } {
  const { vm, warnings } = fitReportToFonts(input);
  return { pdf: compilePdf(vm, options), warnings };
}

function compilePdf(vm: ReportViewModel, options: PdfOptions): Buffer {
  const charts = renderReportCharts(vm);
  const files: Record<string, Buffer> = {
    'data.json': Buffer.from(JSON.stringify({ vm, labels: vm.labels, tags: { doc: LANG_TAGS[vm.lang], text: LANG_TAGS[vm.textLang] } }), 'utf8'),
    'charts/bar.svg': Buffer.from(charts.bar.svg, 'utf8'),
  };
  if (charts.radar) files['charts/radar.svg'] = Buffer.from(charts.radar.svg, 'utf8');
  return compileTypstPdf(REPORT_TEMPLATE, files, vm.meta.date, options);
}

/**
 * Compiles a static Typst template with its files (JSON data, SVG charts) mapped into the compiler's
 * virtual file system, to PDF. Shared by the evaluation report and the report-back.
 */
export function compileTypstPdf(template: string, files: Record<string, Buffer>, date: string, options: PdfOptions = {}): Buffer {
  const c = getCompiler();
  const shadow = (p: string): string => path.join(WORKSPACE, p);
  c.resetShadow();
  for (const [name, data] of Object.entries(files)) c.mapShadow(shadow(name), data);
  c.mapShadow(shadow('main.typ'), Buffer.from(template, 'utf8'));
  try {
    const result = c.compile({ mainFilePath: shadow('main.typ') });
    const doc = result.result;
    if (!doc) {
      const err = result.takeError();
      const diagnostics = err ? c.fetchDiagnostics(err) : [];
      throw new ReportRenderError(`Rapporten kunde inte sättas: ${JSON.stringify(diagnostics).slice(0, 2000)}`, diagnostics);
    }
    const seconds = Math.floor(Date.parse(`${date}T12:00:00Z`) / 1000);
    return c.pdf(doc, { pdfStandard: options.standard ?? 'a-2b', pdfTags: true, creationTimestamp: seconds });
  } finally {
    c.resetShadow();
    c.evictCache(10);
  }
}

/** Clears Typst's memoization cache (benchmarks: measure a render that reuses nothing). */
export function clearReportCompilerCache(): void {
  compiler?.evictCache(0);
}
