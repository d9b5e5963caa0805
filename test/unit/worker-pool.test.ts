import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../src/domain/errors.ts';
import { createWorkerPool, TaskError, TaskFailure } from '../../src/workers/pool.ts';
import { createTaskRunner } from '../../src/workers/index.ts';
import { deepNestingPdf } from '../helpers/hostile-files.ts';

const entry = new URL('../helpers/pool-test-worker.mjs', import.meta.url);

void test('a runaway task is ended at its time limit, its worker replaced, and the next task works', async () => {
  const pool = createWorkerPool({ entry, size: 1, memoryMb: 64, timeoutMs: 300 });
  try {
    assert.deepEqual(await pool.run('echo', { a: 1 }), { a: 1 });
    await assert.rejects(pool.run('spin', null), (err: unknown) => err instanceof TaskFailure && err.kind === 'timeout');
    assert.equal(await pool.run('echo', 'igen'), 'igen');
    assert.equal(pool.stats().replaced, 1);
  } finally {
    await pool.close();
  }
});

void test('a task over its memory limit ends its worker, not the process; the next task works', async () => {
  const pool = createWorkerPool({ entry, size: 1, memoryMb: 32, timeoutMs: 30_000 });
  try {
    await assert.rejects(pool.run('grow', null), (err: unknown) => err instanceof TaskFailure && err.kind === 'memory');
    assert.equal(await pool.run('echo', 'kvar'), 'kvar');
  } finally {
    await pool.close();
  }
});

void test('tasks queue for a free worker; a task error comes back as data; a full queue is refused at once', async () => {
  const pool = createWorkerPool({ entry, size: 2, memoryMb: 64, timeoutMs: 5000, maxQueue: 3 });
  try {
    await Promise.all([pool.run('echo', 0), pool.run('echo', 0)]);
    assert.equal(pool.stats().workers, 2);
    while (pool.stats().starting > 0) await new Promise((r) => setTimeout(r, 20));
    // Two run at once, three wait: within the queue limit.
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run<number>('echo', n)));
    assert.deepEqual(answers, [1, 2, 3, 4, 5]);
    await assert.rejects(pool.run('fail', 'nej'), (err: unknown) => err instanceof TaskError && err.data.code === 'validation' && err.message === 'nej');
    const flood = Array.from({ length: 8 }, (_, n) => pool.run('echo', n).then(() => 'ok', (e: unknown) => (e instanceof TaskFailure ? e.kind : 'other')));
    const outcomes = await Promise.all(flood);
    assert.ok(outcomes.includes('overloaded'), outcomes.join(','));
    assert.ok(outcomes.includes('ok'));
  } finally {
    await pool.close();
  }
});

void test('the server runner turns a time-out into a Swedish 422 problem and keeps working', async () => {
  const runner = createTaskRunner({ size: 1, memoryMb: 256, timeoutSeconds: 0.3 });
  try {
    await assert.rejects(runner.extract({ bytes: deepNestingPdf(400_000), fileName: 'djup.pdf' }), (err: unknown) => err instanceof DomainError && err.code === 'unprocessable' && /tog längre tid än 0.3 sekunder och avbröts/.test(err.message));
    const ok = await runner.extract({ bytes: new TextEncoder().encode('Kommunkompassen'), fileName: 'a.txt' });
    assert.equal(ok.text, 'Kommunkompassen');
  } finally {
    await runner.close();
  }
});
