import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { csvField, csvHeader, csvRow, decimalComma, OPEN_DATA_COLUMNS, openDataRows } from '../../src/domain/open-data.ts';

const evaluation = { evaluationId: 'e1', municipalityCode: '0114', municipalityName: 'Upplands Väsby', countyCode: '01', countyName: 'Stockholms län', year: 2020, month: 5, reportDate: null, frameworkId: 'kk2020' };

test('CSV fields for Swedish Excel: decimal comma, quoting, formula-like text made inert, unknown empty', () => {
  assert.equal(decimalComma(16.4), '16,4');
  assert.equal(decimalComma(0.1 + 0.2), '0,3');
  assert.equal(csvField(-3.25), '-3,25');
  assert.equal(csvField('Örebro'), 'Örebro');
  assert.equal(csvField('Ja; nej'), '"Ja; nej"');
  assert.equal(csvField('Säger "hej"'), '"Säger ""hej"""');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField(null), '');
  assert.equal(csvField('0114'), '0114');
});

test('rows per level in framework order; codes as text; unknown points stay empty, never 0', () => {
  const values = new Map([
    ['total:', { score: 512.5, source: 'computed' }],
    ['area:1', { score: 61.5, source: 'subareas' }],
    ['subarea:1.1', { score: 16.4, source: 'subareas' }],
  ]);
  const [total] = openDataRows(FRAMEWORK_2020, { evaluation, values }, 'evaluation');
  assert.deepEqual([total?.points, total?.max, total?.percent, total?.source], [512.5, 800, 64.1, 'computed']);
  const areas = openDataRows(FRAMEWORK_2020, { evaluation, values }, 'area');
  assert.equal(areas.length, 8);
  assert.deepEqual([areas[1]?.points, areas[1]?.source], [null, 'unknown']);
  const subs = openDataRows(FRAMEWORK_2020, { evaluation, values }, 'subarea');
  assert.equal(subs[0]?.percent, 82, '16,4 of 20');
  const cols = OPEN_DATA_COLUMNS.subarea;
  assert.equal(csvHeader(cols), 'Utvärdering-id;Kommunkod;Kommun;Länskod;Län;År;Månad;Rapportdatum;Ramverk-id;Ramverk;Område;Delområde;Rubrik;Poäng;Max;Procent;Källa\r\n');
  assert.equal(csvRow(cols, subs[0] ?? {}), `e1;0114;Upplands Väsby;01;Stockholms län;2020;5;;kk2020;${FRAMEWORK_2020.name};1;1.1;Strategi för demokratiutveckling och information;16,4;20;82;subareas\r\n`);
  assert.match(csvRow(cols, subs[1] ?? {}), /;;10;;unknown\r\n$/);
});
