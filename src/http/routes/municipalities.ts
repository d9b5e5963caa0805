import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { MunicipalityListOut, MunicipalityOut, MunicipalityParams, MunicipalitySearchQuery } from '../../contracts/municipalities.ts';

export const municipalityRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/municipalities',
      {
        config: { publicCache: true },
        schema: {
          tags: ['municipalities'],
          summary: 'Sök kommun eller region på namn eller kod (å/ä/ö kan skrivas a/o)',
          querystring: MunicipalitySearchQuery,
          response: { 200: MunicipalityListOut },
        },
      },
      async (req) => ({ items: await services.municipalities.searchMunicipalities({ q: req.query.q, limit: req.query.limit, ...(req.query.kind ? { kind: req.query.kind } : {}) }) }),
    );
    app.get(
      '/api/municipalities/:code',
      { config: { publicCache: true }, schema: { tags: ['municipalities'], summary: 'En kommun eller region', params: MunicipalityParams, response: { 200: MunicipalityOut } } },
      async (req) => services.municipalities.getMunicipality({ code: req.params.code }),
    );
  };
