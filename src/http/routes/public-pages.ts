/**
 * Files for search engines: `/sitemap.xml` (every public page: municipalities and published
 * evaluations) and `/robots.txt`. Not part of the API, so not in the OpenAPI document.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Services } from '../../services/index.ts';
import { PAGE_VIEWER } from '../../services/public-pages.service.ts';
import { robotsTxt, sitemapXml } from '../page-head.ts';

/** The origin public links are written with: the configured public URL, else the request's own. */
export function publicOrigin(config: Pick<Config, 'publicUrl'>, request: FastifyRequest): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}

export const publicPageRoutes = (services: Services, config: Pick<Config, 'publicUrl'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
      const entries = await services.publicPages.listSitemap({ viewer: PAGE_VIEWER });
      return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(sitemapXml(entries, publicOrigin(config, request)));
    });
    app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) =>
      reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(publicOrigin(config, request))),
    );
  };
