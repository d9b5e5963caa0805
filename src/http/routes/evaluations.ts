import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import {
  AreaParams,
  AreaPatchBody,
  DeleteQuery,
  EvaluationCreateBody,
  EvaluationCreatedOut,
  EvaluationFactsPatchBody,
  EvaluationListOut,
  EvaluationListQuery,
  EvaluationOut,
  EvaluationParams,
  SameYearListOut,
  SameYearQuery,
  ScoresBody,
  StatusBody,
} from '../../contracts/evaluations.ts';
import { requireRole } from '../guards.ts';

const IdParams = EvaluationParams;

const editors = requireRole('admin', 'evaluator');

export const evaluationRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const ev = services.evaluations;

    app.get(
      '/api/evaluations',
      { config: { publicCache: true }, schema: { tags: ['evaluations'], summary: 'Lista utvärderingar', querystring: EvaluationListQuery, response: { 200: EvaluationListOut } } },
      async (req) => {
        const { municipality, framework, ...rest } = req.query;
        return ev.listEvaluations({ viewer: req.viewer, filter: { ...rest, municipalityCode: municipality, frameworkId: framework } });
      },
    );

    app.post(
      '/api/evaluations',
      { preHandler: editors, schema: { tags: ['evaluations'], summary: 'Skapa en utvärdering (warnings nämner andra utvärderingar av kommunen samma år)', body: EvaluationCreateBody, response: { 201: EvaluationCreatedOut } } },
      async (req, reply) => reply.status(201).send(await ev.createEvaluation({ input: req.body, viewer: req.viewer })),
    );

    app.get(
      '/api/evaluations/same-year',
      { preHandler: editors, schema: { tags: ['evaluations'], summary: 'Andra utvärderingar av kommunen samma år (varning innan en ny skapas)', querystring: SameYearQuery, response: { 200: SameYearListOut } } },
      async (req) => ({ items: await ev.findSameYear({ municipalityCode: req.query.municipality, year: req.query.year, viewer: req.viewer }) }),
    );

    app.get('/api/evaluations/:id', { config: { publicCache: true }, schema: { tags: ['evaluations'], summary: 'En utvärdering med poäng och texter', params: IdParams, response: { 200: EvaluationOut } } }, async (req) =>
      ev.getEvaluation({ id: req.params.id, viewer: req.viewer }),
    );

    app.get(
      '/api/evaluations/:id/summary',
      { config: { publicCache: true }, schema: { tags: ['evaluations'], summary: 'Totalpoäng, områden, jämförelse med föregående och genomsnitt', params: IdParams } },
      async (req) => ev.getSummary({ id: req.params.id, viewer: req.viewer }),
    );

    app.patch(
      '/api/evaluations/:id',
      {
        preHandler: editors,
        schema: {
          tags: ['evaluations'],
          summary: 'Ändra fakta om utvärderingen (bara fälten som skickas ändras)',
          description: 'Fält som inte skickas behåller sina värden; null tömmer ett fält som får vara tomt. Perioden får inte sluta innan den börjar.',
          params: IdParams,
          body: EvaluationFactsPatchBody,
          response: { 200: EvaluationOut },
        },
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
          description: 'Delområden som inte skickas behåller sina poäng.',
          body: ScoresBody,
          response: { 200: EvaluationOut },
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
          summary: 'Ändra ett områdes texter, styrkor och förbättringsmöjligheter (bara fälten som skickas ändras)',
          description: 'Sammanfogning: fälten som skickas ersätter de sparade (en lista ersätts i sin helhet), övriga behåller sina värden.',
          params: AreaParams,
          body: AreaPatchBody,
          response: { 200: EvaluationOut },
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
        schema: { tags: ['evaluations'], summary: 'Byt status (utkast, delad för granskning, publicerad)', params: IdParams, body: StatusBody, response: { 200: EvaluationOut } },
      },
      async (req) => ev.changeStatus({ id: req.params.id, expectedVersion: req.body.expectedVersion, status: req.body.status, viewer: req.viewer }),
    );

    app.delete(
      '/api/evaluations/:id',
      { preHandler: editors, schema: { tags: ['evaluations'], summary: 'Ta bort ett utkast', params: IdParams, querystring: DeleteQuery } },
      async (req, reply) => {
        await ev.deleteEvaluation({ id: req.params.id, expectedVersion: req.query.expectedVersion, viewer: req.viewer });
        return reply.status(204).send();
      },
    );
  };
