/**
 * Open data: GET /api/open-data/scores.csv|xlsx|json?level=… (all published scores, CC BY 4.0, streamed),
 * and the comparison of evaluations with its export.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ComparisonOut, ComparisonQuery, OpenDataParams, OpenDataQuery } from '../../contracts/open-data.ts';
import { OPEN_DATA_LICENCE } from '../../domain/open-data.ts';
import type { Services } from '../../services/index.ts';
import { contentDisposition } from './reports.ts';

const LICENCE_DESCRIPTION = `Licens: ${OPEN_DATA_LICENCE.name} (${OPEN_DATA_LICENCE.url}). ${OPEN_DATA_LICENCE.attribution}. CSV: UTF-8 med BOM, semikolon mellan fälten, decimalkomma (för svenska Excel). Kommunkod och länskod är SCB:s koder (som i Kolada), alltid som text.`;

/** The schema of a route answering with an open-data file in the format its path ends with. */
function fileSchema<Q extends z.ZodType>(tags: string[], summary: string, querystring: Q) {
  return { tags, summary, description: LICENCE_DESCRIPTION, params: OpenDataParams, querystring };
}

/** An open-data file as an attachment, with its licence in the headers (`Link: rel="license"`, `X-License`). */
function sendOpenData(reply: FastifyReply, file: { body: unknown; contentType: string; fileName: string }, cacheControl: string): FastifyReply {
  return reply
    .type(file.contentType)
    .header('Content-Disposition', contentDisposition('attachment', file.fileName))
    .header('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`)
    .header('X-License', OPEN_DATA_LICENCE.id)
    .header('Cache-Control', cacheControl)
    .send(file.body);
}

export const openDataRoutes = ({ openData }: Pick<Services, 'openData'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/open-data/scores.:format',
      {
        schema: fileSchema(['open data'], 'Alla publicerade poäng som öppna data: per utvärdering, område eller delområde, som CSV, XLSX eller JSON', OpenDataQuery),
      },
      async (req, reply) => {
        const file = await openData.exportScores({ level: req.query.level, format: req.params.format, viewer: req.viewer });
        return sendOpenData(reply, file, 'public, max-age=300');
      },
    );
    app.get(
      '/api/comparisons',
      {
        config: { publicCache: true },
        schema: {
          tags: ['evaluations'],
          summary: 'Jämför 1–5 utvärderingar: inom en version område för område, mellan versioner bara genom konkordansen (utan konkordans bara totalpoäng)',
          querystring: ComparisonQuery,
          response: { 200: ComparisonOut },
        },
      },
      async (req) => openData.compareEvaluations({ ids: req.query.ids, viewer: req.viewer }),
    );
    app.get(
      '/api/comparisons/export.:format',
      {
        schema: fileSchema(['evaluations', 'open data'], 'Jämförelsen som fil (CSV, XLSX eller JSON)', ComparisonQuery),
      },
      async (req, reply) => {
        const file = await openData.exportComparison({ ids: req.query.ids, format: req.params.format, viewer: req.viewer });
        const cache = file.hasUnpublished ? 'private, no-store' : req.viewer.role === 'public' ? 'public, max-age=300' : 'private, no-cache';
        return sendOpenData(reply.header('Vary', 'Cookie'), file, cache);
      },
    );
  };
