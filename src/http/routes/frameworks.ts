import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { FrameworkListOut, FrameworkOut, FrameworkParams, FrameworkSchema, FrameworkUpdateSchema } from '../../contracts/frameworks.ts';
import { requireRole } from '../guards.ts';

export const frameworkRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/frameworks',
      {
        schema: {
          tags: ['frameworks'],
          summary: 'Ramverksversioner',
          response: { 200: FrameworkListOut },
        },
      },
      async () => ({
        items: (await services.frameworks.listFrameworks()).map((f) => ({ id: f.id, name: f.name, year: f.year, origin: f.origin, needsReview: f.needsReview, areaCount: f.areas.length })),
      }),
    );
    app.get(
      '/api/frameworks/:id',
      { schema: { tags: ['frameworks'], summary: 'En ramverksversion med områden och delområden', params: FrameworkParams, response: { 200: FrameworkOut } } },
      async (req) => services.frameworks.getFramework({ id: req.params.id }),
    );
    app.post(
      '/api/frameworks',
      { preHandler: requireRole('admin'), schema: { tags: ['frameworks'], summary: 'Lägg till en ramverksversion (data)', body: FrameworkSchema, response: { 201: FrameworkOut } } },
      async (req, reply) => reply.status(201).send(await services.frameworks.createFramework({ framework: req.body, viewer: req.viewer })),
    );
    app.put(
      '/api/frameworks/:id',
      {
        preHandler: requireRole('admin'),
        schema: {
          tags: ['frameworks'],
          summary: 'Ändra texter och titlar i en ramverksversion (bara fälten som skickas ändras)',
          description: 'Fält som inte skickas behåller sina värden; areas ersätter, när det skickas, alla områden.',
          params: FrameworkParams,
          body: FrameworkUpdateSchema,
          response: { 200: FrameworkOut },
        },
      },
      async (req) => services.frameworks.updateFramework({ framework: { ...req.body, id: req.params.id }, viewer: req.viewer }),
    );
  };
