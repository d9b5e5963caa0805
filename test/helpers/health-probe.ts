/** Measures how the server answers /api/health while something else runs (a real listening server). */
import assert from 'node:assert/strict';

/** Polls /api/health one request at a time while `work` runs; returns its result and the slowest health answer. */
export async function withHealthProbe<T>(base: string, work: () => Promise<T>): Promise<{ result: T; slowestMs: number; probes: number }> {
  let running = true;
  let slowestMs = 0;
  let probes = 0;
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      assert.equal(res.status, 200);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      probes += 1;
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    const result = await work();
    return { result, slowestMs, probes };
  } finally {
    running = false;
    await probe;
  }
}
