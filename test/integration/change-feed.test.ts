import { SYSTEM } from '../../src/domain/access.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createServices } from '../../src/services/index.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
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
