import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { createGoodExampleService } from '../../services/good-examples.service.ts';

export const goodExampleRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const examples = createGoodExampleService(services);
    app.get(
      '/api/good-examples',
      {
        schema: {
          tags: ['good examples'],
          summary: 'Goda exempel ur publicerade utvärderingar: utpekade exempel, styrkor och beskrivningar av högt bedömda delområden',
          querystring: z.object({
            q: z.string().max(200).optional(),
            framework: z.string().max(64).optional(),
            area: z.coerce.number().int().min(1, 'område 1–8').max(8, 'område 1–8').optional(),
            subarea: z.string().regex(/^[1-8]\.[1-9]$/, 'delområde skrivs som 1.3').optional(),
            kind: z.enum(['good-example', 'strength', 'narrative']).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
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
