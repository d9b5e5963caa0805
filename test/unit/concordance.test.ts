import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONCORDANCE_KK2010_KK2020 } from '../../src/catalog/concordance-kk2010-kk2020.ts';
import { FRAMEWORK_2010 } from '../../src/catalog/framework-2010.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { compareEvaluations, orientConcordance, validateConcordance, type ComparedEvaluation } from '../../src/domain/concordance.ts';

const catalog = { fromFrameworkId: 'kk2010', toFrameworkId: 'kk2020', pairs: [...CONCORDANCE_KK2010_KK2020.pairs] };

test('the catalog concordance kk2010 → kk2020 is valid: every key exists, no area or subarea paired twice', () => {
  assert.deepEqual(validateConcordance(FRAMEWORK_2010, FRAMEWORK_2020, catalog.pairs), []);
  const areas = catalog.pairs.filter((p) => p.level === 'area');
  assert.equal(areas.length, 8);
  assert.ok(areas.some((p) => p.from !== p.to), 'areas are not paired by number');
});

test('validation names what is wrong, in Swedish', () => {
  const issues = validateConcordance(FRAMEWORK_2010, FRAMEWORK_2020, [
    { level: 'subarea', from: '1.9', to: '1.1', relation: 'same' },
    { level: 'area', from: '1', to: '1', relation: 'same' },
    { level: 'area', from: '2', to: '1', relation: 'partial' },
  ]);
  assert.deepEqual(issues.map((i) => i.path), ['pairs[0].from', 'pairs[2].to']);
  assert.match(issues[0]?.message ?? '', /Delområde 1\.9 finns inte i/);
  assert.equal(validateConcordance(FRAMEWORK_2020, FRAMEWORK_2020, []).length, 1);
});

test('a concordance reads either way; other versions get none', () => {
  const back = orientConcordance(catalog, 'kk2020', 'kk2010');
  assert.deepEqual(back?.find((p) => p.level === 'area' && p.from === '5'), { level: 'area', from: '5', to: '2', relation: 'partial' });
  assert.equal(orientConcordance(catalog, 'kk2020', 'other'), null);
});

const ev = (evaluationId: string, frameworkId: string, scores: number[], total: number | null): ComparedEvaluation => ({
  evaluationId,
  frameworkId,
  total,
  max: 800,
  areas: scores.map((score, i) => ({ number: i + 1, title: `${frameworkId} område ${i + 1}`, score })),
});

test('comparison across versions pairs areas through the concordance, never by number; without one, totals only', () => {
  const a = ev('a', 'kk2020', [10, 20, 30, 40, 50, 60, 70, 80], 360);
  const b = ev('b', 'kk2010', [11, 22, 33, 44, 55, 66, 77, 88], 396);
  const same = compareEvaluations([a, ev('c', 'kk2020', [1, 2, 3, 4, 5, 6, 7, 8], 36)], () => null);
  assert.equal(same.mode, 'same-version');
  assert.deepEqual(same.rows[4]?.cells.map((c) => [c.area, c.relation]), [[5, 'identical'], [5, 'identical']]);

  const across = compareEvaluations([a, b], (from, to) => orientConcordance(catalog, from, to));
  assert.equal(across.mode, 'concordance');
  // 2020 area 5 (Brukarens fokus) ↔ 2010 area 2 (Tillgänglighet och brukarorientering).
  assert.deepEqual(across.rows.find((r) => r.area === 5)?.cells[1], { evaluationId: 'b', frameworkId: 'kk2010', area: 2, title: 'kk2010 område 2', score: 22, relation: 'partial' });
  assert.ok(across.rows.every((r) => r.cells[1]?.area !== r.area || r.area === 1 || r.area === 3), 'only areas the concordance pairs share a number');

  const none = compareEvaluations([a, b], () => null);
  assert.equal(none.mode, 'totals-only');
  assert.deepEqual(none.rows, []);
  assert.deepEqual(none.totals.map((t) => t.percent), [45, 49.5]);
  assert.deepEqual(none.missingConcordances, [{ fromFrameworkId: 'kk2020', toFrameworkId: 'kk2010' }]);
});
