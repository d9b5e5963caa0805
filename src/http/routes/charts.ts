/** POST /api/charts/svg: a chart spec drawn to SVG by the server (public pages show it before any chart library loads). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChartSvgIn, ChartSvgOut } from '../../contracts/charts.ts';
import type { Services } from '../../services/index.ts';

export const chartRoutes = ({ charts }: Pick<Services, 'charts'>): FastifyPluginAsyncZod =>
  async (app) => {
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
