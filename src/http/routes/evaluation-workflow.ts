/** History, comments, assignments and corrections of an evaluation. The workflow service decides access. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { EvaluationOut } from '../../contracts/evaluations.ts';
import { AssignmentListOut, AssignmentsBody, CommentBody, CommentListOut, CommentOut, CommentParams, HistoryListOut, HistoryQuery, IdParams, ResolveBody } from '../../contracts/workflow.ts';
import { requireRole } from '../guards.ts';

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
          querystring: HistoryQuery,
          response: { 200: HistoryListOut },
        },
      },
      async (req) => ({ items: await wf.listHistory({ id: req.params.id, viewer: req.viewer, limit: req.query.limit, ...(req.query.before !== undefined ? { beforeId: req.query.before } : {}) }) }),
    );

    app.get('/api/evaluations/:id/comments', { preHandler: signedIn, schema: { tags: ['evaluations'], summary: 'Kommentarer', params: IdParams, response: { 200: CommentListOut } } }, async (req) => ({
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
          body: CommentBody,
          response: { 201: CommentOut },
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await wf.addComment({
            id: req.params.id,
            viewer: req.viewer,
            body: req.body.body,
            areaNumber: req.body.areaNumber ?? null,
            subareaId: req.body.subareaId ?? null,
            parentId: req.body.parentId ?? null,
            internal: req.body.internal ?? false,
            item: req.body.item ?? null,
          }),
        ),
    );

    app.post(
      '/api/evaluations/:id/comments/:commentId/resolution',
      {
        preHandler: signedIn,
        schema: { tags: ['evaluations'], summary: 'Markera en kommentarstråd som löst (eller öppna den igen)', params: CommentParams, body: ResolveBody, response: { 200: CommentOut } },
      },
      async (req) => wf.resolveThread({ id: req.params.id, commentId: req.params.commentId, resolved: req.body.resolved, viewer: req.viewer }),
    );

    app.get('/api/evaluations/:id/assignments', { preHandler: signedIn, schema: { tags: ['evaluations'], summary: 'Tilldelade utvärderare', params: IdParams, response: { 200: AssignmentListOut } } }, async (req) => ({
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
          body: AssignmentsBody,
          response: { 200: AssignmentListOut },
        },
      },
      async (req) => ({ items: await wf.setAssignments({ id: req.params.id, expectedVersion: req.body.expectedVersion, list: req.body.assignments, viewer: req.viewer }) }),
    );

    app.post(
      '/api/evaluations/:id/corrections',
      { preHandler: editors, schema: { tags: ['evaluations'], summary: 'Rätta en publicerad utvärdering: nytt utkast som ersätter den när det publiceras', params: IdParams, response: { 201: EvaluationOut } } },
      async (req, reply) => reply.status(201).send(await wf.createCorrection({ id: req.params.id, viewer: req.viewer })),
    );
  };
