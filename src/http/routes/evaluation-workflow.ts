/** History, comments, assignments and corrections of an evaluation. The workflow service decides access. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../guards.ts';

const IdParams = z.object({ id: z.uuid('id ska vara ett UUID') });
const signedIn = requireRole('admin', 'evaluator', 'municipality');
const editors = requireRole('admin', 'evaluator');

export const evaluationWorkflowRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const wf = services.workflow;

    app.get(
      '/api/evaluations/:id/history',
      {
        preHandler: signedIn,
        schema: {
          tags: ['evaluations'],
          summary: 'Ändringshistorik: vem ändrade vad och när, före och efter (nyast först)',
          params: IdParams,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().min(1).optional() }),
        },
      },
      async (req) => ({ items: await wf.listHistory({ id: req.params.id, viewer: req.viewer, limit: req.query.limit, ...(req.query.before !== undefined ? { beforeId: req.query.before } : {}) }) }),
    );

    app.get('/api/evaluations/:id/comments', { preHandler: signedIn, schema: { tags: ['evaluations'], summary: 'Kommentarer', params: IdParams } }, async (req) => ({
      items: await wf.listComments({ id: req.params.id, viewer: req.viewer }),
    }));

    app.post(
      '/api/evaluations/:id/comments',
      {
        preHandler: signedIn,
        bodyLimit: 64 * 1024,
        schema: {
          tags: ['evaluations'],
          summary: 'Kommentera ett utkast (kommunen: när det är delat för granskning)',
          params: IdParams,
          body: z.object({ body: z.string().min(1).max(20_000), areaNumber: z.number().int().min(1).max(8).nullable().optional(), subareaId: z.string().regex(/^[1-8]\.[1-9]$/).nullable().optional() }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await wf.addComment({ id: req.params.id, viewer: req.viewer, body: req.body.body, areaNumber: req.body.areaNumber ?? null, subareaId: req.body.subareaId ?? null })),
    );

    app.get('/api/evaluations/:id/assignments', { preHandler: signedIn, schema: { tags: ['evaluations'], summary: 'Tilldelade utvärderare', params: IdParams } }, async (req) => ({
      items: await wf.listAssignments({ id: req.params.id, viewer: req.viewer }),
    }));

    app.put(
      '/api/evaluations/:id/assignments',
      {
        preHandler: editors,
        schema: {
          tags: ['evaluations'],
          summary: 'Bestäm vilka utvärderare som är tilldelade (huvudutvärderare eller administratör)',
          params: IdParams,
          body: z.object({ expectedVersion: z.number().int().min(1), assignments: z.array(z.object({ userId: z.uuid(), isLead: z.boolean().default(false) })).max(20) }),
        },
      },
      async (req) => ({ items: await wf.setAssignments({ id: req.params.id, expectedVersion: req.body.expectedVersion, list: req.body.assignments, viewer: req.viewer }) }),
    );

    app.post(
      '/api/evaluations/:id/corrections',
      { preHandler: editors, schema: { tags: ['evaluations'], summary: 'Rätta en publicerad utvärdering: nytt utkast som ersätter den när det publiceras', params: IdParams } },
      async (req, reply) => reply.status(201).send(await wf.createCorrection({ id: req.params.id, viewer: req.viewer })),
    );
  };
