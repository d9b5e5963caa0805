/**
 * GET /api/evaluations/:id/report.pdf | .docx — the evaluation report as a file.
 * Validates, lets the report service decide access and format, shapes the reply (type, name, ETag).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { createReportService, type ReportService } from '../../services/report.service.ts';
import { ReportParams as Params, ReportQuery as Query } from '../../contracts/reports.ts';

/** RFC 6266 header with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const reportRoutes = (services: Services, reports: ReportService = createReportService(services)): FastifyPluginAsyncZod =>
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
        const file = await reports.getReport({ id: req.params.id, format: req.params.format, viewer: req.viewer });
        const etag = `"${file.key}"`;
        reply
          .header('ETag', etag)
          .header('Cache-Control', file.status === 'published' ? 'public, max-age=300' : 'private, no-store')
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
