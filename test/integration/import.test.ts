import { SYSTEM } from '../../src/domain/access.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../../src/domain/errors.ts';
import type { ImportService } from '../../src/services/import.service.ts';
import { createTestServices, type TestContext } from '../helpers/db.ts';
import { readSeed } from '../unit/importer/seeds.ts';
import { unknownVariantReport } from '../unit/importer/variant.ts';

let ctx: TestContext;
let imports: ImportService;
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

before(async () => {
  ctx = await createTestServices();
  imports = ctx.services.imports;
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

void test('a failed import leaves nothing behind: the derived framework is rolled back with the evaluation', async () => {
  const evaluations = ctx.services.evaluations;
  const real = evaluations.createEvaluation.bind(evaluations);
  const before = (await ctx.services.frameworks.listFrameworks()).length;
  evaluations.createEvaluation = async () => {
    throw new Error('disken är full');
  };
  try {
    await assert.rejects(imports.importReport({ viewer: SYSTEM, bytes: bytes(unknownVariantReport()), fileName: 'burlov-variant.txt' }), /disken är full/);
  } finally {
    evaluations.createEvaluation = real;
  }
  const frameworks = await ctx.services.frameworks.listFrameworks();
  assert.equal(frameworks.length, before, 'no framework variant registered');
  assert.ok(!frameworks.some((f) => f.origin === 'derived-import'));
  const list = await evaluations.listEvaluations({ viewer: SYSTEM, filter: { municipalityCode: '1231' } });
  assert.equal(list.count, 0);
});

void test('corrections from the preview are applied, and the draft records that it was corrected and by whom', async () => {
  const text = readSeed('001').replace('Burlöv 2020', 'Burlöv 2020 (rättad)');
  const preview = await imports.previewImport({ viewer: SYSTEM, bytes: bytes(text), fileName: 'burlov.txt' });
  const a1 = preview.preview.areas[0];
  const item = a1?.strengths[0] ?? '';
  assert.ok(item);
  const viewer = { ...SYSTEM, name: 'Eva Granskare' };
  await assert.rejects(
    imports.importReport({ viewer, bytes: bytes(text), fileName: 'burlov.txt', corrections: [{ kind: 'move-item', area: 1, text: 'finns inte', from: 'strengths', to: 'improvements' }] }),
    (err: unknown) => err instanceof DomainError && err.code === 'validation' && /finns inte under Styrkor/.test(err.message),
  );
  const out = await imports.importReport({
    viewer,
    bytes: bytes(text),
    fileName: 'burlov.txt',
    corrections: [
      { kind: 'move-item', area: 1, text: item, from: 'strengths', to: 'improvements' },
      { kind: 'move-text', area: 1, from: '1.1', to: '1.2' },
      { kind: 'set-score', subarea: '1.1', value: 16 },
    ],
  });
  const e = out.evaluation;
  assert.deepEqual(e.source.corrected, { by: 'Eva Granskare', count: 3 });
  const area1 = e.areas.find((a) => a.number === 1);
  assert.ok(area1?.improvements.includes(item));
  assert.ok(!area1?.strengths.includes(item));
  assert.equal(area1?.narratives['1.1'] ?? '', '');
  assert.ok((area1?.narratives['1.2'] ?? '').includes((a1?.texts['1.1'] ?? '').slice(0, 50)));
  assert.equal(e.scores['1.1'], 16);
  const audit = await ctx.services.audit.listEntries({ entity: 'evaluation', entityId: e.id });
  const corrected = audit.find((x) => x.action === 'import_corrected');
  assert.ok(corrected, audit.map((x) => x.action).join(', '));
  assert.equal(corrected.actor.name, 'Eva Granskare');
  assert.equal((corrected.after?.corrections as unknown[]).length, 3);
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

void test('a variant merged into a known version is not derived again by a later import of a report in it', async () => {
  // Two more reports with the variant's score table (the same variant, different files).
  const report = (n: number) => bytes(`${unknownVariantReport()}\nBilaga ${n}.\n`);
  const first = await imports.importReport({ viewer: SYSTEM, bytes: report(1), fileName: 'burlov-variant-1.txt' });
  const variant = await ctx.services.frameworks.getFramework({ id: first.evaluation.frameworkId });
  assert.equal(variant.origin, 'derived-import');
  await ctx.services.frameworks.mergeFrameworkVariant({ id: variant.id, into: 'kk2020', expectedVersion: variant.version, viewer: SYSTEM });
  assert.ok((await ctx.services.frameworks.getFramework({ id: 'kk2020' })).mergedVariants?.includes(variant.id));

  const preview = await imports.previewImport({ viewer: SYSTEM, bytes: report(2), fileName: 'burlov-variant-2.txt' });
  assert.deepEqual([preview.preview.framework?.id, preview.preview.framework?.derived], ['kk2020', false]);
  assert.ok(preview.preview.problems.some((p) => p.message.includes(`${variant.id}, som har slagits ihop med`)), 'the preview says where the variant went');
  const later = await imports.importReport({ viewer: SYSTEM, bytes: report(2), fileName: 'burlov-variant-2.txt' });
  assert.equal(later.registeredFrameworkId, null);
  assert.equal(later.evaluation.frameworkId, 'kk2020');
  assert.equal(later.evaluation.scores['8.5'], 14);
  assert.ok(!(await ctx.services.frameworks.listFrameworks()).some((f) => f.id === variant.id), 'the variant is not registered again');
});
