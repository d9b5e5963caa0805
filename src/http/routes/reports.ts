/**
 * GET /api/evaluations/:id/report.pdf | .docx[?lang=sv|en|nb] — the evaluation report as a file.
 * Validates, lets the report service decide access and format, shapes the reply (type, name, ETag).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { ReportParams as Params, ReportQuery as Query } from '../../contracts/reports.ts';
import { stripDiacritics } from '../../domain/text.ts';

/** RFC 6266 header with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = stripDiacritics(fileName).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Who may keep a copy of a report. Only a published report fetched without a session is the same for
 * everyone and may sit in shared caches; what a signed-in viewer gets can depend on who they are (drafts,
 * reviews, comparisons that include unpublished work), so it is private to their browser (revalidated
 * by ETag) and drafts/reviews are not stored at all. Vary: Cookie keeps a shared cache from answering a
 * signed-in request with the anonymous copy.
 */
export function reportCacheControl(status: string, anonymous: boolean): string {
  if (status !== 'published') return 'private, no-store';
  return anonymous ? 'public, max-age=300' : 'private, no-cache';
}

export const reportRoutes = ({ reports }: Pick<Services, 'reports'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/evaluations/:id/report.:format',
      {
        schema: {
          tags: ['evaluations'],
          summary: 'Utvärderingens rapport som PDF (PDF/A-2b) eller DOCX',
          params: Params,
          querystring: Query,
        },
      },
      async (req, reply) => {
        const file = await reports.getReport({ id: req.params.id, format: req.params.format, lang: req.query.lang, viewer: req.viewer });
        const etag = `"${file.key}"`;
        reply
          .header('ETag', etag)
          .header('Cache-Control', reportCacheControl(file.status, req.viewer.role === 'public'))
          .header('Vary', 'Cookie')
          .header('X-Report-Cache', file.cached ? 'hit' : 'miss');
        if (file.status === 'published' && req.headers['if-none-match'] === etag) return reply.status(304).send();
        return reply
          .type(file.contentType)
          .header('Content-Disposition', contentDisposition(req.query.disposition, file.fileName))
          .header('Content-Length', String(file.body.length))
          .send(file.body);
      },
    );
  };
