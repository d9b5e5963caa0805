import { SYSTEM } from '../../src/domain/access.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createServices } from '../../src/services/index.ts';
import { createTestDatabase, createTestServices, testDbKind } from '../helpers/db.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';

test('a write in one process refreshes the cached summaries of another (NOTIFY)', { skip: testDbKind() !== 'postgres' && 'needs PostgreSQL: the embedded database serves one process' }, async () => {
  const { database, drop, url } = await createTestDatabase();
  assert.ok(url, 'test database url');
  const other = await openDatabase({ kind: 'postgres', url });
  try {
    const a = createServices(database.db);
    await a.ensureReferenceData();
    const b = createServices(other.db);
    const e = await buildEvaluation(a, { scores: scoresFor(FRAMEWORK_2020, 0.5) });
    assert.equal((await a.evaluations.getSummary({ viewer: SYSTEM, id: e.id })).total, 400);
    assert.equal((await b.evaluations.getSummary({ viewer: SYSTEM, id: e.id })).total, 400);
    await b.evaluations.setScores({ viewer: SYSTEM, id: e.id, expectedVersion: e.version, scores: { '1.1': 20 } });
    const deadline = Date.now() + 5000;
    let total = (await a.evaluations.getSummary({ viewer: SYSTEM, id: e.id })).total;
    while (total !== 410 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      total = (await a.evaluations.getSummary({ viewer: SYSTEM, id: e.id })).total;
    }
    assert.equal(total, 410, 'process A saw the change committed by process B');
  } finally {
    await other.close();
    await drop();
  }
});

test(`the score index reloads only the evaluations that changed on ${testDbKind()}`, async () => {
  const ctx = await createTestServices();
  try {
    const ev = ctx.services.evaluations;
    const a = await buildEvaluation(ctx.services, { scores: scoresFor(FRAMEWORK_2020, 0.5) });
    const b = await buildEvaluation(ctx.services, { municipalityCode: '1280', scores: scoresFor(FRAMEWORK_2020, 0.5) });
    assert.equal((await ev.getSummary({ viewer: SYSTEM, id: a.id })).total, 400);
    const before = ev.scoreIndexStats();
    assert.equal(before.size, 2);
    await ev.setScores({ viewer: SYSTEM, id: b.id, expectedVersion: b.version, scores: { '1.1': 20 } });
    assert.equal((await ev.getSummary({ viewer: SYSTEM, id: b.id })).total, 410);
    assert.equal(ev.scoreIndexStats().reloaded, before.reloaded + 1, 'only the changed evaluation was read again');
    await ev.deleteEvaluation({ viewer: SYSTEM, id: a.id, expectedVersion: a.version });
    assert.equal((await ev.getScores({ viewer: SYSTEM, ids: [a.id, b.id] })).length, 1);
    assert.equal(ev.scoreIndexStats().size, 1);
  } finally {
    await ctx.close();
  }
});
