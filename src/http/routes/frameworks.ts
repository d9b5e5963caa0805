import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../guards.ts';

const SubareaSchema = z.object({
  id: z.string().regex(/^[1-8]\.[1-9]$/),
  title: z.string().min(1).max(500),
  heading: z.string().max(500).optional(),
  max: z.number().positive().max(100).nullable(),
});
const AreaSchema = z.object({
  number: z.number().int().min(1).max(8),
  title: z.string().min(1).max(300),
  aliases: z.array(z.string().max(300)).max(10).optional(),
  introduction: z.string().max(50_000).default(''),
  subareas: z.array(SubareaSchema).min(1).max(9),
});
export const FrameworkSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'id: små bokstäver, siffror och bindestreck'),
  name: z.string().min(1).max(200),
  year: z.number().int().min(1990).max(2100),
  origin: z.enum(['catalog', 'derived-import', 'custom']).default('custom'),
  needsReview: z.boolean().default(false),
  about: z.string().max(50_000).default(''),
  notes: z.string().max(10_000).default(''),
  areas: z.array(AreaSchema),
});

export const frameworkRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/frameworks',
      {
        schema: {
          tags: ['frameworks'],
          summary: 'Ramverksversioner',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), name: z.string(), year: z.number(), origin: z.string(), needsReview: z.boolean(), areaCount: z.number() })),
            }),
          },
        },
      },
      async () => ({
        items: (await services.frameworks.listFrameworks()).map((f) => ({ id: f.id, name: f.name, year: f.year, origin: f.origin, needsReview: f.needsReview, areaCount: f.areas.length })),
      }),
    );
    app.get(
      '/api/frameworks/:id',
      { schema: { tags: ['frameworks'], summary: 'En ramverksversion med områden och delområden', params: z.object({ id: z.string().max(64) }) } },
      async (req) => services.frameworks.getFramework({ id: req.params.id }),
    );
    app.post(
      '/api/frameworks',
      { preHandler: requireRole('admin'), schema: { tags: ['frameworks'], summary: 'Lägg till en ramverksversion (data)', body: FrameworkSchema } },
      async (req, reply) => reply.status(201).send(await services.frameworks.createFramework({ framework: req.body, viewer: req.viewer })),
    );
    app.put(
      '/api/frameworks/:id',
      {
        preHandler: requireRole('admin'),
        schema: {
          tags: ['frameworks'],
          summary: 'Ändra texter och titlar i en ramverksversion',
          description: 'expectedVersion: versionen när du läste ramverket; en annan aktuell version ger 409 med det aktuella ramverket (current).',
          params: z.object({ id: z.string().max(64) }),
          body: FrameworkSchema.extend({ expectedVersion: z.number().int().min(1) }),
        },
      },
      async (req) => {
        const { expectedVersion, ...framework } = req.body;
        return services.frameworks.updateFramework({ framework: { ...framework, id: req.params.id }, expectedVersion, viewer: req.viewer });
      },
    );
  };
