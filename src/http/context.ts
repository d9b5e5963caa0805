import type { FastifyRequest } from 'fastify';
import { SYSTEM, type Viewer } from '../domain/access.ts';

/**
 * Who is asking. Until accounts are in place every request acts with full access;
 * the accounts module replaces this resolver with the signed-in user.
 */
export type ViewerResolver = (request: FastifyRequest) => Viewer;

export const openAccessResolver: ViewerResolver = () => SYSTEM;

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
  }
}
