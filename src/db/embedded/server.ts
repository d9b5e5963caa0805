/**
 * Runs in its own thread: the embedded database (PGlite, PostgreSQL compiled to WebAssembly) executes
 * every statement synchronously, so on the main thread a long search held the event loop (and every
 * other request) for its whole duration. Here it holds only this thread; the main thread sends SQL
 * and receives rows (src/db/embedded/client.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { errorData, type Ready, type Reply, type Request, type WorkerInput } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('server.ts runs only as a worker thread');
const input = workerData as WorkerInput;

/**
 * Values returned as PostgreSQL writes them (the parsers Drizzle passes to PGlite for every query):
 * timestamps, dates and intervals, and arrays of them and of numerics, stay strings.
 */
const keepText = (value: string) => value;
const parsers = Object.fromEntries([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, keepText]));

// The data set is small (hundreds of evaluations): 16 MB of shared buffers instead of PostgreSQL's
// default 128 MB halves the resident memory of the embedded database and its start time.
// pg_trgm finds parts of compound words in the search term list (migration 0003).
const options = { postgresqlconf: ['shared_buffers=16MB'], extensions: { pg_trgm } };

interface OpenTransaction {
  tx: Transaction;
  end: (commit: boolean) => void;
  /** Settles when PGlite has committed (or rolled back) and released the database. */
  finished: Promise<void>;
}
const transactions = new Map<number, OpenTransaction>();
let nextTx = 1;

class Rollback extends Error {}

async function open(): Promise<PGlite> {
  const client = input.dir ? new PGlite(input.dir, options) : new PGlite({ ...options, ...(input.snapshot ? { loadDataDir: new Blob([input.snapshot]) } : {}) });
  await client.waitReady;
  await migrate(drizzle(client), { migrationsFolder: input.migrationsFolder });
  return client;
}

/** A transaction stays open until the main thread ends it; its queries run inside it meanwhile. */
function begin(client: PGlite): Promise<number> {
  const id = nextTx++;
  return new Promise<number>((opened, failed) => {
    let started = false;
    const finished: Promise<void> = client.transaction(
      (tx) =>
        new Promise<void>((commit, rollback) => {
          started = true;
          transactions.set(id, { tx, finished, end: (ok) => (ok ? commit() : rollback(new Rollback('rollback'))) });
          opened(id);
        }),
    );
    finished
      .catch((e: unknown) => {
        // BEGIN itself failed: the transaction never opened.
        if (!started) failed(e);
      })
      .finally(() => transactions.delete(id));
  });
}

async function handle(client: PGlite, req: Request): Promise<unknown> {
  switch (req.op) {
    case 'query': {
      const target = req.tx === undefined ? client : transactions.get(req.tx)?.tx;
      if (!target) throw new Error(`transaction ${req.tx} is not open`);
      return target.query(req.sql, req.params, { rowMode: req.rowMode, parsers });
    }
    case 'begin':
      return begin(client);
    case 'end': {
      const t = transactions.get(req.tx);
      if (!t) throw new Error(`transaction ${req.tx} is not open`);
      t.end(req.commit);
      try {
        await t.finished;
      } catch (e) {
        // A rollback asked for settles with its own reason; a failed COMMIT is the caller's error.
        if (!(e instanceof Rollback)) throw e;
      }
      return null;
    }
    case 'dump': {
      const blob = await client.dumpDataDir('none');
      return blob.arrayBuffer();
    }
    case 'close':
      await client.close();
      return null;
  }
}

let client: PGlite;
try {
  client = await open();
} catch (e) {
  port.postMessage({ ready: false, error: errorData(e) } satisfies Ready);
  throw e;
}
port.on('message', (req: Request) => {
  handle(client, req).then(
    (value) => port.postMessage({ id: req.id, ok: true, value } satisfies Reply, value instanceof ArrayBuffer ? [value] : []),
    (e: unknown) => port.postMessage({ id: req.id, ok: false, error: errorData(e) } satisfies Reply),
  );
});
port.postMessage({ ready: true } satisfies Ready);
