/**
 * The public pages' charts drawn by the server (they show them before any chart library loads):
 * - GET /api/evaluations/{id}/charts/{areaBar|profileRadar}.svg and GET /api/municipalities/{code}/charts/trend.svg:
 *   from the stored data, for whoever may see it (a draft is 404 for the public); ETag and `If-None-Match`.
 * - POST /api/charts/svg: a spec it is given (compare and benchmark pages, whose selection is the visitor's).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChartSvgIn, ChartSvgOut, EvaluationChartParams, MunicipalityChartParams, PageChartQuery } from '../../contracts/charts.ts';
import type { PageChart } from '../../services/chart.service.ts';
import type { Services } from '../../services/index.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';

const SVG_ANSWER = 'Svarar med diagrammet som SVG (image/svg+xml), alla värden i ord som dess <desc>; 304 när If-None-Match har samma ETag.';

/**
 * 304 when the client has this drawing, else the SVG. Kept by shared caches for five minutes only when the
 * public may see it and asks anonymously (as the reports); anything else is the viewer's own.
 */
async function sendChart(req: FastifyRequest, reply: FastifyReply, chart: PageChart) {
  const shared = chart.isPublic && req.viewer.role === 'public';
  reply.header('etag', chart.etag).header('cache-control', shared ? 'public, max-age=300' : 'private, no-cache').header('vary', 'cookie');
  const match = req.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((t) => t.trim().replace(/^W\//, '') === chart.etag)) return reply.status(304).send();
  return reply.type('image/svg+xml; charset=utf-8').send(await chart.svg());
}

const pageRequest = (q: { lang: 'sv' | 'en' | 'nb'; width: number; height: number; compact: 'true' | 'false' }) => ({ lang: q.lang, width: q.width, height: q.height, compact: q.compact === 'true' });

export const chartRoutes = ({ charts }: Pick<Services, 'charts'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/evaluations/:id/charts/:file',
      {
        schema: {
          tags: ['charts'],
          summary: 'En utvärderings stapeldiagram (areaBar.svg) eller profil (profileRadar.svg), ritat av servern ur de sparade poängen',
          params: EvaluationChartParams,
          querystring: PageChartQuery,
          description: SVG_ANSWER,
        },
      },
      async (req, reply) => {
        const kind = req.params.file === 'areaBar.svg' ? 'areaBar' : 'profileRadar';
        return sendChart(req, reply, await charts.evaluationChart({ id: req.params.id, kind, request: pageRequest(req.query), viewer: req.viewer }));
      },
    );

    app.get(
      '/api/municipalities/:code/charts/:file',
      {
        schema: {
          tags: ['charts'],
          summary: 'En kommuns totalpoäng över åren (trend.svg), ritad av servern ur de utvärderingar man får se',
          params: MunicipalityChartParams,
          querystring: PageChartQuery,
          description: SVG_ANSWER,
        },
      },
      async (req, reply) => sendChart(req, reply, await charts.municipalityChart({ code: req.params.code, kind: 'trend', request: pageRequest(req.query), viewer: req.viewer })),
    );

    app.post(
      '/api/charts/svg',
      {
        schema: {
          tags: ['charts'],
          summary: 'Ritar ett diagram (stapel, profil, jämförelse, trend, spridning) som SVG med samma diagramdefinitioner som webben och rapporterna',
          body: ChartSvgIn,
          response: { 200: ChartSvgOut },
        },
      },
      async (req) => charts.drawChart({ request: req.body, viewer: req.viewer }),
    );
  };
