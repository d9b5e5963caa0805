import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import {
  AreaTextSchema,
  EVALUATION_STATUSES,
  EvaluationFactsSchema,
  EvaluationInputSchema,
} from '../../domain/evaluation.ts';
import { requireRole } from '../guards.ts';

const IdParams = z.object({ id: z.uuid('id ska vara ett UUID') });
const Version = z.number().int().min(1);

export const ListQuery = z.object({
  municipality: z.string().regex(/^\d{2,4}$/, 'kommunkod: 4 siffror').optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  framework: z.string().max(64).optional(),
  status: z.enum(EVALUATION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const ListItem = z.object({
  id: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  frameworkId: z.string(),
  year: z.number(),
  month: z.number().nullable(),
  reportDate: z.string().nullable(),
  status: z.enum(EVALUATION_STATUSES),
  total: z.number().nullable(),
  ordinal: z.number().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});

const editors = requireRole('admin', 'evaluator');

export const evaluationRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const ev = services.evaluations;

    app.get(
      '/api/evaluations',
      { schema: { tags: ['evaluations'], summary: 'Lista utvärderingar', querystring: ListQuery, response: { 200: z.object({ items: z.array(ListItem), count: z.number() }) } } },
      async (req) => {
        const { municipality, framework, ...rest } = req.query;
        return ev.listEvaluations({ viewer: req.viewer, filter: { ...rest, municipalityCode: municipality, frameworkId: framework } });
      },
    );

    app.post(
      '/api/evaluations',
      { preHandler: editors, schema: { tags: ['evaluations'], summary: 'Skapa en utvärdering', body: EvaluationInputSchema.omit({ sourceHash: true }) } },
      async (req, reply) => reply.status(201).send(await ev.createEvaluation({ input: req.body, viewer: req.viewer })),
    );

    app.get('/api/evaluations/:id', { schema: { tags: ['evaluations'], summary: 'En utvärdering med poäng och texter', params: IdParams } }, async (req) =>
      ev.getEvaluation({ id: req.params.id, viewer: req.viewer }),
    );

    app.get(
      '/api/evaluations/:id/summary',
      { schema: { tags: ['evaluations'], summary: 'Totalpoäng, områden, jämförelse med föregående och genomsnitt', params: IdParams } },
      async (req) => ev.getSummary({ id: req.params.id, viewer: req.viewer }),
    );

    app.patch(
      '/api/evaluations/:id',
      {
        preHandler: editors,
        schema: { tags: ['evaluations'], summary: 'Ändra fakta om utvärderingen', params: IdParams, body: EvaluationFactsSchema.partial().extend({ expectedVersion: Version }) },
      },
      async (req) => {
        const { expectedVersion, ...patch } = req.body;
        return ev.updateEvaluationFacts({ id: req.params.id, expectedVersion, patch, viewer: req.viewer });
      },
    );

    app.put(
      '/api/evaluations/:id/scores',
      {
        preHandler: editors,
        schema: {
          tags: ['evaluations'],
          summary: 'Sätt poäng per delområde (null = okänt)',
          params: IdParams,
          body: z.object({ expectedVersion: Version, scores: z.record(z.string().max(8), z.number().nullable()) }),
        },
      },
      async (req) => ev.setScores({ id: req.params.id, expectedVersion: req.body.expectedVersion, scores: req.body.scores, viewer: req.viewer }),
    );

    app.put(
      '/api/evaluations/:id/areas/:number',
      {
        preHandler: editors,
        schema: {
          tags: ['evaluations'],
          summary: 'Ändra ett områdes texter, styrkor och förbättringsmöjligheter',
          params: IdParams.extend({ number: z.coerce.number().int().min(1, 'område 1–8').max(8, 'område 1–8') }),
          body: AreaTextSchema.omit({ number: true }).partial().extend({ expectedVersion: Version }),
        },
      },
      async (req) => {
        const { expectedVersion, ...patch } = req.body;
        return ev.updateArea({ id: req.params.id, number: req.params.number, expectedVersion, patch, viewer: req.viewer });
      },
    );

    app.post(
      '/api/evaluations/:id/status',
      {
        preHandler: editors,
        schema: { tags: ['evaluations'], summary: 'Byt status (utkast, delad för granskning, publicerad)', params: IdParams, body: z.object({ expectedVersion: Version, status: z.enum(EVALUATION_STATUSES) }) },
      },
      async (req) => ev.changeStatus({ id: req.params.id, expectedVersion: req.body.expectedVersion, status: req.body.status, viewer: req.viewer }),
    );

    app.delete(
      '/api/evaluations/:id',
      { preHandler: editors, schema: { tags: ['evaluations'], summary: 'Ta bort ett utkast', params: IdParams, querystring: z.object({ expectedVersion: z.coerce.number().int().min(1) }) } },
      async (req, reply) => {
        await ev.deleteEvaluation({ id: req.params.id, expectedVersion: req.query.expectedVersion, viewer: req.viewer });
        return reply.status(204).send();
      },
    );
  };
