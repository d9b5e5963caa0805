/**
 * The HTTP app over a fresh test database, optionally with demo data.
 */
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type AppOptions } from '../../src/http/app.ts';
import { seedDemoData } from '../../src/services/demo.service.ts';
import { createTestServices, type TestContext } from './db.ts';

export interface TestApp extends TestContext {
  app: FastifyInstance;
}

export async function createTestApp(opts: { demo?: boolean } & Partial<Pick<AppOptions, 'resolveViewer'>> = {}): Promise<TestApp> {
  const ctx = await createTestServices();
  if (opts.demo) await seedDemoData(ctx.services);
  const config = loadConfig({ LOG_LEVEL: 'silent', KOMPASS_DATA_DIR: '.tmp/test-data' });
  const app = await buildApp({ config, database: ctx.database, services: ctx.services, logger: false, ...(opts.resolveViewer ? { resolveViewer: opts.resolveViewer } : {}) });
  await app.ready();
  return {
    ...ctx,
    app,
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
}
