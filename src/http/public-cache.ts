/**
 * Anonymous answers of the public read routes (lists, summaries, municipalities, comparisons), kept as
 * the bytes that were sent and valid for one data revision (src/db/changes.ts: every committed
 * transaction in any instance bumps it; other instances learn of it through NOTIFY). The public at
 * national scale asks the same few pages over and over; an answer that is the same for every anonymous
 * visitor until the data changes is built and serialised once per revision instead of per request.
 *
 * A route takes part with `config: { publicCache: true }`. Only GETs without a viewer (public), without
 * `If-None-Match` (conditional requests take the route's own path) and answered 200 are kept; an answer
 * built while the data changed is not kept. Bounded by entries and bytes (`RevisionMemo`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RevisionMemo, type ChangeFeed } from '../db/changes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The anonymous 200 answer of this GET may be kept until the data changes (src/http/public-cache.ts). */
    publicCache?: boolean;
  }
}

export interface PublicCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

interface Entry {
  headers: Record<string, string>;
  /** UTF-8 bytes: sent as they are, without encoding the text again for every request. */
  body: Buffer;
}

/** Headers a route sets that belong to the answer (security headers are added again by their own hooks). */
const KEPT_HEADERS = ['content-type', 'cache-control', 'etag', 'vary', 'content-language', 'last-modified'];

const MISS = Symbol('publicCacheMiss');
type Tagged = FastifyRequest & { [MISS]?: { key: string; revision: number } };

export function registerPublicCache(app: FastifyInstance, feed: ChangeFeed, limits: PublicCacheLimits = { maxEntries: 2000, maxBytes: 8 * 1024 * 1024 }): void {
  const answers = new RevisionMemo<Entry>(feed, limits.maxEntries, { sizeOf: (e) => e.body.byteLength, maxSize: limits.maxBytes });
  const eligible = (request: FastifyRequest): boolean =>
    request.method === 'GET' && request.routeOptions.config.publicCache === true && request.viewer.role === 'public' && request.headers['if-none-match'] === undefined;

  app.addHook('preHandler', async (request: Tagged, reply: FastifyReply) => {
    if (!eligible(request)) return;
    const key = `${request.url}\n${request.headers['accept-language'] ?? ''}`;
    const hit = answers.get(key);
    if (!hit) {
      request[MISS] = { key, revision: answers.revision };
      return;
    }
    return reply.headers(hit.headers).send(hit.body);
  });

  app.addHook('onSend', async (request: Tagged, reply, payload) => {
    const miss = request[MISS];
    if (!miss || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const body = Buffer.from(payload);
    // Not kept when the data changed while the answer was built (it may already be out of date).
    answers.set(miss.key, { headers, body }, miss.revision);
    return body;
  });
}
