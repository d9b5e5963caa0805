/**
 * Every API route plugin, in registration order. A capability adds its routes with one line here.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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

type Factory = (ctx: RouteContext) => FastifyPluginAsyncZod;

export const ROUTES: Factory[] = [
  (c) => healthRoutes(c.database),
  (c) => frameworkRoutes(c.services),
  (c) => municipalityRoutes(c.services),
  (c) => evaluationRoutes(c.services),
  (c) => authRoutes(c.services, c.config),
  (c) => userRoutes(c.services, c.config),
  (c) => evaluationWorkflowRoutes(c.services),
  (c) => reportRoutes(c.services),
  (c) => importRoutes(c.services),
  (c) => goodExampleRoutes(c.services),
  (c) => followUpRoutes(c.services),
  (c) => independentScoreRoutes(c.services),
  (c) => benchmarkRoutes(c.services),
  (c) => concordanceRoutes(c.services),
  (c) => openDataRoutes(c.services),
  (c) => stageRoutes(c.services),
  (c) => conductRoutes(c.services),
  (c) => chartRoutes(c.services),
  (c) => publicPageRoutes(c.services, c.config),
];
