// A worker for the pool's own tests: tasks that answer, fail, never end, or never stop allocating.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', ({ id, name, payload }) => {
  if (name === 'echo') parentPort?.postMessage({ id, ok: true, value: payload });
  else if (name === 'fail') parentPort?.postMessage({ id, ok: false, error: { name: 'DomainError', code: 'validation', message: String(payload) } });
  else if (name === 'spin') for (;;);
  else if (name === 'grow') {
    const hoard = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => ({ i })));
  }
});
parentPort?.postMessage({ ready: true });
