/** User administration (administrators). The services check the role again. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { ACCOUNT_ROLES } from '../../domain/access.ts';
import { requireRole } from '../guards.ts';
import { ownOrigin, type SecurityConfig } from '../security.ts';

const IdParams = z.object({ id: z.uuid('id ska vara ett UUID') });
const Code = z.string().regex(/^\d{2,4}$/, 'kommunkod: 4 siffror');
const PublicUserOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  municipalityCode: z.string().nullable(),
  disabled: z.boolean(),
  sso: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});

const admins = requireRole('admin');

export const userRoutes = (services: Services, config: SecurityConfig): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/users', { preHandler: admins, schema: { tags: ['users'], summary: 'Alla användare', response: { 200: z.object({ items: z.array(PublicUserOut) }) } } }, async (req) => ({
      items: await services.users.listUsers({ viewer: req.viewer }),
    }));

    app.post(
      '/api/users',
      {
        preHandler: admins,
        schema: {
          tags: ['users'],
          summary: 'Skapa en användare (lösenord valfritt: annars en engångslänk eller inloggning via identitetstjänst)',
          body: z.object({ email: z.string().max(320), name: z.string().min(1).max(200), role: z.enum(ACCOUNT_ROLES), municipalityCode: Code.nullable().optional(), password: z.string().max(1000).optional() }),
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
          summary: 'Ändra namn, roll, kommun eller spärra en användare',
          params: IdParams,
          description: 'expectedVersion: användarens version när du läste den; en annan aktuell version ger 409 med den aktuella användaren (current).',
          body: z.object({
            expectedVersion: z.number().int().min(1),
            name: z.string().min(1).max(200).optional(),
            role: z.enum(ACCOUNT_ROLES).optional(),
            municipalityCode: Code.nullable().optional(),
            disabled: z.boolean().optional(),
          }),
          response: { 200: PublicUserOut },
        },
      },
      async (req) => {
        const { expectedVersion, ...patch } = req.body;
        return services.users.updateUser({ id: req.params.id, expectedVersion, patch, viewer: req.viewer });
      },
    );

    app.post(
      '/api/users/:id/password-reset',
      {
        preHandler: admins,
        schema: { tags: ['users'], summary: 'Skapa en engångslänk (24 timmar) för att välja nytt lösenord', params: IdParams, response: { 201: z.object({ url: z.string(), expiresAt: z.string() }) } },
      },
      async (req, reply) => {
        const r = await services.users.issuePasswordReset({ id: req.params.id, viewer: req.viewer, baseUrl: ownOrigin(req, config) });
        return reply.status(201).send({ url: r.url, expiresAt: r.expiresAt });
      },
    );

    app.get(
      '/api/users/:id/history',
      { preHandler: admins, schema: { tags: ['users'], summary: 'Ändringshistorik för en användare', params: IdParams } },
      async (req) => {
        await services.users.getUser({ id: req.params.id, viewer: req.viewer });
        return { items: await services.audit.listEntries({ entity: 'user', entityId: req.params.id }) };
      },
    );
  };
