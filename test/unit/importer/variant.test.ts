import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_FRAMEWORKS } from '../../../src/catalog/frameworks.ts';
import { validateFramework } from '../../../src/domain/framework.ts';
import { importReportText } from '../../../src/importer/import-report.ts';
import { unknownVariantReport } from './variant.ts';

void test('an unknown framework variant is derived from the score table and marked for review', () => {
  const r = importReportText(unknownVariantReport(), { fileName: 'variant.txt', frameworks: CATALOG_FRAMEWORKS });
  assert.equal(r.ok, true);
  const fw = r.derivedFramework;
  assert.ok(fw);
  assert.equal(fw.origin, 'derived-import');
  assert.equal(fw.needsReview, true);
  assert.match(fw.notes, /Härledd från import, behöver granskas/);
  assert.deepEqual(validateFramework(fw), []);
  assert.deepEqual(fw.areas.map((a) => a.subareas.length), [5, 4, 4, 4, 5, 4, 4, 5]);
  assert.deepEqual(fw.areas[0]?.subareas.map((s) => s.max), [20, 10, 30, 10, 30]);
  assert.equal(fw.areas[0]?.title, 'Variantområde nummer 1');
  assert.deepEqual(r.preview.framework, { id: fw.id, name: fw.name, derived: true });
  assert.equal(r.input?.frameworkId, fw.id);
  assert.equal(r.input?.scores?.['1.1'], 15);
  assert.equal(r.preview.total, 595);
  assert.ok(r.preview.problems.some((p) => /härletts ur tabellen/.test(p.message)));

  // Imported again with the variant registered: the same definition is recognised, nothing new derived.
  const again = importReportText(unknownVariantReport(), { fileName: 'variant.txt', frameworks: [...CATALOG_FRAMEWORKS, fw] });
  assert.equal(again.ok, true);
  assert.equal(again.preview.framework?.id, fw.id);
  assert.equal(again.derivedFramework, null);
});
