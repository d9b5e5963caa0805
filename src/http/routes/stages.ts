/** Stages of an evaluation and the worklist. The stage and worklist services decide access. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { IdParams, MoveStageBody, NotificationListOut, NotificationsReadBody, NotificationsReadOut, StageDetailsBody, StageOut, WorklistOut } from '../../contracts/stages.ts';

export const stageRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.stages;

    app.get(
      '/api/evaluations/:id/stage',
      { schema: { tags: ['conduct'], summary: 'Utvärderingens steg: vad som saknas före nästa, vem som ska agera, datum och tidsgränser', params: IdParams, response: { 200: StageOut } } },
      async (req) => s.getStage({ id: req.params.id, viewer: req.viewer }),
    );

    app.post(
      '/api/evaluations/:id/stage',
      { schema: { tags: ['conduct'], summary: 'Föra utvärderingen ett steg framåt (eller tillbaka)', params: IdParams, body: MoveStageBody, response: { 200: StageOut } } },
      async (req) => s.moveStage({ id: req.params.id, expectedVersion: req.body.expectedVersion, to: req.body.to, reason: req.body.reason ?? null, viewer: req.viewer }),
    );

    app.patch(
      '/api/evaluations/:id/stage',
      { schema: { tags: ['conduct'], summary: 'Datum, tidsgränser och anteckningar från återkopplingsmötet', params: IdParams, body: StageDetailsBody, response: { 200: StageOut } } },
      async (req) => {
        const { expectedVersion, ...patch } = req.body;
        return s.updateStageDetails({ id: req.params.id, expectedVersion, patch, viewer: req.viewer });
      },
    );

    app.get('/api/worklist', { schema: { tags: ['conduct'], summary: 'Det som väntar på den inloggade användaren', response: { 200: WorklistOut } } }, async (req) => services.worklist.getWorklist({ viewer: req.viewer }));

    app.get(
      '/api/me/notifications',
      { schema: { tags: ['conduct'], summary: 'Mina aviseringar i appen (nyast först) och hur många som är olästa', response: { 200: NotificationListOut } } },
      async (req) => services.notifications.listNotifications({ viewer: req.viewer }),
    );

    app.post(
      '/api/me/notifications/read',
      { schema: { tags: ['conduct'], summary: 'Markera mina aviseringar som lästa (de angivna, eller alla)', body: NotificationsReadBody, response: { 200: NotificationsReadOut } } },
      async (req) => services.notifications.markNotificationsRead({ ids: req.body.ids ?? null, viewer: req.viewer }),
    );
  };
