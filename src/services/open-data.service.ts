/**
 * Open data: bulk downloads of every current published score (evaluation, area or subarea level) as CSV,
 * XLSX or JSON under CC BY 4.0, read from the database page by page and written as a stream, so the
 * memory used does not grow with the archive. Also the comparison of evaluations (areas paired through
 * the concordance across versions, never by number) and its export.
 */
import { PassThrough, Readable } from 'node:stream';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { compareEvaluations, type Comparison } from '../domain/concordance.ts';
import { DomainError } from '../domain/errors.ts';
import type { FrameworkDef } from '../domain/framework.ts';
import {
  COMPARISON_COLUMNS,
  CSV_BOM,
  csvHeader,
  csvRow,
  OPEN_DATA_COLUMNS,
  OPEN_DATA_LICENCE,
  openDataRows,
  type Column,
  type OpenDataLevel,
  type OpenDataRow,
} from '../domain/open-data.ts';
import type { ConcordanceService } from './concordance.service.ts';
import type { EvaluationService, EvaluationSummary } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';

export type OpenDataFormat = 'csv' | 'xlsx' | 'json';

export interface DownloadFile {
  contentType: string;
  fileName: string;
  body: Readable;
}

const CONTENT_TYPES: Record<OpenDataFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

const LEVEL_NAMES: Record<OpenDataLevel, string> = { evaluation: 'utvarderingar', area: 'omraden', subarea: 'delomraden' };
const SHEET_NAMES: Record<OpenDataLevel, string> = { evaluation: 'Utvärderingar', area: 'Områden', subarea: 'Delområden' };

/** Evaluations read per database round trip. */
const PAGE = 200;

export interface ComparisonView extends Comparison {
  evaluations: Array<{ id: string; municipality: { code: string; name: string }; year: number; status: string; framework: { id: string; name: string } }>;
}

/**
 * Writes rows as one XLSX sheet (streamed: each row is committed and leaves memory) plus a licence sheet.
 * ExcelJS is loaded on the first XLSX asked for (about 20 MB of resident memory a server that is never
 * asked for one does not carry).
 */
function xlsxStream(sheetName: string, columns: readonly Column[], rows: AsyncIterable<object>): Readable {
  const out = new PassThrough();
  const run = async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    workbook.creator = 'kompass';
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, key: String(c.key), width: Math.max(10, c.header.length + 2), ...(c.kind === 'number' ? { style: { numFmt: '0.##' } } : {}) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const row of rows) {
      // Codes stay text ("0114"); unknown numbers stay empty cells.
      sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, (row as Readonly<Record<string, unknown>>)[c.key] ?? null]))).commit();
    }
    sheet.commit();
    const licence = workbook.addWorksheet('Licens');
    licence.addRow(['Licens', OPEN_DATA_LICENCE.name]).commit();
    licence.addRow(['Adress', OPEN_DATA_LICENCE.url]).commit();
    licence.addRow(['Ange källa', OPEN_DATA_LICENCE.attribution]).commit();
    licence.addRow(['Villkor', OPEN_DATA_LICENCE.notice]).commit();
    licence.commit();
    await workbook.commit();
  };
  run().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

async function* csvChunks(columns: readonly Column[], rows: AsyncIterable<object>): AsyncGenerator<string> {
  yield CSV_BOM + csvHeader(columns);
  let buffer = '';
  for await (const row of rows) {
    buffer += csvRow(columns, row);
    if (buffer.length > 64_000) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

async function* jsonChunks(meta: Record<string, unknown>, rows: AsyncIterable<unknown>): AsyncGenerator<string> {
  const head = JSON.stringify({ ...meta, licence: OPEN_DATA_LICENCE });
  yield `${head.slice(0, -1)},"items":[`;
  let first = true;
  let buffer = '';
  for await (const row of rows) {
    buffer += (first ? '' : ',') + JSON.stringify(row);
    first = false;
    if (buffer.length > 64_000) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}]}`;
}

/** One table as a download in the asked format: CSV (Swedish Excel), XLSX (with its licence sheet) or JSON (`meta`, the licence and the rows as `items`). */
function openDataFile(format: OpenDataFormat, names: { file: string; sheet: string }, columns: readonly Column[], meta: Record<string, unknown>, rows: AsyncIterable<object>): DownloadFile {
  const body =
    format === 'xlsx' ? xlsxStream(names.sheet, columns, rows) : Readable.from(format === 'csv' ? csvChunks(columns, rows) : jsonChunks(meta, rows));
  return { contentType: CONTENT_TYPES[format], fileName: `kommunkompassen-${names.file}.${format}`, body };
}

export function createOpenDataService({ frameworks, evaluations, concordances, repositories }: { frameworks: FrameworkService; evaluations: EvaluationService; concordances: ConcordanceService; repositories: Pick<Repositories, 'benchmarks'> }) {
  const repo = repositories.benchmarks;

  /** Every current published evaluation's rows at one level, read page by page (ordered by evaluation id). */
  async function* scoreRows(level: OpenDataLevel): AsyncGenerator<OpenDataRow> {
    const fws = new Map<string, FrameworkDef>((await frameworks.listFrameworks()).map((f) => [f.id, f]));
    let afterId: string | null = null;
    for (;;) {
      const page = await repo.publishedPage({ afterId, limit: PAGE });
      if (page.evaluations.length === 0) return;
      const byEvaluation = new Map<string, Map<string, { score: number | null; source: string }>>();
      for (const v of page.values) {
        const m = byEvaluation.get(v.evaluationId) ?? new Map<string, { score: number | null; source: string }>();
        m.set(`${v.level}:${v.key}`, { score: v.score, source: v.source });
        byEvaluation.set(v.evaluationId, m);
      }
      for (const e of page.evaluations) {
        const fw = fws.get(e.frameworkId);
        if (!fw) continue;
        const { id, ...facts } = e;
        yield* openDataRows(fw, { evaluation: { evaluationId: id, ...facts }, values: byEvaluation.get(id) ?? new Map() }, level);
      }
      afterId = page.evaluations[page.evaluations.length - 1]?.id ?? null;
      if (page.evaluations.length < PAGE) return;
    }
  }

  const comparisonRows = (view: ComparisonView): Array<Record<string, unknown>> => {
    const evalById = new Map(view.evaluations.map((e) => [e.id, e]));
    const caveat =
      view.mode === 'totals-only'
        ? 'Versionerna saknar konkordans: bara totalpoängen jämförs (i procent av max).'
        : view.mode === 'concordance'
          ? 'Olika ramverksversioner: områdena jämförs genom konkordansen och motsvarar varandra delvis.'
          : '';
    const base = (id: string) => {
      const e = evalById.get(id);
      return { evaluationId: id, municipalityCode: e?.municipality.code ?? '', municipalityName: e?.municipality.name ?? '', year: e?.year ?? null, frameworkName: e?.framework.name ?? '' };
    };
    return [
      ...view.rows.flatMap((r) =>
        r.cells.map((c) => ({ ...base(c.evaluationId), row: `${r.area}. ${r.title}`, area: c.area, title: c.title, points: c.score, relation: c.relation ?? 'saknas', caveat })),
      ),
      ...view.totals.map((t) => ({ ...base(t.evaluationId), row: 'Totalt', area: null, title: null, points: t.total, max: t.max, percent: t.percent, relation: null, caveat })),
    ];
  };

  const service = {
    scoreRows,

    /** The bulk download of all published scores at one level, in one format (a stream). */
    async exportScores({ level, format, viewer: _viewer }: { level: OpenDataLevel; format: OpenDataFormat; viewer: Viewer }): Promise<DownloadFile> {
      const columns = OPEN_DATA_COLUMNS[level];
      const meta = { level, columns: columns.map((c) => ({ key: c.key, header: c.header })) };
      return openDataFile(format, { file: LEVEL_NAMES[level], sheet: SHEET_NAMES[level] }, columns, meta, scoreRows(level));
    },

    /**
     * Compares 1–5 evaluations the viewer may see. Within one version areas pair by number; across versions
     * only through the concordance, and with no concordance only the totals are compared.
     */
    async compareEvaluations({ ids, viewer }: { ids: readonly string[]; viewer: Viewer }): Promise<ComparisonView> {
      const unique = [...new Set(ids)];
      if (unique.length === 0 || unique.length > 5) throw new DomainError('validation', `Jämför 1–5 utvärderingar, inte ${unique.length}.`, [{ path: 'ids', message: 'Ange 1–5 utvärderingar.' }]);
      const summaries: EvaluationSummary[] = await Promise.all(unique.map((id) => evaluations.getSummary({ id, viewer })));
      const pairs = new Map<string, Awaited<ReturnType<ConcordanceService['pairsBetween']>>>();
      for (const s of summaries) {
        const first = summaries[0];
        if (first && s.frameworkId !== first.frameworkId && !pairs.has(s.frameworkId)) pairs.set(s.frameworkId, await concordances.pairsBetween(first.frameworkId, s.frameworkId));
      }
      const comparison = compareEvaluations(
        summaries.map((s) => ({ evaluationId: s.id, frameworkId: s.frameworkId, total: s.total, max: s.max, areas: s.areas.map((a) => ({ number: a.number, title: a.title, score: a.score })) })),
        (_from, to) => pairs.get(to) ?? null,
      );
      return {
        ...comparison,
        evaluations: summaries.map((s) => ({ id: s.id, municipality: s.municipality, year: s.year, status: s.status, framework: { id: s.framework.id, name: s.framework.name } })),
      };
    },

    /** The comparison as a file (one row per evaluation and compared area, then the totals). */
    async exportComparison({ ids, format, viewer }: { ids: readonly string[]; format: OpenDataFormat; viewer: Viewer }): Promise<DownloadFile & { hasUnpublished: boolean }> {
      const view = await service.compareEvaluations({ ids, viewer });
      const rows = comparisonRows(view);
      const hasUnpublished = view.evaluations.some((e) => e.status !== 'published');
      const meta = { mode: view.mode, referenceFrameworkId: view.referenceFrameworkId, missingConcordances: view.missingConcordances, evaluations: view.evaluations };
      const iterate = async function* () {
        yield* rows;
      };
      return { ...openDataFile(format, { file: 'jamforelse', sheet: 'Jämförelse' }, COMPARISON_COLUMNS, meta, iterate()), hasUnpublished };
    },
  };
  return service;
}
export type OpenDataService = ReturnType<typeof createOpenDataService>;
