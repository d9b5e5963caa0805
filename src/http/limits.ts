/**
 * Limits that cost nothing to check, applied before a body is parsed. Signed-in users may send up to
 * the route's body limit (2 MB by default); an anonymous client only what signing in or setting a
 * password needs, so a stranger cannot make the server read and parse large bodies.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';

/** Largest body, in bytes, an anonymous request may send. */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;

function tooLarge(): Error & { statusCode: number; code: string } {
  return Object.assign(new Error('Begäran är för stor för en anonym klient; logga in först.'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
}

/** preParsing hook: refuses an anonymous body over the limit, by its declared length or while it streams. */
export async function anonymousBodyLimit(request: FastifyRequest, _reply: FastifyReply, payload: RequestPayload): Promise<RequestPayload> {
  if (request.viewer.role !== 'public') return payload;
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > ANONYMOUS_BODY_LIMIT) throw tooLarge();
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > ANONYMOUS_BODY_LIMIT) done(tooLarge());
      else done(null, chunk);
    },
  });
  payload.on('error', (err) => counted.destroy(err));
  return payload.pipe(counted);
}
