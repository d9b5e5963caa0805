import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_FRAMEWORKS } from '../../../src/catalog/frameworks.ts';
import { EvaluationInputSchema } from '../../../src/domain/evaluation.ts';
import { importReportText } from '../../../src/importer/import-report.ts';
import type { ImportResult } from '../../../src/importer/types.ts';
import { readSeed } from './seeds.ts';

const run = (prefix: string): ImportResult => importReportText(readSeed(prefix), { fileName: `${prefix}.txt`, frameworks: CATALOG_FRAMEWORKS });

void test('Burlöv 2020 (seed 001): 2020 revision, 35 subareas with printed points, areas and total 595', () => {
  const r = run('001');
  assert.equal(r.ok, true);
  const p = r.preview;
  assert.deepEqual(p.municipality, { code: '1231', name: 'Burlöv' });
  assert.equal(p.year, 2020);
  assert.equal(p.month, 12);
  assert.equal(p.reportDate, '2020-12-08');
  assert.equal(p.ordinal, 2);
  assert.equal(p.interviews, 40);
  assert.equal(p.interviewsApprox, true);
  assert.deepEqual(p.evaluators, [{ name: 'Christine Feuk', organisation: 'SKR', isLead: true }]);
  assert.deepEqual(p.framework, { id: 'kk2020', name: 'Kommunkompassen 2020', derived: false });
  assert.deepEqual(p.areas.map((a) => a.score), [79, 72, 80, 73, 70, 68, 78, 75]);
  assert.equal(p.total, 595);
  const subs = p.areas.flatMap((a) => a.subareas);
  assert.equal(subs.length, 35);
  assert.ok(subs.every((s) => s.achieved !== null && Number.isInteger(s.achieved)), 'all printed points, no invented decimals');
  const byId = Object.fromEntries(subs.map((s) => [s.id, s]));
  assert.deepEqual(byId['1.1'], { id: '1.1', title: byId['1.1']?.title, achieved: 15, max: 20, percent: 75 });
  assert.equal(byId['1.3']?.achieved, 25);
  assert.equal(byId['7.1']?.achieved, 15);
  assert.equal(byId['8.5']?.achieved, 14);
  for (const a of p.areas) {
    const sum = a.subareas.reduce((n, s) => n + (s.achieved ?? 0), 0);
    assert.equal(sum, a.score, `område ${a.number}`);
    assert.ok(a.strengths.length > 0, `styrkor i område ${a.number}`);
    assert.ok(a.improvements.length > 0, `förbättringsmöjligheter i område ${a.number}`);
  }
  assert.equal(p.areas[0]?.strengths.length, 7);
  assert.equal(p.areas[0]?.improvements.length, 2);
  assert.ok(p.areas[0]?.narratives.includes('1.1'));
  assert.ok(p.summary.length > 200);
  assert.equal(p.problems.filter((x) => x.severity === 'error').length, 0);
  assert.ok(EvaluationInputSchema.safeParse(r.input).success);
  assert.equal(r.input?.scores?.['1.1'], 15);
});

void test('Borås 2013 (seed 002): 2010 revision, printed areas and total, decimals recovered, 2010 evaluation', () => {
  const r = run('002');
  assert.equal(r.ok, true);
  const p = r.preview;
  assert.deepEqual(p.municipality, { code: '1490', name: 'Borås' });
  assert.equal(p.year, 2013);
  assert.equal(p.month, 5);
  assert.equal(p.reportDate, '2013-07-04');
  assert.equal(p.ordinal, 3);
  assert.equal(p.framework?.id, 'kk2010');
  assert.equal(p.framework?.derived, false);
  assert.deepEqual(p.areas.map((a) => a.score), [67, 53, 65, 65, 68, 65, 65, 78]);
  assert.equal(p.total, 525);
  assert.equal(p.totalSource, 'printed');
  assert.ok(p.problems.some((x) => /526/.test(x.message)), 'the 526 vs 525 rounding is listed');
  const byId = Object.fromEntries(p.areas.flatMap((a) => a.subareas).map((s) => [s.id, s]));
  assert.equal(byId['1.1']?.achieved, 3);
  assert.equal(byId['1.2']?.achieved, 16.4);
  assert.equal(byId['1.2']?.percent, 82);
  assert.equal(byId['1.5']?.achieved, 4.9);
  for (const n of [1, 2, 3]) {
    const a = p.areas[n - 1];
    assert.ok(a?.subareas.every((s) => s.achieved !== null), `område ${n} har alla delområden`);
    const sum = a?.subareas.reduce((x, s) => x + (s.achieved ?? 0), 0) ?? 0;
    assert.ok(Math.abs(sum - (a?.score ?? 0)) < 0.5, `område ${n}: ${sum}`);
  }
  for (const n of [4, 5, 6, 7, 8]) assert.ok(p.areas[n - 1]?.subareas.every((s) => s.achieved === null), `område ${n} okänt`);
  assert.deepEqual(p.earlier, [{ year: 2010, total: 390, areas: [40, 49, 49, 48, 46, 47, 41, 69] }]);
  assert.equal(r.earlierInputs.length, 1);
  assert.equal(r.earlierInputs[0]?.statedTotal, 390);
  assert.equal(p.evaluators.length, 3);
  assert.deepEqual(p.evaluators[2], { name: 'Anders Bergenek', organisation: 'Halmstad kommun', isLead: false });
  // The list of other documents before "Transkript:" does not fool the importer.
  assert.ok(!p.problems.some((x) => /Vårgårda|Torsås/.test(x.message)));
  assert.ok(EvaluationInputSchema.safeParse(r.input).success);
});

void test('Örebro 2015 (seed 004): total 650, area scores stated in the text, subarea numbers unknown', () => {
  const r = run('004');
  assert.equal(r.ok, true);
  const p = r.preview;
  assert.deepEqual(p.municipality, { code: '1880', name: 'Örebro' });
  assert.equal(p.year, 2015);
  assert.equal(p.month, 10);
  assert.equal(p.ordinal, 5);
  assert.equal(p.interviews, 30);
  assert.equal(p.framework?.id, 'kk2010');
  assert.equal(p.total, 650);
  assert.deepEqual(p.areas.map((a) => a.score), [null, null, 89, 80, null, null, null, 90]);
  assert.ok(p.areas.every((a) => a.subareas.every((s) => s.achieved === null && s.percent === null)));
  assert.ok(p.problems.some((x) => /saknar siffror/.test(x.message)));
  // Scores from the 2012 excerpts and the action-plan annex after the report are not used.
  assert.deepEqual(p.earlier, []);
  assert.ok(p.areas[0]?.improvements.length === 3);
  assert.ok(EvaluationInputSchema.safeParse(r.input).success);
  assert.deepEqual(r.input?.scores, {});
});

void test('seed 000 is refused as not an evaluation report', () => {
  const r = run('000');
  assert.equal(r.ok, false);
  assert.equal(r.input, null);
  assert.match(r.preview.problems[0]?.message ?? '', /inte en utvärderingsrapport/);
});

void test('empty and garbage input give clear messages', () => {
  const empty = importReportText('', { fileName: 'tom.txt', frameworks: CATALOG_FRAMEWORKS });
  assert.equal(empty.ok, false);
  assert.match(empty.preview.problems[0]?.message ?? '', /tom/);
  const garbage = importReportText('\u0001\u0002 %%% 12 34 56 % Område 9 ???'.repeat(500), { fileName: 'x.txt', frameworks: CATALOG_FRAMEWORKS });
  assert.equal(garbage.ok, false);
});

void test('a truncated report is refused', () => {
  const text = readSeed('001');
  const cut = text.slice(0, Math.floor(text.indexOf('Område 6 Kvalitetsutveckling\n')));
  const r = importReportText(cut, { fileName: 'kort.txt', frameworks: CATALOG_FRAMEWORKS });
  assert.equal(r.ok, false);
  assert.ok(r.preview.problems.some((x) => /avkortad/.test(x.message)));
});
