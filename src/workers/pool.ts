/**
 * A small pool of worker threads for untrusted, CPU-bound work (reading uploads, rendering reports),
 * so the event loop keeps answering while it runs.
 *
 * - Each worker runs one task at a time, with V8 heap limits (`resourceLimits`): a task that needs
 *   more memory ends its worker (ERR_WORKER_OUT_OF_MEMORY), not the server.
 * - A task that runs past its time limit is rejected and its worker terminated; a fresh worker takes
 *   its place on the next task.
 * - Workers start on first use and are unref'd while idle, so an idle pool never keeps a process alive.
 * - A bounded queue: beyond `maxQueue` waiting tasks, new tasks are refused at once (overloaded).
 *
 * Worker protocol: the entry module (`entry.mjs`) registers tsx, loads `tasks.ts` and answers
 * `{ id, name, payload }` with `{ id, ok: true, value }` or `{ id, ok: false, error }`.
 */
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';

export type TaskFailureKind = 'timeout' | 'memory' | 'crashed' | 'overloaded' | 'closed';

/** The pool could not finish a task: why, in words for the log (callers turn it into a Swedish problem). */
export class TaskFailure extends Error {
  constructor(
    readonly kind: TaskFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'TaskFailure';
  }
}

/** An error thrown inside a task, carried across the thread boundary as plain data. */
export interface TaskErrorData {
  name: string;
  message: string;
  code?: string | undefined;
  details?: unknown;
  extra?: unknown;
}

/** A task's own error (bad input found by the task), rebuilt on the main thread. */
export class TaskError extends Error {
  constructor(readonly data: TaskErrorData) {
    super(data.message);
    this.name = 'TaskError';
  }
}

export interface PoolOptions {
  /** Module the worker starts (see entry.mjs). */
  entry: URL;
  /** Most workers at once. */
  size: number;
  /** V8 old-generation heap per worker, MB. */
  memoryMb: number;
  /** Default time limit per task, ms. */
  timeoutMs: number;
  /** Most tasks waiting for a worker; more are refused. */
  maxQueue?: number;
  /** Passed to the worker as workerData. */
  workerData?: unknown;
}

export interface RunOptions {
  timeoutMs?: number;
  transfer?: readonly TransferListItem[];
}

export interface PoolStats {
  size: number;
  workers: number;
  busy: number;
  queued: number;
  completed: number;
  failed: number;
  /** Workers ended by the pool (timeouts) or by their limits (memory, crash). */
  replaced: number;
}

interface Job {
  id: number;
  name: string;
  payload: unknown;
  timeoutMs: number;
  transfer: readonly TransferListItem[];
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: TaskErrorData };

export interface WorkerPool {
  run<T>(name: string, payload: unknown, options?: RunOptions): Promise<T>;
  stats(): PoolStats;
  /** Ends every worker; waiting and running tasks are rejected. */
  close(): Promise<void>;
}

export function createWorkerPool(options: PoolOptions): WorkerPool {
  const size = Math.max(1, Math.floor(options.size));
  const maxQueue = options.maxQueue ?? 200;
  const limits: ResourceLimits = { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(options.memoryMb / 8))), stackSizeMb: 4 };
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  const counters = { completed: 0, failed: 0, replaced: 0 };

  const finish = (slot: Slot): Job | null => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    return job;
  };

  const retire = (slot: Slot, failure: TaskFailure | null): void => {
    if (!slots.delete(slot)) return;
    const job = finish(slot);
    if (job && failure) {
      counters.failed += 1;
      job.reject(failure);
    }
    counters.replaced += 1;
    slot.worker.removeAllListeners('message');
    void slot.worker.terminate();
    pump();
  };

  const spawn = (): Slot => {
    const worker = new Worker(options.entry, { resourceLimits: limits, workerData: options.workerData, stdout: false, stderr: false });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (msg: Reply) => {
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      finish(slot);
      worker.unref();
      if (msg.ok) {
        counters.completed += 1;
        job.resolve(msg.value);
      } else {
        counters.failed += 1;
        job.reject(new TaskError(msg.error));
      }
      pump();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(err.message);
      retire(slot, new TaskFailure(memory ? 'memory' : 'crashed', memory ? 'the task ran out of memory' : `the worker failed: ${err.message}`));
    });
    worker.on('exit', (code) => retire(slot, new TaskFailure('crashed', `the worker exited (${code})`)));
    worker.unref();
    slots.add(slot);
    return slot;
  };

  const dispatch = (slot: Slot, job: Job): void => {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => retire(slot, new TaskFailure('timeout', `the task took longer than ${job.timeoutMs} ms`)), job.timeoutMs);
    slot.worker.postMessage({ id: job.id, name: job.name, payload: job.payload }, job.transfer);
  };

  function pump(): void {
    while (queue.length > 0 && !closed) {
      let idle: Slot | undefined;
      for (const s of slots) if (!s.job) idle = s;
      if (!idle && slots.size < size) idle = spawn();
      if (!idle) return;
      const job = queue.shift();
      if (job) dispatch(idle, job);
    }
  }

  return {
    run<T>(name: string, payload: unknown, runOptions: RunOptions = {}): Promise<T> {
      if (closed) return Promise.reject(new TaskFailure('closed', 'the pool is closed'));
      if (queue.length >= maxQueue) return Promise.reject(new TaskFailure('overloaded', `${queue.length} tasks are already waiting`));
      return new Promise<T>((resolve, reject) => {
        queue.push({ id: nextId++, name, payload, timeoutMs: runOptions.timeoutMs ?? options.timeoutMs, transfer: runOptions.transfer ?? [], resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    stats: () => {
      let busy = 0;
      for (const s of slots) if (s.job) busy += 1;
      return { size, workers: slots.size, busy, queued: queue.length, ...counters };
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new TaskFailure('closed', 'the pool is closed'));
      const all = [...slots];
      slots.clear();
      await Promise.all(
        all.map(async (s) => {
          const job = finish(s);
          job?.reject(new TaskFailure('closed', 'the pool is closed'));
          s.worker.removeAllListeners();
          await s.worker.terminate();
        }),
      );
    },
  };
}
