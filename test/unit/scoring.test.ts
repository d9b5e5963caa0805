import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2010 } from '../../src/catalog/framework-2010.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import {
  averageOfComparable,
  checkSubareaPoints,
  compareWithPrevious,
  computeScores,
  formatNumber,
  formatPercent,
  formatPrintedPoints,
  parsePoints,
  percentOf,
  printedRoundingGap,
  publishProblem,
  roundPoints,
  scoresBrokenBy,
  mergeProblems,
} from '../../src/domain/scoring.ts';
import { scoresFor } from '../helpers/factories.ts';

const burlov: Record<string, number> = {
  '1.1': 15, '1.2': 8, '1.3': 25, '1.4': 6, '1.5': 25, '2.1': 11, '2.2': 26, '2.3': 18, '2.4': 17,
  '3.1': 8, '3.2': 30, '3.3': 24, '3.4': 18, '4.1': 16, '4.2': 19, '4.3': 21, '4.4': 17,
  '5.1': 17, '5.2': 12, '5.3': 17, '5.4': 15, '5.5': 9, '6.1': 15, '6.2': 15, '6.3': 19, '6.4': 19,
  '7.1': 15, '7.2': 30, '7.3': 21, '7.4': 12, '8.1': 14, '8.2': 16, '8.3': 16, '8.4': 15, '8.5': 14,
};

test('area score is the sum of its subareas and the total the sum of the areas (Burlöv 2020)', () => {
  const s = computeScores({ framework: FRAMEWORK_2020, subareaPoints: burlov });
  assert.deepEqual(s.areas.map((a) => a.score), [79, 72, 80, 73, 70, 68, 78, 75]);
  assert.equal(s.total, 595);
  assert.equal(s.totalSource, 'computed');
  assert.equal(s.max, 800);
  assert.equal(s.areas[0]?.subareas[3]?.percent, 60);
});

test('reports print points as integers and percentages as whole numbers: 16.4 of 20 is "16", "82 %"', () => {
  assert.equal(formatPrintedPoints(16.4), '16');
  assert.equal(percentOf(16.4, 20), 82);
  assert.equal(formatPercent(percentOf(16.4, 20)), '82\u00a0%');
  assert.equal(formatNumber(16.4), '16,4');
  assert.equal(roundPoints(20.5), 21);
  assert.equal(roundPoints(0.1 + 0.2 + 0.2), 1);
  assert.equal(formatPrintedPoints(null), '–');
});

test('total is computed from unrounded areas, so printed areas may not add up to the printed total', () => {
  // Three areas at x.4 print as x but add to more than a whole point: 10.4 * 3 = 31.2 → printed areas 30, total 31.
  const fw = structuredClone(FRAMEWORK_2020);
  const pts: Record<string, number> = {};
  for (const a of fw.areas) for (const s of a.subareas) pts[s.id] = 0;
  pts['1.1'] = 10.4;
  pts['2.1'] = 10.4;
  pts['3.1'] = 10.4;
  const s = computeScores({ framework: fw, subareaPoints: pts });
  assert.equal(formatPrintedPoints(s.total), '31');
  assert.equal(s.areas.reduce((n, a) => n + roundPoints(a.score ?? 0), 0), 30);
  assert.equal(printedRoundingGap(s), -1);
});

test('Borås 2013: printed areas add to 526 but the printed total 525 is kept, without a disagreement note', () => {
  const stated = { 1: 67, 2: 53, 3: 65, 4: 65, 5: 68, 6: 65, 7: 65, 8: 78 };
  const s = computeScores({ framework: FRAMEWORK_2010, subareaPoints: {}, statedAreaScores: stated, statedTotal: 525 });
  assert.equal(s.total, 525);
  assert.equal(s.totalSource, 'stated');
  assert.equal(s.computedTotal, 526);
  assert.equal(printedRoundingGap(s), 1);
  assert.deepEqual(s.notes, []);
});

test('a printed total far from the areas is kept and flagged', () => {
  const stated = { 1: 67, 2: 53, 3: 65, 4: 65, 5: 68, 6: 65, 7: 65, 8: 78 };
  const s = computeScores({ framework: FRAMEWORK_2010, subareaPoints: {}, statedAreaScores: stated, statedTotal: 600 });
  assert.equal(s.total, 600);
  assert.equal(s.notes.length, 1);
  assert.match(s.notes[0]?.message ?? '', /600/);
});

test('partial data: unknown subareas stay unknown, never zero', () => {
  const s = computeScores({ framework: FRAMEWORK_2020, subareaPoints: { '1.1': 15, '1.2': 8 } });
  const a1 = s.areas[0];
  assert.equal(a1?.score, null);
  assert.equal(a1?.source, 'partial');
  assert.equal(a1?.subareaSum, 23);
  assert.equal(a1?.subareas[2]?.achieved, null);
  assert.equal(a1?.subareas[2]?.percent, null);
  assert.equal(s.areas[1]?.source, 'unknown');
  assert.equal(s.total, null);
  assert.equal(s.totalSource, 'unknown');
});

test('only a stated total known (Örebro 2015): total shown, areas unknown except stated ones', () => {
  const s = computeScores({ framework: FRAMEWORK_2010, subareaPoints: {}, statedAreaScores: { 3: 89 }, statedTotal: 650 });
  assert.equal(s.total, 650);
  assert.equal(s.areas[2]?.score, 89);
  assert.equal(s.areas[0]?.score, null);
  assert.equal(s.computedTotal, null);
});

test('subarea with unknown maximum (2010 areas 4–8) has no percent', () => {
  const s = computeScores({ framework: FRAMEWORK_2010, subareaPoints: { '4.1': 12 } });
  assert.equal(s.areas[3]?.subareas[0]?.achieved, 12);
  assert.equal(s.areas[3]?.subareas[0]?.percent, null);
});

test('point validation gives specific Swedish messages', () => {
  assert.equal(checkSubareaPoints(FRAMEWORK_2010, '1.2', 24), 'Delområde 1.2: 24 poäng är mer än max 20.');
  assert.equal(checkSubareaPoints(FRAMEWORK_2010, '1.2', 20), null);
  assert.equal(checkSubareaPoints(FRAMEWORK_2010, '1.2', 16.4), null);
  assert.match(checkSubareaPoints(FRAMEWORK_2010, '1.2', -1) ?? '', /mindre än 0/);
  assert.match(checkSubareaPoints(FRAMEWORK_2010, '9.9', 1) ?? '', /finns inte/);
  assert.match(checkSubareaPoints(FRAMEWORK_2010, '1.2', 1.234) ?? '', /två decimaler/);
  assert.equal(checkSubareaPoints(FRAMEWORK_2010, '4.1', 30), null, 'unknown max: only the area max bounds it');
  assert.match(checkSubareaPoints(FRAMEWORK_2010, '4.1', 101) ?? '', /områdets max 100/);
});

test('parses points typed with decimal comma or point', () => {
  assert.equal(parsePoints('16,4'), 16.4);
  assert.equal(parsePoints(' 16.4 '), 16.4);
  assert.equal(parsePoints('7'), 7);
  assert.equal(parsePoints('abc'), null);
  assert.equal(parsePoints('1,2,3'), null);
  assert.equal(parsePoints(''), null);
});

test('average of comparable evaluations: same framework only, per area, with counts; unknown left out', () => {
  const avg = averageOfComparable('kk2010', [1, 2], [
    { evaluationId: 'a', frameworkId: 'kk2010', total: 500, areas: [{ number: 1, score: 60 }, { number: 2, score: null }] },
    { evaluationId: 'b', frameworkId: 'kk2010', total: 400, areas: [{ number: 1, score: 50 }, { number: 2, score: 40 }] },
    { evaluationId: 'c', frameworkId: 'kk2010', total: null, areas: [{ number: 1, score: 40 }, { number: 2, score: null }] },
    { evaluationId: 'd', frameworkId: 'kk2020', total: 700, areas: [{ number: 1, score: 90 }, { number: 2, score: 90 }] },
  ]);
  assert.equal(avg.count, 2);
  assert.equal(avg.total, 450);
  assert.deepEqual(avg.areas, [
    { number: 1, score: 50, count: 3 },
    { number: 2, score: 40, count: 1 },
  ]);
});

test('average with no comparable evaluations is unknown, count 0', () => {
  const avg = averageOfComparable('kk2020', [1], []);
  assert.equal(avg.count, 0);
  assert.equal(avg.total, null);
  assert.deepEqual(avg.areas, [{ number: 1, score: null, count: 0 }]);
});

test('comparison with the previous evaluation gives deltas and flags a different framework', () => {
  const cur = { evaluationId: 'x', frameworkId: 'kk2010', total: 525, areas: [{ number: 1, score: 67 }, { number: 2, score: null }] };
  const prev = { evaluationId: 'y', frameworkId: 'kk2010', total: 390, year: 2010, areas: [{ number: 1, score: 40 }, { number: 2, score: 49 }] };
  const c = compareWithPrevious(cur, prev);
  assert.equal(c.totalDelta, 135);
  assert.equal(c.sameFramework, true);
  assert.deepEqual(c.areas[0], { number: 1, current: 67, previous: 40, delta: 27 });
  assert.equal(c.areas[1]?.delta, null);
  const other = compareWithPrevious({ ...cur, frameworkId: 'kk2020' }, prev);
  assert.equal(other.sameFramework, false);
  // Across versions areas never pair by number: without a concordance only the totals compare.
  assert.equal(other.pairing, 'totals-only');
  assert.deepEqual(other.areas.map((a) => a.previous), [null, null]);
  assert.equal(other.totalDelta, 135);
  // With a concordance (current area 1 ↔ previous area 2) the counterpart is used.
  const mapped = compareWithPrevious({ ...cur, frameworkId: 'kk2020' }, prev, new Map([[1, 2]]));
  assert.equal(mapped.pairing, 'concordance');
  assert.deepEqual(mapped.areas[0], { number: 1, current: 67, previous: 49, delta: 18 });
  assert.equal(mapped.areas[1]?.previous, null);
});

test('area-score rule: once every subarea has points their sum wins over a stated area score (with a note); until then the stated score stands', () => {
  const full = Object.fromEntries(FRAMEWORK_2020.areas[0]?.subareas.map((s) => [s.id, (s.max ?? 0) / 2]) ?? []);
  const both = computeScores({ framework: FRAMEWORK_2020, subareaPoints: full, statedAreaScores: { 1: 80 } });
  assert.equal(both.areas[0]?.score, 50);
  assert.equal(both.areas[0]?.source, 'subareas');
  assert.equal(both.notes.length, 1);
  assert.match(both.notes[0]?.message ?? '', /angivet 80 poäng men delområdena summerar till 50; delområdenas summa gäller/);
  const partial = computeScores({ framework: FRAMEWORK_2020, subareaPoints: { '1.1': 3 }, statedAreaScores: { 1: 80 } });
  assert.equal(partial.areas[0]?.score, 80);
  assert.equal(partial.areas[0]?.source, 'stated');
  assert.equal(partial.areas[0]?.subareaSum, 3);
  // Same in print: no note.
  assert.deepEqual(computeScores({ framework: FRAMEWORK_2020, subareaPoints: full, statedAreaScores: { 1: 50.4 } }).notes, []);
});

test('publication rule: made in kompass needs every area; a printed report needs a known total', () => {
  const onlyTotal = computeScores({ framework: FRAMEWORK_2010, subareaPoints: {}, statedAreaScores: { 3: 89 }, statedTotal: 650 });
  assert.match(publishProblem(onlyTotal, 'manual') ?? '', /områdena 1, 2, 4, 5, 6, 7 och 8 saknar poäng/);
  assert.equal(publishProblem(onlyTotal, 'import'), null);
  assert.equal(publishProblem(onlyTotal, 'demo'), null);
  const oneMissing = computeScores({ framework: FRAMEWORK_2010, subareaPoints: {}, statedAreaScores: { 1: 50, 2: 50, 3: 50, 4: 50, 5: 50, 6: 50, 7: 50 } });
  assert.match(publishProblem(oneMissing, 'manual') ?? '', /^Utvärderingen kan inte publiceras: område 8 saknar poäng\./);
  assert.match(publishProblem(oneMissing, 'import') ?? '', /totalpoängen är inte känd/);
  const all = computeScores({ framework: FRAMEWORK_2020, subareaPoints: scoresFor(FRAMEWORK_2020, 0.5) });
  assert.equal(publishProblem(all, 'manual'), null);
});

test('a framework change may not put a maximum below points already scored; each broken score is named', () => {
  const lowered = structuredClone(FRAMEWORK_2020);
  const sub = lowered.areas[0]?.subareas[1];
  assert.ok(sub && sub.max !== null);
  sub.max = 5;
  const issues = scoresBrokenBy(lowered, [
    { label: 'Burlöv 2020', subareaId: sub.id, points: 8 },
    { label: 'Borås 2021', subareaId: sub.id, points: 5 },
    { label: 'Borås 2021', subareaId: '2.1', points: 10 },
  ]);
  assert.deepEqual(issues.map(({ path, message }) => ({ path, message })), [{ path: `subareas.${sub.id}.max`, message: `Burlöv 2020: Delområde ${sub.id}: 8 poäng är mer än max 5.` }]);
  assert.deepEqual(scoresBrokenBy(FRAMEWORK_2020, [{ label: 'x', subareaId: sub.id, points: 8 }]), []);
});

test('a variant can move to a known version only when every subarea it refers to exists there and every score fits', () => {
  const uses = [
    { evaluationId: 'a', label: 'Borås 2016', subareaId: '1.2', kind: 'scores', points: 24 },
    { evaluationId: 'a', label: 'Borås 2016', subareaId: '1.2', kind: 'agreed', points: 24 },
    { evaluationId: 'a', label: 'Borås 2016', subareaId: '1.6', kind: 'scores', points: 3 },
    { evaluationId: 'a', label: 'Borås 2016', subareaId: '1.6', kind: 'narrative', points: null },
    { evaluationId: 'b', label: 'Örebro 2016', subareaId: '1.1', kind: 'scores', points: 10 },
  ];
  assert.deepEqual(mergeProblems(FRAMEWORK_2010, uses), [
    { evaluationId: 'a', path: 'subareas.1.6', message: `Borås 2016: delområde 1.6 (poäng, text) finns inte i ${FRAMEWORK_2010.name}.` },
    { evaluationId: 'a', path: 'subareas.1.2', message: 'Borås 2016: Delområde 1.2: 24 poäng är mer än max 20.' },
  ]);
  assert.deepEqual(mergeProblems(FRAMEWORK_2010, uses.filter((u) => u.evaluationId === 'b')), []);
});
