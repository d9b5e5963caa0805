import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIndicatorCsv, parseIndicatorFile, parseKoladaJson } from '../../../src/domain/indicator-file.ts';

const kolada = JSON.stringify(
  {
    values: [
      { kpi: 'U07414', municipality: '1480', period: 2015, values: [{ gender: 'T', count: 1, status: '', value: 67.0 }] },
      { kpi: 'U07414', municipality: '1480', period: 2016, values: [{ gender: 'T', count: 1, status: '', value: 69.0 }, { gender: 'K', status: '', value: 70.5 }, { gender: 'M', status: 'Bortfall', value: null }] },
    ],
    count: 2,
    next_page: null,
  },
  null,
  2,
);

void test('Kolada JSON: a page with count/next_page gives one row per entry and gender', () => {
  const r = parseKoladaJson(kolada);
  assert.ok(r.ok);
  assert.equal(r.rows.length, 4);
  assert.deepEqual(r.rows.map((x) => [x.period, x.gender, x.value]), [[2015, 'T', 67], [2016, 'T', 69], [2016, 'K', 70.5], [2016, 'M', null]]);
  assert.equal(r.rows[3]?.status, 'Bortfall');
  assert.equal(r.rows[0]?.municipality, '1480');
});

void test('Kolada JSON: a bare list of entries and a period as a string are read too', () => {
  const r = parseKoladaJson('[{"kpi":"N00945","municipality":"1231","period":"2020","values":[{"gender":"T","value":12}]}]');
  assert.ok(r.ok);
  assert.equal(r.rows[0]?.period, 2020);
});

void test('Kolada JSON: bad entries are refused with line and entry, all of them, nothing kept', () => {
  const bad = '{"values":[\n  {"kpi":"U07414","municipality":"1480","period":2016,"values":[{"gender":"T","value":69}]},\n  {"kpi":"U07414","municipality":"1231","period":"tjugo",\n   "values":[{"gender":"X","value":"x"}]}\n]}';
  const r = parseKoladaJson(bad);
  assert.ok(!r.ok);
  const msgs = r.errors.map((e) => e.message);
  assert.deepEqual(r.errors.map((e) => e.path), ['values[1].period', 'values[1].values[0].gender', 'values[1].values[0].value']);
  assert.match(msgs[0] ?? '', /^Rad 3, post values\[1\]\.period: "period" ska vara ett årtal som 2016, inte "tjugo"/);
  assert.equal(r.errors[1]?.line, 4);
});

void test('Kolada JSON: broken JSON says on which line', () => {
  const r = parseKoladaJson('{"values": [\n {"kpi": "U07414",\n  "municipality" "1480"}\n]}');
  assert.ok(!r.ok);
  assert.equal(r.errors[0]?.line, 3);
  assert.match(r.errors[0]?.message ?? '', /Rad 3: ogiltig JSON, väntade ":"/);
  const cut = parseKoladaJson('{"values": [{"kpi": "U07414"');
  assert.ok(!cut.ok && /filens slut|väntade/.test(cut.errors[0]?.message ?? ''));
  const none = parseKoladaJson('{"count": 0}');
  assert.ok(!none.ok && /ingen lista "values"/.test(none.errors[0]?.message ?? ''));
});

void test('CSV: semicolons with decimal comma, Swedish headers, optional municipality and gender', () => {
  const r = parseIndicatorCsv('\ufeffNyckeltal;Kommunkod;År;Värde;Kön;Namn\nU07414;1480;2009;62;T;NKI företagsklimat\nU07414;1480;2015;67,5;;NKI företagsklimat\n\n');
  assert.ok(r.ok);
  assert.deepEqual(r.rows.map((x) => [x.period, x.value, x.gender, x.name]), [[2009, 62, 'T', 'NKI företagsklimat'], [2015, 67.5, 'T', 'NKI företagsklimat']]);
  const comma = parseIndicatorCsv('kpi,period,value\nU1,2020,"1.5"\n');
  assert.ok(comma.ok && comma.rows[0]?.value === 1.5 && comma.rows[0]?.municipality === null);
});

void test('CSV: errors name the line and the column', () => {
  const r = parseIndicatorCsv('kpi;period;value\nU1;2020;12\nU1;tjugo;x\nU1;2021;5;\n');
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.map((e) => e.line), [3, 3]);
  assert.match(r.errors[0]?.message ?? '', /^Rad 3, kolumn period: perioden ska vara ett årtal/);
  const header = parseIndicatorCsv('namn;år\nX;2020\n');
  assert.ok(!header.ok && /rubrikraden saknar "kpi", "value"/.test(header.errors[0]?.message ?? ''));
});

void test('file type: by name and content; something else is refused', () => {
  assert.equal(parseIndicatorFile('data.bin', kolada).format, 'kolada');
  assert.equal(parseIndicatorFile('v.csv', 'kpi;period;value\nU1;2020;1').format, 'csv');
  const other = parseIndicatorFile('bild.png', '\u0089PNG');
  assert.ok(!other.ok && other.format === 'unknown');
});
