import { SYSTEM } from '../../src/domain/access.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../src/domain/errors.ts';
import { createImportService, type ImportService } from '../../src/services/import.service.ts';
import { createTestServices, type TestContext } from '../helpers/db.ts';
import { readSeed } from '../unit/importer/seeds.ts';
import { unknownVariantReport } from '../unit/importer/variant.ts';

let ctx: TestContext;
let imports: ImportService;
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

before(async () => {
  ctx = await createTestServices();
  const { db, frameworks, municipalities, evaluations, tasks } = ctx.services;
  imports = createImportService({ db, frameworks, municipalities, evaluations, tasks });
});
after(async () => ctx.close());

void test('preview saves nothing', async () => {
  const p = await imports.previewImport({ viewer: SYSTEM, bytes: bytes(readSeed('002')), fileName: 'boras-2013.txt' });
  assert.equal(p.ok, true);
  assert.equal(p.duplicateOf, null);
  assert.equal(p.preview.total, 525);
  const list = await ctx.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: '1490' } });
  assert.equal(list.count, 0);
});

void test('import saves a draft and the earlier evaluation; importing again is refused as a duplicate', async () => {
  const out = await imports.importReport({ viewer: SYSTEM, bytes: bytes(readSeed('002')), fileName: 'boras-2013.txt' });
  assert.equal(out.evaluation.status, 'draft');
  assert.equal(out.evaluation.year, 2013);
  assert.equal(out.evaluation.frameworkId, 'kk2010');
  assert.equal(out.evaluation.statedTotal, 525);
  assert.equal(out.evaluation.scores['1.2'], 16.4);
  assert.equal(out.earlier.length, 1);
  assert.equal(out.earlier[0]?.year, 2010);
  assert.equal(out.earlier[0]?.statedTotal, 390);
  const list = await ctx.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: '1490' } });
  assert.deepEqual(list.items.map((i) => i.year).sort(), [2010, 2013]);

  await assert.rejects(
    imports.importReport({ viewer: SYSTEM, bytes: bytes(readSeed('002')), fileName: 'igen.txt' }),
    (err: unknown) => err instanceof DomainError && err.code === 'duplicate' && err.extra.evaluationId === out.evaluation.id && err.message.includes(out.evaluation.id),
  );
  const preview = await imports.previewImport({ viewer: SYSTEM, bytes: bytes(readSeed('002')), fileName: 'igen.txt' });
  assert.equal(preview.duplicateOf?.id, out.evaluation.id);
});

void test('a document that is not a report is refused and nothing is saved', async () => {
  await assert.rejects(
    imports.importReport({ viewer: SYSTEM, bytes: bytes(readSeed('000')), fileName: 'goteborg.txt' }),
    (err: unknown) => err instanceof DomainError && err.code === 'validation' && /inte en utvärderingsrapport/.test(err.message),
  );
  const list = await ctx.services.evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: '1480' } });
  assert.equal(list.count, 0);
});

void test('an unknown variant registers a derived framework marked for review', async () => {
  const out = await imports.importReport({ viewer: SYSTEM, bytes: bytes(unknownVariantReport()), fileName: 'burlov-variant.txt' });
  assert.ok(out.registeredFrameworkId);
  const fw = await ctx.services.frameworks.getFramework({ id: out.registeredFrameworkId });
  assert.equal(fw.origin, 'derived-import');
  assert.equal(fw.needsReview, true);
  assert.equal(out.evaluation.frameworkId, fw.id);
  assert.equal(out.evaluation.scores['8.5'], 14);
});
