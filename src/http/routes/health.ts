import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.ts';
import { HealthOut } from '../../contracts/health.ts';

export const healthRoutes = (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Databasen är redo',
          response: { 200: HealthOut },
        },
      },
      async () => {
        await database.ping();
        return { status: 'ok' as const, database: database.kind };
      },
    );
  };
