/**
 * The Fastify application: schemas (zod), OpenAPI at /api/docs, problem+json errors,
 * API routes, and the built web app with SPA fallback.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Services } from '../services/index.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { sessionResolver, type ViewerResolver } from './context.ts';
import { registerCookies, registerSecurity } from './security.ts';
import { ROUTES } from './routes/registry.ts';
import { guardsBeforeBody } from './guards.ts';
import { anonymousBodyLimit } from './limits.ts';
import { PUBLIC } from '../domain/access.ts';
import { PAGE_VIEWER } from '../services/public-pages.service.ts';
import { injectHead } from './page-head.ts';
import { createPreloadHints, embeddedData } from './preload.ts';
import { publicOrigin } from './routes/public-pages.ts';
import { registerPublicCache } from './public-cache.ts';
import { changeFeedFor } from '../db/changes.ts';

export interface AppOptions {
  config: Pick<Config, 'logLevel' | 'webDist' | 'trustProxy' | 'dataDir' | 'publicUrl' | 'auth'>;
  database: Database;
  services: Services;
  /** Resolves the viewer of a request; defaults to the signed-in user of the session cookie (anonymous = public). */
  resolveViewer?: ViewerResolver;
  /** Extra plugins registered after the API routes (tests, benchmarks). */
  plugins?: FastifyPluginAsync[];
  logger?: boolean;
}

const trustHops = (hops: number) => (_address: string, hop: number): boolean => hop < hops;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    // A hop count n trusts the n nearest proxies (what Fastify does with a number; its types take a function).
    trustProxy: typeof opts.config.trustProxy === 'number' ? trustHops(opts.config.trustProxy) : opts.config.trustProxy,
    // Errors the router answers before any route (bad URL encoding, over-long path parameter) are problems too.
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const detail = status === 414 ? 'En del av adressen är för lång.' : 'Adressen innehåller en felaktig teckenkodning.';
      return sendProblem(reply, request, status, detail, { code: error.code });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await registerCookies(app);
  const resolveViewer = opts.resolveViewer ?? sessionResolver(opts.services.auth);
  app.decorateRequest('viewer', { getter: () => PUBLIC });
  app.decorateRequest('authSession', null);
  app.addHook('onRequest', async (request) => {
    Object.defineProperty(request, 'viewer', { value: await resolveViewer(request), writable: true, configurable: true });
  });
  await registerSecurity(app, opts.config);
  // Cheap refusals before any body is read: role guards run at onRequest, anonymous bodies are small.
  app.addHook('onRoute', guardsBeforeBody);
  app.addHook('preParsing', anonymousBodyLimit);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'kompass API', description: 'Kommunkompassen: utvärderingar, ramverk, kommuner. Fel returneras som application/problem+json.', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerPublicCache(app, changeFeedFor(opts.database.db));
  const ctx = { services: opts.services, database: opts.database, config: opts.config };

  for (const route of ROUTES) await app.register(route(ctx));
  for (const plugin of opts.plugins ?? []) await app.register(plugin);

  const webDist = opts.config.webDist;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // index.html is not served as a file: every page gets it with its own head (title, description, canonical).
    // Scripts and styles go out as the Brotli or gzip copy the build wrote beside them (web/vite.config.ts).
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false, preCompressed: true, allowedPath: (p) => p !== '/index.html' });
  }
  const indexHtml = hasWeb ? fs.readFileSync(path.join(webDist, 'index.html'), 'utf8') : '';
  const preload = createPreloadHints(webDist, indexHtml);
  /**
   * The API answers a page shows first, asked of this app as the browser would ask (same cookies, so the
   * same viewer and the same policies; same serialisation), kept as the JSON text sent. Only successful
   * answers are embedded: for anything else the page asks itself and shows the error.
   */
  const pageReplies = async (request: FastifyRequest, paths: string[]): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    const cookie = request.headers.cookie;
    await Promise.all(
      paths.map(async (p) => {
        const res = await app.inject({ method: 'GET', url: p, headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) } });
        if (res.statusCode === 200) out[p] = res.body;
      }),
    );
    return out;
  };
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !url.startsWith('/api/') && hasWeb) {
      const [meta, replies] = await Promise.all([opts.services.publicPages.getPageMeta({ pathname: url, viewer: PAGE_VIEWER }), pageReplies(request, preload.dataPaths(url))]);
      const extra = [preload.hints(url), embeddedData(replies)].filter(Boolean).join('\n    ');
      return reply
        .type('text/html; charset=utf-8')
        // With data the viewer may see (a draft for its team), the page is this viewer's only.
        .header('cache-control', Object.keys(replies).length > 0 ? 'private, no-cache' : 'no-cache')
        .send(injectHead(indexHtml, meta, publicOrigin(opts.config, request), extra));
    }
    return sendProblem(reply, request, 404, url.startsWith('/api/') ? `Det finns ingen resurs ${request.method} ${url}.` : 'Sidan finns inte. Webbappen är inte byggd (kör npm run build:web).', { code: 'not_found' });
  });
  return app;
}
