/**
 * The server under test of bench/scale.ts, in its own process (run with --expose-gc): the app on the
 * database named by the environment (KOMPASS_DATA_DIR or DATABASE_URL), plus bench-only routes: an
 * empty route (the baseline), and the event-loop delay (perf_hooks.monitorEventLoopDelay, 1 ms
 * resolution) and memory of this process since the last reset. Prints the port on stdout.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { openRuntime } from '../src/runtime.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', PORT: '0' });
const runtime = await openRuntime(config);
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
const app = await buildApp({
  config,
  database: runtime.database,
  services: runtime.services,
  logger: false,
  plugins: [
    async (a) => {
      a.get('/bench/empty', async () => ({ ok: true }));
      a.get('/bench/stats', async () => {
        gc();
        const m = process.memoryUsage();
        return {
          eld: { max: ms(delay.max), p99: ms(delay.percentile(99)), p50: ms(delay.percentile(50)) },
          rssMb: m.rss / 2 ** 20,
          heapMb: m.heapUsed / 2 ** 20,
          heapTotalMb: m.heapTotal / 2 ** 20,
          externalMb: m.external / 2 ** 20,
          // Typed arrays' contents (the score index's values) live outside the heap.
          arrayBuffersMb: m.arrayBuffers / 2 ** 20,
          index: runtime.services.evaluations.scoreIndexStats(),
        };
      });
      a.post('/bench/reset', async () => {
        delay.reset();
        return { ok: true };
      });
    },
  ],
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
const stop = async (): Promise<void> => {
  await app.close();
  await runtime.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
