/**
 * Charts drawn on the server for the public pages: a spec (src/charts/specs.ts) through the shared
 * ECharts definitions to SVG, in the worker pool (drawing takes tens of milliseconds, too long for the
 * event loop), with the last drawings kept in memory because every visitor of a page asks for the same.
 * Reads nothing from the database: it draws exactly the data it is given, for anyone.
 */
import { createHash } from 'node:crypto';
import type { ChartSvgReply, ChartSvgRequest } from '../contracts/charts.ts';
import type { Viewer } from '../domain/access.ts';
import type { TaskRunner } from '../workers/index.ts';

/** Drawings kept (each 5–20 kB of SVG). */
const CACHE_SIZE = 300;

export function createChartService(deps: { tasks: Pick<TaskRunner, 'renderChart'> }) {
  const cache = new Map<string, Promise<ChartSvgReply>>();
  return {
    /** The chart as SVG with its description in words. Anyone may ask (`viewer` only for the uniform signature). */
    async drawChart({ request }: { request: ChartSvgRequest; viewer: Viewer }): Promise<ChartSvgReply> {
      const key = createHash('sha256').update(JSON.stringify(request)).digest('base64url');
      const hit = cache.get(key);
      if (hit) {
        // Most recently used last.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const drawing = deps.tasks.renderChart(request);
      cache.set(key, drawing);
      drawing.catch(() => cache.delete(key));
      while (cache.size > CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return drawing;
    },
  };
}
