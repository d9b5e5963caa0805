import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../../src/catalog/framework-2020.ts';
import { buildReportViewModel } from '../../../src/reports/view-model.ts';
import { markdownToBlocks } from '../../../src/reports/markdown.ts';
import { formatDateSv, ordinalSv, swedishTypography } from '../../../src/reports/typography.ts';
import { burlovDemoInput, burlovReportInput, makeEvaluation, makeSummary } from './fixtures.ts';

const NBSP = '\u00a0';

void test('Burlöv 2020: title page, summary facts and total as printed', () => {
  const vm = buildReportViewModel(burlovReportInput());
  assert.equal(vm.meta.title, 'Kommunkompassen – Burlöv 2020');
  assert.equal(vm.meta.fileBase, 'kommunkompassen-burlov-2020');
  assert.equal(vm.titlePage.municipality, 'Burlöv');
  assert.equal(vm.titlePage.dateText, '8 december 2020');
  assert.deepEqual(vm.titlePage.evaluators, ['Christine Feuk, SKR (huvudutvärderare)']);
  assert.equal(vm.titlePage.statusWarning, null);
  const facts = Object.fromEntries(vm.summary.facts.map((f) => [f.label, f.value]));
  assert.equal(facts['Tidpunkt'], '8 december 2020');
  assert.equal(facts['Utvärdering i ordning'], 'Kommunens andra utvärdering med Kommunkompassen');
  assert.equal(facts['Intervjuer'], 'cirka 40');
  assert.equal(facts['Totalpoäng'], `595 av 800 poäng (74${NBSP}%)`);
  assert.ok(vm.about.blocks.length >= 2, 'about text from framework.about');
});

void test('areas and subareas come in framework order whatever order the texts are stored in', () => {
  const input = burlovReportInput();
  input.evaluation.areas.reverse();
  const vm = buildReportViewModel(input);
  assert.deepEqual(vm.areas.map((a) => a.number), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(vm.areas[0]?.subareaList.map((s) => s.id), ['1.1', '1.2', '1.3', '1.4', '1.5']);
  assert.equal(vm.areas[0]?.heading, 'Område 1. Samspel mellan förtroendevalda och medborgare'.replace('Samspel mellan förtroendevalda och medborgare', FRAMEWORK_2020.areas[0]?.title ?? ''));
  assert.equal(vm.areas[0]?.scoreText, '79 av 100 poäng');
  assert.deepEqual(vm.areas[0]?.strengths.length, 3);
  assert.deepEqual(vm.summary.bar.data.areas.map((a) => a.number), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(vm.scoreOverview.tables.map((t) => t.number), [1, 2, 3, 4, 5, 6, 7, 8]);
});

void test('score overview prints rounded points and whole percent (16,4 of 20 → 16, 82 %)', () => {
  const base = burlovDemoInput();
  const input = burlovReportInput({ evaluation: { scores: { ...base.scores, '1.1': 16.4, '1.2': 7.5 } } });
  const vm = buildReportViewModel(input);
  const t1 = vm.scoreOverview.tables[0];
  assert.deepEqual(t1?.rows[0], { id: '1.1', title: FRAMEWORK_2020.areas[0]?.subareas[0]?.title, achieved: '16', max: '20', percent: `82${NBSP}%` });
  assert.equal(t1?.rows[1]?.achieved, '8', '7,5 rounds half up');
  assert.equal(t1?.rows[1]?.percent, `75${NBSP}%`);
  // Area total from the decimals: 16.4 + 7.5 + 25 + 6 + 25 = 79.9 → 80.
  assert.equal(t1?.total.achieved, '80');
  assert.equal(t1?.total.percent, `80${NBSP}%`);
  assert.equal(vm.scoreOverview.grandTotal.achieved, '596', '595.9 total printed as 596');
});

void test('unknown figures are shown as unknown, never as 0', () => {
  const base = burlovDemoInput();
  const scores = { ...base.scores };
  delete scores['4.2'];
  const vm = buildReportViewModel(burlovReportInput({ evaluation: { scores } }));
  const t4 = vm.scoreOverview.tables[3];
  assert.equal(t4?.rows[1]?.achieved, '–');
  assert.equal(t4?.rows[1]?.percent, '–');
  assert.equal(t4?.total.achieved, '–');
  assert.equal(t4?.total.percent, '–');
  assert.equal(vm.scoreOverview.grandTotal.achieved, '–');
  assert.equal(vm.areas[3]?.scoreText, 'Poäng: okänt');
  assert.equal(vm.summary.bar.data.areas[3]?.score, null);
  assert.match(vm.summary.bar.alt, /4 Effektivitet: okänt/);
  assert.equal(vm.summary.radar?.data.series[0]?.values[3], null);
  const facts = Object.fromEntries(vm.summary.facts.map((f) => [f.label, f.value]));
  assert.match(facts['Totalpoäng'] ?? '', /^okänt/);
});

void test('unknown subarea maximum (older versions) prints as –', () => {
  const fw = structuredClone(FRAMEWORK_2020);
  const sub = fw.areas[0]?.subareas[0];
  if (sub) sub.max = null;
  const input = burlovReportInput({ framework: fw });
  const vm = buildReportViewModel(input);
  assert.equal(vm.scoreOverview.tables[0]?.rows[0]?.max, '–');
  assert.equal(vm.scoreOverview.tables[0]?.rows[0]?.percent, '–');
});

void test('radar and comparison: this evaluation, average of comparable, previous in the same version', () => {
  const vm = buildReportViewModel(burlovReportInput());
  const radar = vm.summary.radar;
  assert.ok(radar);
  assert.deepEqual(radar.data.series.map((s) => s.name), ['Burlöv 2020', 'Genomsnitt (10 utvärderingar)', 'Burlöv 2016']);
  assert.ok(!vm.summary.notes.some((n) => /profildiagrammet visas inte/.test(n)));
  assert.equal(radar.data.indicators.length, 8);
  const c = vm.summary.comparison;
  assert.ok(c);
  assert.deepEqual(c.columns, ['Område', 'Burlöv 2020', 'Burlöv 2016', 'Genomsnitt']);
  assert.deepEqual(c.rows[0], { number: 1, title: `1. ${FRAMEWORK_2020.areas[0]?.title}`, score: '79', previous: '60', average: '58' });
  assert.equal(c.rows[5]?.average, '57', '57,25 → 57');
  assert.deepEqual(c.total, { number: 0, title: 'Totalt', score: '595', previous: '476', average: '486' });
});

void test('previous evaluation in another version: kept in the table, left out of the radar, with a note', () => {
  const input = burlovReportInput();
  input.summary = makeSummary(input.evaluation, input.framework, {
    previous: { year: 2016, frameworkId: 'kk2010', areas: [60, 55, 62, 58, 61, 57, 64, 59], total: 476 },
  });
  const vm = buildReportViewModel(input);
  assert.equal(vm.summary.radar, null, 'no average and no comparable previous: no radar');
  assert.equal(vm.summary.comparison?.columns.length, 3);
  assert.match(vm.summary.notes[0] ?? '', /annan version/);
  assert.ok(vm.summary.notes.some((n) => /profildiagrammet visas inte/.test(n)), 'says why the radar is missing');
});

void test('draft and review are marked on the title page', () => {
  const ev = makeEvaluation({ ...burlovDemoInput(), status: 'draft' });
  const vm = buildReportViewModel({ evaluation: ev, framework: FRAMEWORK_2020, summary: makeSummary(ev, FRAMEWORK_2020) });
  assert.match(vm.titlePage.statusWarning ?? '', /UTKAST/);
});

void test('narratives become safe blocks in subarea order; empty ones are left out', () => {
  const vm = buildReportViewModel(
    burlovReportInput({
      evaluation: {
        areas: [
          {
            number: 1,
            narratives: {
              '1.3': 'Tredje **viktigt** och *kursivt*.',
              '1.1': '# Rubrik\n\nFörsta med <script>alert(1)</script> och "citat".\n\n- ett\n- två',
              '1.2': '   ',
            },
            strengths: ['Bra "dialog"'],
          },
        ],
      },
    }),
  );
  const a1 = vm.areas[0];
  assert.deepEqual(a1?.narratives.map((n) => n.id), ['1.1', '1.3']);
  const n1 = a1?.narratives[0]?.blocks ?? [];
  assert.deepEqual(n1[0], { kind: 'paragraph', runs: [{ text: 'Rubrik', bold: true }] });
  assert.deepEqual(n1[1], { kind: 'paragraph', runs: [{ text: 'Första med alert(1) och ”citat”.' }] });
  assert.deepEqual(n1[2], { kind: 'list', ordered: false, items: [[{ text: 'ett' }], [{ text: 'två' }]] });
  assert.deepEqual(a1?.narratives[1]?.blocks[0], {
    kind: 'paragraph',
    runs: [{ text: 'Tredje ' }, { text: 'viktigt', bold: true }, { text: ' och ' }, { text: 'kursivt', italic: true }, { text: '.' }],
  });
  assert.deepEqual(a1?.strengths, ['Bra ”dialog”']);
  assert.deepEqual(vm.areas[1]?.strengths, [], 'area without stored text');
});

void test('key facts only when present', () => {
  assert.equal(buildReportViewModel(burlovReportInput()).keyFacts, null);
  const vm = buildReportViewModel(burlovReportInput({ evaluation: { keyFacts: [{ label: 'Invånare', value: '19 000' }, { label: 'Tomt', value: ' ' }] } }));
  assert.deepEqual(vm.keyFacts?.facts, [{ label: 'Invånare', value: '19 000' }]);
});

void test('the view model is plain data and deterministic', () => {
  const a = buildReportViewModel(burlovReportInput());
  const b = buildReportViewModel(burlovReportInput());
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  assert.deepEqual(a, b);
});

void test('typography helpers', () => {
  assert.equal(swedishTypography('Han sa "hej" - och gick...'), 'Han sa ”hej” – och gick…');
  assert.equal(ordinalSv(3), 'tredje');
  assert.equal(ordinalSv(21), '21:a');
  assert.equal(ordinalSv(13), '13:e');
  assert.equal(formatDateSv('2013-07-04'), '4 juli 2013');
  assert.deepEqual(markdownToBlocks('[SKR](https://skr.se) och `kod`'), [{ kind: 'paragraph', runs: [{ text: 'SKR (https://skr.se) och kod' }] }]);
});

void test('in English and Norwegian: headings, labels and framework titles translated, texts as written (Swedish)', () => {
  const sv = buildReportViewModel(burlovReportInput());
  const en = buildReportViewModel({ ...burlovReportInput(), lang: 'en' });
  const nb = buildReportViewModel({ ...burlovReportInput(), lang: 'nb' });
  assert.equal(en.lang, 'en');
  assert.equal(en.textLang, 'sv');
  assert.equal(en.meta.fileBase, 'kommunkompassen-burlov-2020-en');
  assert.equal(en.titlePage.dateText, '8 December 2020');
  assert.equal(nb.titlePage.dateText, '8. desember 2020');
  assert.equal(en.summary.heading, 'Summary');
  assert.equal(nb.summary.heading, 'Sammendrag');
  assert.equal(en.areas[1]?.heading, 'Area 2. Community development');
  assert.equal(nb.areas[1]?.heading, 'Område 2. Samfunnsutvikling');
  assert.equal(en.areas[0]?.scoreText, '79 of 100 points');
  assert.equal(en.scoreOverview.tables[1]?.rows[1]?.title, 'Social sustainability');
  const facts = Object.fromEntries(en.summary.facts.map((f) => [f.label, f.value]));
  assert.equal(facts['Evaluation in order'], 'The municipality’s second evaluation with Kommunkompassen');
  assert.equal(facts['Interviews'], 'about 40');
  assert.ok(en.summary.notes.some((n) => /unofficial translation/.test(n) && /in Swedish/.test(n)));
  assert.ok(nb.summary.notes.some((n) => /uoffisiell oversettelse/.test(n)));
  // The evaluators' texts are the same in every language.
  assert.deepEqual(en.areas.map((a) => [a.summary, a.narratives.map((n) => n.blocks), a.strengths, a.improvements]), sv.areas.map((a) => [a.summary, a.narratives.map((n) => n.blocks), a.strengths, a.improvements]));
  assert.deepEqual(en.summary.comments, sv.summary.comments);
  assert.equal(en.labels.chart.unknown, 'unknown');
});
