/** User administration (administrators). The services check the role again. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { CreateUserBody, IdParams, PublicUserOut, ResetLinkOut, UpdateUserBody, UserHistoryOut, UserListOut } from '../../contracts/users.ts';
import { requireRole } from '../guards.ts';
import { ownOrigin, type SecurityConfig } from '../security.ts';

const admins = requireRole('admin');

export const userRoutes = (services: Services, config: SecurityConfig): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/users', { preHandler: admins, schema: { tags: ['users'], summary: 'Alla användare', response: { 200: UserListOut } } }, async (req) => ({
      items: await services.users.listUsers({ viewer: req.viewer }),
    }));

    app.post(
      '/api/users',
      {
        preHandler: admins,
        schema: {
          tags: ['users'],
          summary: 'Skapa en användare (lösenord valfritt: annars en engångslänk eller inloggning via identitetstjänst)',
          body: CreateUserBody,
          response: { 201: PublicUserOut },
        },
      },
      async (req, reply) => reply.status(201).send(await services.users.createUser({ input: req.body, viewer: req.viewer })),
    );

    app.get('/api/users/:id', { preHandler: admins, schema: { tags: ['users'], summary: 'En användare', params: IdParams, response: { 200: PublicUserOut } } }, async (req) =>
      services.users.getUser({ id: req.params.id, viewer: req.viewer }),
    );

    app.patch(
      '/api/users/:id',
      {
        preHandler: admins,
        schema: {
          tags: ['users'],
          summary: 'Ändra namn, roll, kommun eller spärra en användare (bara fälten som skickas ändras)',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: PublicUserOut },
        },
      },
      async (req) => services.users.updateUser({ id: req.params.id, patch: req.body, viewer: req.viewer }),
    );

    app.post(
      '/api/users/:id/password-reset',
      {
        preHandler: admins,
        schema: { tags: ['users'], summary: 'Skapa en engångslänk (24 timmar) för att välja nytt lösenord', params: IdParams, response: { 201: ResetLinkOut } },
      },
      async (req, reply) => {
        const r = await services.users.issuePasswordReset({ id: req.params.id, viewer: req.viewer, baseUrl: ownOrigin(req, config) });
        return reply.status(201).send({ url: r.url, expiresAt: r.expiresAt });
      },
    );

    app.get(
      '/api/users/:id/history',
      { preHandler: admins, schema: { tags: ['users'], summary: 'Ändringshistorik för en användare', params: IdParams, response: { 200: UserHistoryOut } } },
      async (req) => {
        await services.users.getUser({ id: req.params.id, viewer: req.viewer });
        return { items: await services.audit.listEntries({ entity: 'user', entityId: req.params.id }) };
      },
    );
  };
