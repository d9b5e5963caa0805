/**
 * Charts drawn on the server for the public pages, through the shared ECharts definitions to SVG, in the
 * worker pool (drawing takes tens of milliseconds, too long for the event loop), with the last drawings
 * kept in memory because every visitor of a page asks for the same.
 *
 * - `evaluationChart` / `municipalityChart`: a page's own charts from the stored data, for a viewer who
 *   may see it (the evaluation and municipality services' policies decide; a draft is "not found" for the
 *   public). Tagged by their content (spec and size), so a page asks again with `If-None-Match`.
 * - `drawChart`: any spec it is given (compare and benchmark pages, whose data is the viewer's choice).
 */
import { createHash } from 'node:crypto';
import { evaluationChartSpec, trendSpec, type EvaluationChartKind, type PageChartWords } from '../charts/page-charts.ts';
import type { ChartSpec } from '../charts/specs.ts';
import type { ChartSvgReply, ChartSvgRequest } from '../contracts/charts.ts';
import type { Viewer } from '../domain/access.ts';
import { localTitle, titleTableOf } from '../domain/framework.ts';
import { escapeHtml } from '../domain/text.ts';
import { REPORT_LABELS, type ReportLang } from '../reports/report-language.ts';
import type { TaskRunner } from '../workers/index.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { MunicipalityService } from './municipality.service.ts';

/** Drawings kept (each 5–20 kB of SVG). */
const CACHE_SIZE = 300;

/** The charts' words per language (the reports' chart labels; the average as the web page names it). */
const WORDS: Record<ReportLang, PageChartWords> = {
  sv: { labels: REPORT_LABELS.sv.chart, average: (n) => `Snitt (${n} utv.)` },
  en: { labels: REPORT_LABELS.en.chart, average: (n) => `Average (${n} eval.)` },
  nb: { labels: REPORT_LABELS.nb.chart, average: (n) => `Gjennomsnitt (${n} eval.)` },
};

export interface PageChartRequest {
  lang: ReportLang;
  width: number;
  height: number;
  /** Narrow screen: short axis labels (area numbers). */
  compact: boolean;
}

/** A page chart: its tag, known before drawing (for `If-None-Match`), and the drawing itself. */
export interface PageChart {
  etag: string;
  /** True when the public may see it (the answer may be kept by shared caches). */
  isPublic: boolean;
  /** The SVG document, its description in words as its `<desc>`. */
  svg: () => Promise<string>;
}

export function createChartService(deps: {
  tasks: Pick<TaskRunner, 'renderChart'>;
  evaluations: Pick<EvaluationService, 'getSummary' | 'listEvaluations'>;
  frameworks: Pick<FrameworkService, 'getFramework' | 'listFrameworks'>;
  municipalities: Pick<MunicipalityService, 'getMunicipality'>;
}) {
  const cache = new Map<string, Promise<ChartSvgReply>>();
  const keyOf = (request: ChartSvgRequest) => createHash('sha256').update(JSON.stringify(request)).digest('base64url');

  const draw = (request: ChartSvgRequest, key = keyOf(request)): Promise<ChartSvgReply> => {
    const hit = cache.get(key);
    if (hit) {
      // Most recently used last.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const drawing = deps.tasks.renderChart(request);
    cache.set(key, drawing);
    drawing.catch(() => cache.delete(key));
    while (cache.size > CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    return drawing;
  };

  /** The spec as a page chart: tagged by what it draws, drawn (once, cached) when asked. */
  const pageChart = (spec: ChartSpec, req: PageChartRequest, isPublic: boolean): PageChart => {
    const request: ChartSvgRequest = { spec, width: req.width, height: req.height };
    const key = keyOf(request);
    return {
      etag: `"${key.slice(0, 27)}"`,
      isPublic,
      svg: async () => {
        const { svg, description } = await draw(request, key);
        // The description (every value in words) travels inside the drawing, for any use of the file.
        return svg.replace(/^<svg[^>]*>/, (open) => `${open}<desc>${escapeHtml(description)}</desc>`);
      },
    };
  };

  return {
    /** The chart as SVG with its description in words. Anyone may ask (`viewer` only for the uniform signature). */
    async drawChart({ request }: { request: ChartSvgRequest; viewer: Viewer }): Promise<ChartSvgReply> {
      return draw(request);
    },

    /** An evaluation's area bars or profile, from its stored scores, for a viewer who may see the evaluation. */
    async evaluationChart({ id, kind, request, viewer }: { id: string; kind: EvaluationChartKind; request: PageChartRequest; viewer: Viewer }): Promise<PageChart> {
      const summary = await deps.evaluations.getSummary({ id, viewer });
      const table = titleTableOf(await deps.frameworks.getFramework({ id: summary.framework.id }), request.lang);
      const areas = summary.areas.map((a) => ({ ...a, title: localTitle(table, a.number, a.title).text }));
      const spec = evaluationChartSpec(kind, { ...summary, areas }, WORDS[request.lang], { compact: request.compact });
      return pageChart(spec, request, summary.status === 'published');
    },

    /** A municipality's total over the years, from the evaluations the viewer may see. */
    async municipalityChart({ code, request, viewer }: { code: string; kind: 'trend'; request: PageChartRequest; viewer: Viewer }): Promise<PageChart> {
      const municipality = await deps.municipalities.getMunicipality({ code });
      const [{ items }, frameworks] = await Promise.all([deps.evaluations.listEvaluations({ filter: { municipalityCode: municipality.code, limit: 100 }, viewer }), deps.frameworks.listFrameworks()]);
      const name = (id: string) => frameworks.find((f) => f.id === id)?.name ?? id;
      const points = [...items]
        .sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0))
        .map((e) => ({ year: e.year, total: e.total, frameworkId: e.frameworkId, frameworkName: name(e.frameworkId) }));
      return pageChart(trendSpec(points, WORDS[request.lang].labels, { compact: request.compact }), request, items.every((e) => e.status === 'published'));
    },
  };
}
