import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';

const MunicipalityOut = z.object({ code: z.string(), name: z.string(), kind: z.enum(['kommun', 'region']), countyCode: z.string(), countyName: z.string() });

export const municipalityRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/municipalities',
      {
        schema: {
          tags: ['municipalities'],
          summary: 'Sök kommun eller region på namn eller kod (å/ä/ö kan skrivas a/o)',
          querystring: z.object({
            q: z.string().max(100).default(''),
            limit: z.coerce.number().int().min(1).max(400).default(20),
            kind: z.enum(['kommun', 'region']).optional(),
          }),
          response: { 200: z.object({ items: z.array(MunicipalityOut) }) },
        },
      },
      async (req) => ({ items: await services.municipalities.searchMunicipalities({ q: req.query.q, limit: req.query.limit, ...(req.query.kind ? { kind: req.query.kind } : {}) }) }),
    );
    app.get(
      '/api/municipalities/:code',
      { schema: { tags: ['municipalities'], params: z.object({ code: z.string().regex(/^\d{2,4}$/, 'kod: 2 eller 4 siffror') }), response: { 200: MunicipalityOut } } },
      async (req) => services.municipalities.getMunicipality({ code: req.params.code }),
    );
  };
