/**
 * Every API route plugin, in registration order. A capability adds its routes with one line here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Services } from '../../services/index.ts';
import { healthRoutes } from './health.ts';
import { frameworkRoutes } from './frameworks.ts';
import { municipalityRoutes } from './municipalities.ts';
import { evaluationRoutes } from './evaluations.ts';
import { authRoutes } from './auth.ts';
import { userRoutes } from './users.ts';
import { evaluationWorkflowRoutes } from './evaluation-workflow.ts';
import { reportRoutes } from './reports.ts';
import { importRoutes } from './imports.ts';
import { goodExampleRoutes } from './good-examples.ts';
import { followUpRoutes } from './follow-up.ts';
import { independentScoreRoutes } from './independent-scores.ts';
import { publicPageRoutes } from './public-pages.ts';
import { benchmarkRoutes } from './benchmarks.ts';
import { concordanceRoutes } from './concordances.ts';
import { openDataRoutes } from './open-data.ts';
import { stageRoutes } from './stages.ts';
import { conductRoutes } from './conduct.ts';
import { chartRoutes } from './charts.ts';

export interface RouteContext {
  services: Services;
  database: Database;
  config: Pick<Config, 'dataDir' | 'publicUrl' | 'auth'>;
}

// Route plugins are typed with the zod provider; Fastify accepts them as plain async plugins.
type Factory = (ctx: RouteContext) => FastifyPluginAsync;

export const ROUTES: Factory[] = [
  (c) => healthRoutes(c.database) as FastifyPluginAsync,
  (c) => frameworkRoutes(c.services) as FastifyPluginAsync,
  (c) => municipalityRoutes(c.services) as FastifyPluginAsync,
  (c) => evaluationRoutes(c.services) as FastifyPluginAsync,
  (c) => authRoutes(c.services, c.config) as FastifyPluginAsync,
  (c) => userRoutes(c.services, c.config) as FastifyPluginAsync,
  (c) => evaluationWorkflowRoutes(c.services) as FastifyPluginAsync,
  (c) => reportRoutes(c.services) as FastifyPluginAsync,
  (c) => importRoutes(c.services) as FastifyPluginAsync,
  (c) => goodExampleRoutes(c.services) as FastifyPluginAsync,
  (c) => followUpRoutes(c.services) as FastifyPluginAsync,
  (c) => independentScoreRoutes(c.services) as FastifyPluginAsync,
  (c) => benchmarkRoutes(c.services) as FastifyPluginAsync,
  (c) => concordanceRoutes(c.services) as FastifyPluginAsync,
  (c) => openDataRoutes(c.services) as FastifyPluginAsync,
  (c) => stageRoutes(c.services) as FastifyPluginAsync,
  (c) => conductRoutes(c.services) as FastifyPluginAsync,
  (c) => chartRoutes(c.services) as FastifyPluginAsync,
  (c) => publicPageRoutes(c.services, c.config) as FastifyPluginAsync,
];
