import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { pgliteTarget, testDbKind } from '../helpers/db.ts';

const skip = testDbKind() !== 'pglite' && 'the embedded database only';
import { openDatabase } from '../../src/db/client.ts';

// The embedded database runs in its own thread: while it works on a long statement, the server's
// event loop keeps answering (timers, other requests); transactions still see only their own writes.
test('the embedded database works in its own thread: a long statement leaves the event loop free', { skip }, async () => {
  const database = await openDatabase(await pgliteTarget('migrated'));
  try {
    // The longest time the event loop did not turn while the statement ran.
    let last = performance.now();
    let longestStall = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const { rows } = (await database.db.execute(sql`select count(*)::int as n from generate_series(1, 1500000) g where g % 7 = 0`)) as unknown as { rows: { n: number }[] };
    const [row] = rows;
    const took = performance.now() - started;
    clearInterval(timer);
    assert.equal(row?.n, 214285);
    // In one thread the loop stood still for the whole statement.
    assert.ok(longestStall < took / 2, `the event loop stood still ${longestStall.toFixed(0)} ms during a ${took.toFixed(0)} ms statement`);
  } finally {
    await database.close();
  }
});

test('the embedded database in its thread: transactions commit, roll back, and keep PostgreSQL error codes', { skip }, async () => {
  const database = await openDatabase(await pgliteTarget('migrated'));
  try {
    const { db } = database;
    await db.execute(sql`create table t (id int primary key)`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (1)`);
      // A nested transaction is a savepoint: its rollback keeps the outer write.
      await tx.transaction(async (inner) => {
        await inner.execute(sql`insert into t values (2)`);
        inner.rollback();
      }).catch(() => undefined);
    });
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (3)`);
        await tx.execute(sql`insert into t values (1)`);
      }),
      (e: Error & { cause?: { code?: string } }) => e.cause?.code === '23505',
    );
    // While one transaction is open, a statement outside it waits and then sees only committed rows.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const open = db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (4)`);
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    const outside = db.execute(sql`select array_agg(id order by id) as ids from t`);
    release();
    await open;
    const [row] = ((await outside) as unknown as { rows: { ids: number[] }[] }).rows;
    assert.deepEqual(row?.ids, [1, 4]);
  } finally {
    await database.close();
  }
});
