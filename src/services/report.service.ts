/**
 * Evaluation reports as PDF or DOCX: loads what the viewer may see, builds the view model (pure),
 * renders it in the worker pool (off the event loop, with time and memory limits), and caches the
 * file by content.
 *
 * Cache key = hash of (format, renderer version, view model). The view model contains everything
 * printed: evaluation texts and scores, status, framework texts (about, introductions, titles), the
 * average of comparable evaluations and the previous evaluation. So any change that alters the
 * report (an edit of a draft, a correction, an edited framework text, a newly published peer changing
 * the average) gives a new key; unchanged data is served from the cache. Drafts are cached the same
 * way. Because the key is the content itself, a per-process cache is correct with several instances:
 * an instance can only ever serve a file made from exactly the view model it just built from the
 * database, so nothing needs invalidating across instances (each renders a new version once).
 *
 * A render that fails is remembered for a minute by the same key: asking again for the same content
 * gets the same answer at once instead of rendering again.
 */
import { createHash } from 'node:crypto';
import type { Viewer } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';
import { buildReportViewModel, type ReportLang, type ReportViewModel } from '../reports/view-model.ts';
import type { EvaluationService } from './evaluation.service.ts';
import type { FrameworkService } from './framework.service.ts';
import type { TaskRunner } from '../workers/index.ts';

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Bump when the layout changes, so cached files made by an older renderer are not served. */
export const REPORT_RENDERER_VERSION = '1';

export interface ReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  /** Content hash; usable as an ETag. */
  key: string;
  cached: boolean;
  status: 'draft' | 'review' | 'published';
}

export type ReportRenderers = Record<ReportFormat, (vm: ReportViewModel) => Promise<Buffer>>;

export interface ReportCache {
  get(key: string): Buffer | undefined;
  set(key: string, value: Buffer): void;
  delete(key: string): void;
}

/** In-memory LRU cache bounded by total bytes. */
export function createMemoryReportCache(maxBytes = 64 * 1024 * 1024): ReportCache & { size(): number; bytes(): number } {
  const map = new Map<string, Buffer>();
  let bytes = 0;
  return {
    get(key) {
      const v = map.get(key);
      if (v) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key, value) {
      const old = map.get(key);
      if (old) {
        bytes -= old.length;
        map.delete(key);
      }
      map.set(key, value);
      bytes += value.length;
      for (const [k, v] of map) {
        if (bytes <= maxBytes || map.size <= 1) break;
        map.delete(k);
        bytes -= v.length;
      }
    },
    delete(key) {
      const old = map.get(key);
      if (old) {
        bytes -= old.length;
        map.delete(key);
      }
    },
    size: () => map.size,
    bytes: () => bytes,
  };
}

/** The real renderers, in the worker pool. */
export function poolRenderers(tasks: Pick<TaskRunner, 'render'>): ReportRenderers {
  return {
    pdf: async (vm) => (await tasks.render({ format: 'pdf', vm })).body,
    docx: async (vm) => (await tasks.render({ format: 'docx', vm })).body,
  };
}

/** How long a failed render is remembered (same content → same error, no new render). */
export const RENDER_FAILURE_TTL_MS = 60_000;
const MAX_REMEMBERED_FAILURES = 256;

export function parseReportFormat(format: string): ReportFormat {
  const f = format.toLowerCase();
  if ((REPORT_FORMATS as readonly string[]).includes(f)) return f as ReportFormat;
  throw new DomainError('unsupported', `Rapportformatet "${format}" stöds inte. Välj pdf eller docx.`, [
    { path: 'format', message: `Tillåtna format: ${REPORT_FORMATS.join(', ')}` },
  ]);
}

export function viewModelKey(format: ReportFormat, vm: ReportViewModel): string {
  return createHash('sha256').update(`${format}\n${REPORT_RENDERER_VERSION}\n${JSON.stringify(vm)}`).digest('hex').slice(0, 32);
}

export function createReportService(deps: {
  evaluations: Pick<EvaluationService, 'getEvaluation' | 'getSummary'>;
  frameworks: Pick<FrameworkService, 'getFramework'>;
  tasks: Pick<TaskRunner, 'render'>;
  renderers?: ReportRenderers;
  cache?: ReportCache;
  now?: () => number;
}) {
  const renderers = deps.renderers ?? poolRenderers(deps.tasks);
  const cache = deps.cache ?? createMemoryReportCache();
  const now = deps.now ?? Date.now;
  /** Recent failures by key (bounded, oldest dropped first). */
  const failures = new Map<string, { error: unknown; until: number }>();
  const rememberFailure = (key: string, error: unknown): void => {
    failures.set(key, { error, until: now() + RENDER_FAILURE_TTL_MS });
    for (const k of failures.keys()) {
      if (failures.size <= MAX_REMEMBERED_FAILURES) break;
      failures.delete(k);
    }
  };
  /** Latest key per evaluation and format, so a superseded file is dropped as soon as the data changes. */
  const latest = new Map<string, string>();
  /** Renders in progress, so simultaneous requests for the same report render it once. */
  const inFlight = new Map<string, Promise<Buffer>>();

  const load = async (id: string, viewer: Viewer, lang: ReportLang = 'sv'): Promise<{ status: ReportFile['status']; vm: ReportViewModel }> => {
    // getEvaluation/getSummary apply the access rules: what the viewer may not see is "not found".
    const evaluation = await deps.evaluations.getEvaluation({ id, viewer });
    const [summary, framework] = await Promise.all([
      deps.evaluations.getSummary({ id, viewer }),
      deps.frameworks.getFramework({ id: evaluation.frameworkId }),
    ]);
    return { status: evaluation.status, vm: buildReportViewModel({ evaluation, framework, summary, lang }) };
  };

  const service = {
    /** The report's view model, as the viewer may see it (drafts only for viewers who may see them). */
    async getReportViewModel({ id, lang, viewer }: { id: string; lang?: ReportLang; viewer: Viewer }): Promise<ReportViewModel> {
      return (await load(id, viewer, lang)).vm;
    },

    /**
     * The report file. Unknown id, or a draft the viewer may not see → not_found (the same answer,
     * so drafts are not revealed); unsupported format → unsupported.
     */
    async getReport({ id, format, lang = 'sv', viewer }: { id: string; format: string; lang?: ReportLang; viewer: Viewer }): Promise<ReportFile> {
      const fmt = parseReportFormat(format);
      const { status, vm } = await load(id, viewer, lang);
      const key = viewModelKey(fmt, vm);
      const base = {
        contentType: REPORT_CONTENT_TYPES[fmt],
        fileName: `${vm.meta.fileBase}${status === 'published' ? '' : `-${status === 'draft' ? 'utkast' : 'granskning'}`}.${fmt}`,
        key,
        status,
      };
      const slot = `${id}:${fmt}:${lang}`;
      const previousKey = latest.get(slot);
      if (previousKey && previousKey !== key) cache.delete(previousKey);
      latest.set(slot, key);
      const hit = cache.get(key);
      if (hit) return { ...base, body: hit, cached: true };
      const failed = failures.get(key);
      if (failed && failed.until > now()) throw failed.error;
      if (failed) failures.delete(key);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = renderers[fmt](vm).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      let body: Buffer;
      try {
        body = await pending;
      } catch (err) {
        rememberFailure(key, err);
        throw err;
      }
      cache.set(key, body);
      return { ...base, body, cached: false };
    },
  };
  return service;
}
export type ReportService = ReturnType<typeof createReportService>;
