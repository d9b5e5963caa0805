/**
 * The averages and the list order the score index keeps up to date one evaluation at a time
 * (src/services/score-index.ts): after publication and correction they equal
 * the figures computed from the evaluations themselves, and another process sees them change too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { PUBLIC, SYSTEM } from '../../src/domain/access.ts';
import { openDatabase } from '../../src/db/client.ts';
import { municipalities } from '../../src/db/schema.ts';
import { compareForList } from '../../src/domain/evaluation.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { buildEvaluation, buildFramework, scoresFor } from '../helpers/factories.ts';

/** Polls until `read` returns `expected` (another process learns of a change through NOTIFY). */
async function eventually<T>(read: () => Promise<T>, expected: T, message: string): Promise<void> {
  const deadline = Date.now() + 5000;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  assert.deepEqual(value, expected, message);
}

const averageOf = async (s: Services, id: string): Promise<{ count: number; total: number | null; area1: number | null }> => {
  const { average } = await s.evaluations.getSummary({ viewer: SYSTEM, id });
  return { count: average.count, total: average.total, area1: average.areas.find((a) => a.number === 1)?.score ?? null };
};

/** A test database with reference data and a framework version, and on PostgreSQL a second connection (another instance). */
async function withDatabase(run: (ctx: { database: Awaited<ReturnType<typeof createTestDatabase>>['database']; a: Services; other: Awaited<ReturnType<typeof openDatabase>> | null; fw: Awaited<ReturnType<typeof buildFramework>> }) => Promise<void>): Promise<void> {
  const { database, drop, url } = await createTestDatabase();
  const other = url ? await openDatabase({ kind: 'postgres', url }) : null;
  try {
    const a = createServices(database.db);
    await a.ensureReferenceData();
    await run({ database, a, other, fw: await buildFramework(a) });
  } finally {
    await other?.close();
    await drop();
  }
}

test(`averages and list order stay right through publication and correction on ${testDbKind()}`, () =>
  withDatabase(async ({ a, other, fw }) => {
    const published = { frameworkId: fw.id, status: 'published' as const, source: { kind: 'manual' as const } };
    const full = await buildEvaluation(a, { ...published, municipalityCode: '1280', year: 2020, scores: scoresFor(fw, 1) });
    const half = await buildEvaluation(a, { ...published, municipalityCode: '0180', year: 2022, scores: scoresFor(fw, 0.5) });
    const draft = await buildEvaluation(a, { frameworkId: fw.id, municipalityCode: '1480', year: 2022, scores: scoresFor(fw, 0) });

    // An evaluation is not part of its own average; a draft is in nobody's.
    assert.deepEqual(await averageOf(a, full.id), { count: 1, total: 400, area1: 50 });
    assert.deepEqual(await averageOf(a, draft.id), { count: 2, total: 600, area1: 75 });

    // Publishing the draft counts it from then on.
    await a.evaluations.changeStatus({ viewer: SYSTEM, id: draft.id, expectedVersion: draft.version, status: 'published' });
    assert.deepEqual(await averageOf(a, full.id), { count: 2, total: 200, area1: 25 });

    // A published correction replaces the evaluation it corrects: the original leaves the average.
    const correction = await a.workflow.createCorrection({ id: half.id, viewer: SYSTEM });
    const corrected = await a.evaluations.setScores({ viewer: SYSTEM, id: correction.id, expectedVersion: correction.version, scores: scoresFor(fw, 1) });
    assert.deepEqual(await averageOf(a, full.id), { count: 2, total: 200, area1: 25 }, 'an unpublished correction changes nothing');
    await a.evaluations.changeStatus({ viewer: SYSTEM, id: correction.id, expectedVersion: corrected.version, status: 'published' });
    assert.deepEqual(await averageOf(a, full.id), { count: 2, total: 400, area1: 50 });
    assert.deepEqual(await averageOf(a, half.id), { count: 3, total: 533.333333, area1: 66.666667 }, 'the superseded original is compared with all current ones');

    // The list: every evaluation of the version once, in list order, counted exactly, paged.
    const page = await a.evaluations.listEvaluations({ viewer: SYSTEM, filter: { frameworkId: fw.id, limit: 2, offset: 1 } });
    const all = await a.evaluations.listEvaluations({ viewer: SYSTEM, filter: { frameworkId: fw.id, limit: 500 } });
    assert.equal(all.count, 4);
    assert.equal(page.count, 4);
    const sorted = [...all.items].sort((x, y) => compareForList({ ...x, municipalityName: x.municipality.name }, { ...y, municipalityName: y.municipality.name }));
    assert.deepEqual(all.items.map((i) => i.id), sorted.map((i) => i.id));
    assert.deepEqual(page.items.map((i) => i.id), sorted.slice(1, 3).map((i) => i.id));
    const anonymous = await a.evaluations.listEvaluations({ viewer: PUBLIC, filter: { frameworkId: fw.id } });
    assert.equal(anonymous.count, 4, 'every one of them is published');

    if (other) {
      // A second instance on the same database: its averages follow a publication made by the first.
      const b = createServices(other.db);
      assert.deepEqual(await averageOf(b, full.id), { count: 2, total: 400, area1: 50 });
      const late = await buildEvaluation(a, { frameworkId: fw.id, municipalityCode: '0580', year: 2023, scores: scoresFor(fw, 0) });
      await a.evaluations.changeStatus({ viewer: SYSTEM, id: late.id, expectedVersion: late.version, status: 'published' });
      await eventually(() => averageOf(b, full.id), { count: 3, total: 266.666667, area1: 33.333333 }, 'the other instance saw the publication');
      await eventually(async () => (await b.evaluations.listEvaluations({ viewer: SYSTEM, filter: { frameworkId: fw.id } })).count, 5, 'and lists it');
    }
  }));

test(`a renamed municipality shows its new name in the list and the summary at once, in its new place, on ${testDbKind()}`, () =>
  withDatabase(async ({ database, a, other, fw }) => {
    const published = { frameworkId: fw.id, status: 'published' as const, source: { kind: 'manual' as const }, year: 2020, scores: scoresFor(fw, 1) };
    const malmo = await buildEvaluation(a, { ...published, municipalityCode: '1280' });
    const stockholm = await buildEvaluation(a, { ...published, municipalityCode: '0180' });
    const listed = async (s: Services, filter: { municipalityCode?: string } = {}) =>
      (await s.evaluations.listEvaluations({ viewer: PUBLIC, filter: { frameworkId: fw.id, ...filter } })).items.map((i) => [i.id, i.municipality.name]);
    // The index is built (and the names read) before the rename.
    assert.deepEqual(await listed(a), [[malmo.id, 'Malmö'], [stockholm.id, 'Stockholm']]);
    const b = other ? createServices(other.db) : null;
    if (b) assert.deepEqual(await listed(b), [[malmo.id, 'Malmö'], [stockholm.id, 'Stockholm']]);

    await database.db.transaction(async (tx) => {
      await tx.update(municipalities).set({ name: 'Östra Malmö' }).where(eq(municipalities.code, '1280'));
    });
    // No evaluation changed: the new name shows at once, and Ö sorts after S.
    assert.deepEqual(await listed(a), [[stockholm.id, 'Stockholm'], [malmo.id, 'Östra Malmö']]);
    assert.deepEqual(await listed(a, { municipalityCode: '1280' }), [[malmo.id, 'Östra Malmö']]);
    assert.equal((await a.evaluations.getSummary({ viewer: PUBLIC, id: malmo.id })).municipality.name, 'Östra Malmö');
    // Another instance on the same database learns of it through the change feed too.
    if (b) await eventually(() => listed(b), [[stockholm.id, 'Stockholm'], [malmo.id, 'Östra Malmö']], 'the other instance shows the new name');
  }));
