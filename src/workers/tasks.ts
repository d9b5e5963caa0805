/**
 * What the worker threads do (see pool.ts): read an upload, parse it, render a report. Each task
 * gets plain data and returns plain data; a DomainError travels back as its code and message.
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../domain/errors.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import { extractReport, type Extraction } from '../importer/extract.ts';
import { importExtraction } from '../importer/import-file.ts';
import { hashBytes } from '../importer/import-report.ts';
import type { ImportResult } from '../importer/types.ts';
import type { ConductDocument } from '../reports/conduct-document.ts';
import type { ReportBackViewModel } from '../reports/report-back-view-model.ts';
import type { ReportViewModel } from '../reports/view-model.ts';
import type { ChartSpec } from '../charts/specs.ts';
import type { TaskErrorData } from './pool.ts';

/** Largest rendered report a worker hands back. */
export const MAX_REPORT_BYTES = 100 * 1024 * 1024;

export interface RenderedReport {
  body: Uint8Array;
  warnings: string[];
}

export interface TaskMap {
  extract: { payload: { bytes: Uint8Array; fileName: string }; result: Extraction };
  import: { payload: { bytes: Uint8Array; fileName: string; frameworks: FrameworkDef[] }; result: ImportResult };
  render: { payload: { format: 'pdf' | 'docx'; vm: ReportViewModel }; result: RenderedReport };
  renderReportBack: { payload: { format: 'pdf' | 'docx'; vm: ReportBackViewModel }; result: RenderedReport };
  renderConduct: { payload: { format: 'pdf' | 'docx'; doc: ConductDocument }; result: RenderedReport };
  renderChart: { payload: { spec: ChartSpec; width: number; height: number }; result: RenderedChart };
}

export interface RenderedChart {
  svg: string;
  /** The option's description of every value, for the text alternative. */
  description: string;
}

type Handlers = { [K in keyof TaskMap]: (payload: TaskMap[K]['payload']) => Promise<TaskMap[K]['result']> };

const handlers: Handlers = {
  extract: ({ bytes, fileName }) => extractReport(bytes, fileName),
  async import({ bytes, fileName, frameworks }) {
    const extraction = await extractReport(bytes, fileName);
    return importExtraction(extraction, { fileName, frameworks, sourceHash: hashBytes(bytes) });
  },
  async render({ format, vm }) {
    let body: Buffer;
    let warnings: string[] = [];
    if (format === 'pdf') {
      const out = (await import('../reports/pdf.ts')).renderReportPdfWithWarnings(vm);
      body = out.pdf;
      warnings = out.warnings;
    } else {
      body = await (await import('../reports/docx.ts')).renderReportDocx(vm);
    }
    if (body.length > MAX_REPORT_BYTES) throw new DomainError('too_large', `Rapporten blev ${Math.round(body.length / 1024 / 1024)} MB; högst ${MAX_REPORT_BYTES / 1024 / 1024} MB kan skapas.`);
    return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), warnings };
  },
  async renderReportBack({ format, vm }) {
    const body = format === 'pdf' ? (await import('../reports/report-back-pdf.ts')).renderReportBackPdf(vm) : await (await import('../reports/report-back-docx.ts')).renderReportBackDocx(vm);
    if (body.length > MAX_REPORT_BYTES) throw new DomainError('too_large', `Återrapporteringen blev ${Math.round(body.length / 1024 / 1024)} MB; högst ${MAX_REPORT_BYTES / 1024 / 1024} MB kan skapas.`);
    return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), warnings: [] };
  },
  async renderConduct({ format, doc }) {
    const body = format === 'pdf' ? (await import('../reports/conduct-document-pdf.ts')).renderConductPdf(doc) : await (await import('../reports/conduct-document-docx.ts')).renderConductDocx(doc);
    if (body.length > MAX_REPORT_BYTES) throw new DomainError('too_large', `Dokumentet blev ${Math.round(body.length / 1024 / 1024)} MB; högst ${MAX_REPORT_BYTES / 1024 / 1024} MB kan skapas.`);
    return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), warnings: [] };
  },
  renderChart: drawChart,
};

async function drawChart({ spec, width, height }: TaskMap['renderChart']['payload']): Promise<RenderedChart> {
  const [{ chartOption }, { renderChartSvg }] = await Promise.all([import('../charts/specs.ts'), import('../charts/render-svg.ts')]);
  const option = chartOption(spec) as { aria?: { label?: { description?: unknown } } };
  const description = option.aria?.label?.description;
  return { svg: renderChartSvg(option, { width, height }), description: typeof description === 'string' ? description : '' };
}

function errorData(err: unknown): TaskErrorData {
  if (err instanceof DomainError) return { name: 'DomainError', code: err.code, message: err.message, details: err.details, extra: err.extra };
  if (err instanceof Error) return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}

const port = parentPort;
if (port) {
  port.on('message', (msg: { id: number; name: keyof TaskMap; payload: never }) => {
    const handler = handlers[msg.name] as ((p: unknown) => Promise<unknown>) | undefined;
    const work = handler ? handler(msg.payload) : Promise.reject(new Error(`unknown task ${String(msg.name)}`));
    work.then(
      (value) => {
        const transfer = value && typeof value === 'object' && 'body' in value && value.body instanceof Uint8Array && value.body.byteOffset === 0 && value.body.byteLength === value.body.buffer.byteLength ? [value.body.buffer as ArrayBuffer] : [];
        port.postMessage({ id: msg.id, ok: true, value }, transfer);
      },
      (err: unknown) => port.postMessage({ id: msg.id, ok: false, error: errorData(err) }),
    );
  });
  port.postMessage({ ready: true });
}
