import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import {
  FrameworkAcceptSchema,
  FrameworkAdminListOut,
  FrameworkAdminOut,
  FrameworkListOut,
  FrameworkMergeOut,
  FrameworkMergeSchema,
  FrameworkOut,
  FrameworkParams,
  FrameworkRenameSchema,
  FrameworkSchema,
  FrameworkTitlesOut,
  FrameworkTitlesParams,
  FrameworkUpdateSchema,
} from '../../contracts/frameworks.ts';
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
          description: 'Fält som inte skickas behåller sina värden; areas ersätter, när det skickas, alla områden. expectedVersion: versionen när du läste ramverket; en annan aktuell version ger 409 med det aktuella ramverket (current).',
          params: FrameworkParams,
          body: FrameworkUpdateSchema,
          response: { 200: FrameworkOut },
        },
      },
      async (req) => {
        const { expectedVersion, ...framework } = req.body;
        return services.frameworks.updateFramework({ framework: { ...framework, id: req.params.id }, expectedVersion, viewer: req.viewer });
      },
    );
    app.get(
      '/api/framework-titles/:lang',
      {
        schema: {
          tags: ['frameworks'],
          summary: 'Områdens och delområdens titlar i ett språk (inofficiella översättningar), per ramverksversion',
          params: FrameworkTitlesParams,
          response: { 200: FrameworkTitlesOut },
        },
      },
      async (req) => ({ lang: req.params.lang, frameworks: await services.frameworks.listTitleTranslations({ lang: req.params.lang }) }),
    );
    app.get(
      '/api/admin/frameworks',
      { preHandler: requireRole('admin'), schema: { tags: ['frameworks'], summary: 'Ramverksadministration: alla versioner med antal utvärderingar', response: { 200: FrameworkAdminListOut } } },
      async (req) => ({
        items: (await services.frameworks.listFrameworkAdministration({ viewer: req.viewer })).map((f) => ({
          id: f.id,
          name: f.name,
          year: f.year,
          origin: f.origin,
          needsReview: f.needsReview,
          version: f.version,
          areaCount: f.areas.length,
          subareaCount: f.subareaCount,
          evaluationCount: f.evaluationCount,
          publishedCount: f.publishedCount,
        })),
      }),
    );
    app.get(
      '/api/admin/frameworks/:id',
      { preHandler: requireRole('admin'), schema: { tags: ['frameworks'], summary: 'Ramverksadministration: en version med utvärderingarna som använder den', params: FrameworkParams, response: { 200: FrameworkAdminOut } } },
      async (req) => services.frameworks.getFrameworkAdministration({ id: req.params.id, viewer: req.viewer }),
    );
    app.post(
      '/api/frameworks/:id/accept',
      { preHandler: requireRole('admin'), schema: { tags: ['frameworks'], summary: 'Godkänn en variant härledd ur en import som egen version', params: FrameworkParams, body: FrameworkAcceptSchema, response: { 200: FrameworkOut } } },
      async (req) => services.frameworks.acceptFrameworkVariant({ id: req.params.id, expectedVersion: req.body.expectedVersion, viewer: req.viewer }),
    );
    app.post(
      '/api/frameworks/:id/rename',
      { preHandler: requireRole('admin'), schema: { tags: ['frameworks'], summary: 'Byt namn (och år) på en ramverksversion; id:t består', params: FrameworkParams, body: FrameworkRenameSchema, response: { 200: FrameworkOut } } },
      async (req) => services.frameworks.renameFramework({ id: req.params.id, name: req.body.name, year: req.body.year, expectedVersion: req.body.expectedVersion, viewer: req.viewer }),
    );
    app.post(
      '/api/frameworks/:id/merge',
      {
        preHandler: requireRole('admin'),
        schema: {
          tags: ['frameworks'],
          summary: 'Slå ihop en härledd variant med en känd version',
          description: 'Variantens utvärderingar flyttas till versionen `into` och varianten tas bort. Vägras (422, inget ändras) när en utvärdering använder ett delområde som saknas i versionen eller har poäng över dess max; `evaluations` namnger utvärderingarna.',
          params: FrameworkParams,
          body: FrameworkMergeSchema,
          response: { 200: FrameworkMergeOut },
        },
      },
      async (req) => services.frameworks.mergeFrameworkVariant({ id: req.params.id, into: req.body.into, expectedVersion: req.body.expectedVersion, viewer: req.viewer }),
    );
  };
