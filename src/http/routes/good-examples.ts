import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { GoodExampleListOut, GoodExampleQuery } from '../../contracts/good-examples.ts';

export const goodExampleRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const examples = services.goodExamples;
    app.get(
      '/api/good-examples',
      {
        schema: {
          tags: ['good examples'],
          summary: 'Goda exempel ur publicerade utvärderingar: utpekade exempel, styrkor och beskrivningar av högt bedömda delområden',
          querystring: GoodExampleQuery,
          response: { 200: GoodExampleListOut },
        },
      },
      async (req) => {
        const { q, framework, area, subarea, kind, limit, offset } = req.query;
        return examples.searchGoodExamples({
          query: { q, areaNumber: area, subareaId: subarea, ...(kind ? { kinds: [kind] } : {}) },
          ...(framework ? { frameworkId: framework } : {}),
          limit,
          offset,
        });
      },
    );
  };
