import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GoodExampleQuerySchema, GoodExampleResultSchema } from '../../contracts/good-examples.ts';
import type { Services } from '../../services/index.ts';

export const goodExampleRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/good-examples',
      {
        schema: {
          tags: ['good examples'],
          summary: 'Sök goda exempel i publicerade utvärderingar: utpekade exempel, styrkor, förbättringsområden, beskrivningar av delområden och sammanfattningar (svensk fulltextsökning, rankad, med markerade utdrag)',
          querystring: GoodExampleQuerySchema,
          response: { 200: GoodExampleResultSchema },
        },
      },
      async (req) => {
        const { q, framework, area, subarea, kind, yearFrom, yearTo, county, municipality, minPercent, limit, offset } = req.query;
        return services.goodExamples.searchGoodExamples({
          viewer: req.viewer,
          query: { q, frameworkId: framework, areaNumber: area, subareaId: subarea, kinds: kind, yearFrom, yearTo, countyCode: county, municipalityCode: municipality, minPercent },
          limit,
          offset,
        });
      },
    );
  };
