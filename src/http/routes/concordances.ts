import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConcordanceBody, ConcordanceListOut, ConcordanceOut, ConcordanceParams } from '../../contracts/concordances.ts';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../guards.ts';

export const concordanceRoutes = ({ concordances }: Pick<Services, 'concordances'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/concordances',
      { schema: { tags: ['frameworks'], summary: 'Konkordanser: vilka områden och delområden i en ramverksversion som motsvarar vilka i en annan', response: { 200: ConcordanceListOut } } },
      async (req) => ({ items: await concordances.listConcordances({ viewer: req.viewer }) }),
    );
    app.get(
      '/api/concordances/:from/:to',
      { schema: { tags: ['frameworks'], summary: 'Konkordansen från en version till en annan (404: ingen, då jämförs bara totalpoäng)', params: ConcordanceParams, response: { 200: ConcordanceOut } } },
      async (req) => concordances.getConcordance({ fromId: req.params.from, toId: req.params.to, viewer: req.viewer }),
    );
    app.put(
      '/api/concordances/:from/:to',
      {
        preHandler: requireRole('admin'),
        schema: {
          tags: ['frameworks'],
          summary: 'Skapa eller ersätt konkordansen mellan två versioner (administratör)',
          description: 'pairs ersätter alla par. expectedVersion: versionen du läste (409 om den är inaktuell); utelämnad skapas en ny konkordans.',
          params: ConcordanceParams,
          body: ConcordanceBody,
          response: { 200: ConcordanceOut },
        },
      },
      async (req) => concordances.saveConcordance({ fromId: req.params.from, toId: req.params.to, pairs: req.body.pairs, notes: req.body.notes, expectedVersion: req.body.expectedVersion, viewer: req.viewer }),
    );
  };
