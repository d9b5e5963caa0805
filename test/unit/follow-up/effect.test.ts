import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2010 } from '../../../src/catalog/framework-2010.ts';
import { FRAMEWORK_2020 } from '../../../src/catalog/framework-2020.ts';
import type { ActionPlanItemData } from '../../../src/domain/action-plan.ts';
import { actionAssociations, planEffect, type EvaluationPoints } from '../../../src/domain/effect.ts';

const item = (subareaId: string | null, status: ActionPlanItemData['status']): ActionPlanItemData => ({
  id: `${subareaId}-${status}`, source: 'opportunity', areaNumber: subareaId ? Number(subareaId[0]) : 1, subareaId, improvement: `Punkt ${subareaId}`, comment: '', status, droppedReason: status === 'dropped' ? 'skäl' : '', priority: null, public: true, actions: [],
});
const ev = (id: string, year: number, points: Record<string, number>, fw = FRAMEWORK_2020): EvaluationPoints => ({ id, year, frameworkId: fw.id, frameworkName: fw.name, points });

void test('per subarea: the items tied to it, done or not, and how the score moved', () => {
  const e = planEffect([item('1.3', 'done'), item('1.4', 'ongoing'), item('1.4', 'dropped'), item(null, 'done')], FRAMEWORK_2020, ev('a', 2020, { '1.3': 20, '1.4': 6 }), ev('b', 2024, { '1.3': 25, '1.4': 5 }));
  assert.ok(e.comparable);
  const s13 = e.subareas.find((s) => s.subareaId === '1.3');
  const s14 = e.subareas.find((s) => s.subareaId === '1.4');
  assert.deepEqual([s13?.items.map((i) => i.done), s13?.delta], [[true], 5]);
  assert.deepEqual([s14?.items.length, s14?.delta], [1, -1], 'dropped items are not counted as tied');
  assert.equal(e.subareas.find((s) => s.subareaId === '1.1')?.delta, null, 'unknown points: no movement');
  assert.equal(e.notTied.length, 1);
});

void test('across framework versions there is no subarea comparison, and the answer says why', () => {
  const e = planEffect([item('1.3', 'done')], FRAMEWORK_2010, ev('a', 2015, { '1.3': 20 }, FRAMEWORK_2010), ev('b', 2021, { '1.3': 25 }));
  assert.ok(!e.comparable);
  assert.match(e.reason, /olika versioner av metoden/);
  const none = planEffect([], FRAMEWORK_2020, ev('a', 2020, {}), null);
  assert.ok(!none.comparable && /ingen senare utvärdering/.test(none.reason));
});

void test('associations: mean change where items were done against where none were, with n, worded as association', () => {
  const pairs = [
    { municipalityCode: '1', items: [item('1.3', 'done')], from: ev('a', 2016, { '1.3': 10 }), to: ev('b', 2020, { '1.3': 18 }) },
    { municipalityCode: '2', items: [item('1.3', 'done')], from: ev('c', 2016, { '1.3': 12 }), to: ev('d', 2020, { '1.3': 16 }) },
    { municipalityCode: '3', items: [item('1.3', 'ongoing')], from: ev('e', 2016, { '1.3': 15 }), to: ev('f', 2020, { '1.3': 14 }) },
    { municipalityCode: '4', items: [item('1.3', 'done')], from: ev('g', 2013, { '1.3': 15 }, FRAMEWORK_2010), to: ev('h', 2020, { '1.3': 30 }) },
  ];
  const a = actionAssociations(pairs, FRAMEWORK_2020);
  assert.equal(a.pairs, 3, 'the pair across versions is left out');
  const row = a.rows.find((r) => r.subareaId === '1.3');
  assert.deepEqual(row?.withDone, { n: 2, meanDelta: 6 });
  assert.deepEqual(row?.withoutDone, { n: 1, meanDelta: -1 });
  assert.equal(row?.difference, 7);
  assert.match(a.caveat, /inte att åtgärderna orsakade/);
});
