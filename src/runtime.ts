/**
 * Start-up: open the database (migrations applied), wire services, load reference data,
 * optionally seed demo data, and serve HTTP. Used by the CLI, tests and benchmarks.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database, type DatabaseTarget } from './db/client.ts';
import { buildApp } from './http/app.ts';
import { createServices, type Services } from './services/index.ts';
import { seedDemoData } from './services/demo.service.ts';

export interface Runtime {
  config: Config;
  database: Database;
  services: Services;
  close(): Promise<void>;
}

export function databaseTarget(config: Config): DatabaseTarget {
  return config.database.kind === 'postgres' ? config.database : { kind: 'pglite', dir: config.database.dir };
}

export async function openRuntime(config: Config, target: DatabaseTarget = databaseTarget(config)): Promise<Runtime> {
  const database = await openDatabase(target);
  const services = createServices(database.db, { auth: { sessionHours: config.auth.sessionHours }, workers: config.workers, mail: { ...config.mail, publicUrl: config.publicUrl }, filesDir: path.join(config.dataDir, 'files') });
  await services.ensureReferenceData();
  return {
    config,
    database,
    services,
    close: async () => {
      await services.notifications.stop();
      await services.tasks.close();
      await database.close();
    },
  };
}

export async function startServer(runtime: Runtime, opts: { demo: boolean; logger?: boolean }): Promise<FastifyInstance> {
  if (opts.demo) await seedDemoData(runtime.services);
  const app = await buildApp({ config: runtime.config, database: runtime.database, services: runtime.services, logger: opts.logger ?? true });
  await app.listen({ port: runtime.config.port, host: runtime.config.host });
  // Sends queued e-mail (retries, and what other instances left) while the server runs.
  runtime.services.notifications.start();
  return app;
}
