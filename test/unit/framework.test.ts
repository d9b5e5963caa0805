import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_FRAMEWORKS } from '../../src/catalog/frameworks.ts';
import { FRAMEWORK_2010 } from '../../src/catalog/framework-2010.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { validateFramework, type FrameworkDef } from '../../src/domain/framework.ts';

test('catalog versions satisfy every rule', () => {
  for (const fw of CATALOG_FRAMEWORKS) assert.deepEqual(validateFramework(fw), [], fw.id);
});

test('2020 revision: 8 areas, 35 subareas, maxima per area sum to 100 (as in the 2020 score tables)', () => {
  assert.equal(FRAMEWORK_2020.areas.length, 8);
  assert.equal(FRAMEWORK_2020.areas.flatMap((a) => a.subareas).length, 35);
  assert.deepEqual(
    FRAMEWORK_2020.areas.map((a) => a.subareas.map((s) => s.max)),
    [[20, 10, 30, 10, 30], [15, 30, 30, 25], [10, 40, 30, 20], [20, 30, 30, 20], [20, 20, 20, 20, 20], [20, 20, 30, 30], [15, 40, 25, 20], [20, 20, 20, 20, 20]],
  );
});

test('2010 revision: maxima known for areas 1–3, explicitly unknown (null) for 4–8', () => {
  assert.deepEqual(FRAMEWORK_2010.areas.slice(0, 3).map((a) => a.subareas.map((s) => s.max)), [[15, 20, 25, 30, 10], [15, 25, 15, 15, 15, 15], [15, 25, 25, 20, 15]]);
  for (const a of FRAMEWORK_2010.areas.slice(3)) {
    assert.ok(a.subareas.length >= 5 && a.subareas.length <= 6, `area ${a.number}`);
    for (const s of a.subareas) assert.equal(s.max, null, s.id);
  }
});

test('subarea ids are stable and unique: 1.1 … 8.n', () => {
  for (const fw of CATALOG_FRAMEWORKS) {
    const ids = fw.areas.flatMap((a) => a.subareas.map((s) => s.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const a of fw.areas) a.subareas.forEach((s, i) => assert.equal(s.id, `${a.number}.${i + 1}`));
  }
});

function broken(mutate: (fw: FrameworkDef) => void): string[] {
  const fw = structuredClone(FRAMEWORK_2020);
  fw.id = 'test-broken';
  mutate(fw);
  return validateFramework(fw).map((i) => i.message);
}

test('validation refuses 7 areas, maxima not summing to 100, duplicate and misnumbered ids', () => {
  assert.match(broken((fw) => fw.areas.pop()).join(' '), /ska ha 8 områden/);
  assert.match(broken((fw) => { fw.areas[0]!.subareas[0]!.max = 25; }).join(' '), /summerar till 105, ska vara 100/);
  assert.match(broken((fw) => { fw.areas[0]!.subareas[1]!.id = '1.1'; }).join(' '), /förekommer flera gånger|ska ha id 1\.2/);
  assert.match(broken((fw) => { fw.areas[1]!.subareas[0]!.id = '3.1'; }).join(' '), /ska ha id 2\.1/);
  assert.match(broken((fw) => { fw.id = 'Has Spaces'; }).join(' '), /Ogiltigt id/);
});

test('unknown maxima are allowed, but known maxima may not exceed 100', () => {
  assert.deepEqual(broken((fw) => { fw.areas[0]!.subareas[0]!.max = null; }), []);
  assert.match(broken((fw) => { fw.areas[0]!.subareas[0]!.max = null; fw.areas[0]!.subareas[1]!.max = 95; }).join(' '), /mer än 100/);
});
