/**
 * The server's worker pool for untrusted work, with typed tasks. Pool failures (time limit, memory
 * limit, crash, queue full) become DomainErrors with Swedish messages, so every caller answers 4xx/503.
 */
import os from 'node:os';
import { DomainError, type ErrorCode, type ErrorDetail } from '../domain/errors.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import type { Extraction } from '../importer/extract.ts';
import type { ImportResult } from '../importer/types.ts';
import type { ConductDocument } from '../reports/conduct-document.ts';
import type { ReportBackViewModel } from '../reports/report-back-view-model.ts';
import type { ReportViewModel } from '../reports/view-model.ts';
import { threadModule } from './thread-module.ts';
import { createWorkerPool, TaskError, TaskFailure, type PoolStats, type WorkerPool } from './pool.ts';
import type { ChartSpec } from '../charts/specs.ts';
import type { RenderedChart, RenderedReport } from './tasks.ts';

export interface WorkerSettings {
  /** Worker threads at most (each runs one task at a time). */
  size: number;
  /** V8 heap per worker, MB. */
  memoryMb: number;
  /** Time limit of one task, seconds. */
  timeoutSeconds: number;
}

export function defaultWorkerSettings(): WorkerSettings {
  return { size: Math.min(4, Math.max(2, os.availableParallelism() - 1)), memoryMb: 768, timeoutSeconds: 60 };
}

export interface TaskRunner {
  /** Text (and PDF positions) of an upload. */
  extract(args: { bytes: Uint8Array; fileName: string }): Promise<Extraction>;
  /** Extracts and parses an upload; an unreadable file throws (4xx). */
  importFile(args: { bytes: Uint8Array; fileName: string; frameworks: readonly FrameworkDef[] }): Promise<ImportResult>;
  /** Renders a report. */
  render(args: { format: 'pdf' | 'docx'; vm: ReportViewModel }): Promise<{ body: Buffer; warnings: string[] }>;
  /** Renders an action plan's report-back. */
  renderReportBack(args: { format: 'pdf' | 'docx'; vm: ReportBackViewModel }): Promise<Buffer>;
  /** Renders a questionnaire or interview schedule document. */
  renderConduct(args: { format: 'pdf' | 'docx'; doc: ConductDocument }): Promise<Buffer>;
  /** Draws a chart spec to SVG with the shared definitions. */
  renderChart(args: { spec: ChartSpec; width: number; height: number }): Promise<RenderedChart>;
  stats(): PoolStats;
  close(): Promise<void>;
}

const isErrorCode = (c: unknown): c is ErrorCode => typeof c === 'string' && /^[a-z_]+$/.test(c);

function asDomainError(err: unknown, what: { subject: string; timeoutSeconds: number }): unknown {
  if (err instanceof TaskError) {
    const d = err.data;
    if (d.name === 'DomainError' && isErrorCode(d.code)) {
      return new DomainError(d.code, d.message, Array.isArray(d.details) ? (d.details as ErrorDetail[]) : [], d.extra && typeof d.extra === 'object' ? (d.extra as Record<string, unknown>) : {});
    }
    return new Error(`${what.subject}: ${d.name}: ${d.message}`);
  }
  if (err instanceof TaskFailure) {
    switch (err.kind) {
      case 'timeout':
        return new DomainError('unprocessable', `${what.subject} tog längre tid än ${what.timeoutSeconds} sekunder och avbröts.`);
      case 'memory':
        return new DomainError('too_large', `${what.subject} krävde mer minne än tillåtet och avbröts.`);
      case 'crashed':
        return new DomainError('unprocessable', `${what.subject} misslyckades och avbröts.`);
      case 'overloaded':
      case 'closed':
        return new DomainError('unavailable', 'Servern är upptagen med andra filer just nu. Försök igen om en stund.');
    }
  }
  return err;
}

export function createTaskRunner(settings: WorkerSettings = defaultWorkerSettings()): TaskRunner {
  let pool: WorkerPool | undefined;
  let opening: Promise<WorkerPool> | undefined;
  const get = async (): Promise<WorkerPool> => {
    opening ??= threadModule(new URL('./tasks.ts', import.meta.url), new URL('./entry.mjs', import.meta.url)).then((entry) => {
      pool = createWorkerPool({ entry, size: settings.size, memoryMb: settings.memoryMb, timeoutMs: settings.timeoutSeconds * 1000 });
      return pool;
    });
    return opening;
  };
  const run = async <T>(name: string, payload: unknown, subject: string): Promise<T> => {
    try {
      return await (await get()).run<T>(name, payload);
    } catch (err) {
      throw asDomainError(err, { subject, timeoutSeconds: settings.timeoutSeconds });
    }
  };
  return {
    extract: ({ bytes, fileName }) => run<Extraction>('extract', { bytes, fileName }, `Läsningen av filen "${fileName}"`),
    importFile: ({ bytes, fileName, frameworks }) => run<ImportResult>('import', { bytes, fileName, frameworks }, `Läsningen av filen "${fileName}"`),
    async render({ format, vm }) {
      const out = await run<RenderedReport>('render', { format, vm }, 'Sättningen av rapporten');
      return { body: Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength), warnings: out.warnings };
    },
    async renderReportBack({ format, vm }) {
      const out = await run<RenderedReport>('renderReportBack', { format, vm }, 'Sättningen av återrapporteringen');
      return Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength);
    },
    async renderConduct({ format, doc }) {
      const out = await run<RenderedReport>('renderConduct', { format, doc }, 'Sättningen av dokumentet');
      return Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength);
    },
    renderChart: (args) => run<RenderedChart>('renderChart', args, 'Ritningen av diagrammet'),
    stats: () => pool?.stats() ?? { size: settings.size, workers: 0, starting: 0, busy: 0, queued: 0, completed: 0, failed: 0, replaced: 0 },
    close: async () => {
      await opening;
      await pool?.close();
      pool = undefined;
      opening = undefined;
    },
  };
}
