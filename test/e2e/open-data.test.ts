/**
 * Open data over HTTP: CSV (UTF-8 BOM, `;`, decimal comma), XLSX and JSON of the published scores with
 * the licence, and the comparison export. The CSV and XLSX are opened by LibreOffice Calc (headless, in
 * Swedish) and their cells read back: Swedish characters, decimal commas and codes as text survive.
 * Needs Debian libreoffice-calc-nogui; skipped with the reason when missing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { SYSTEM } from '../../src/domain/access.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { scoresFor } from '../helpers/factories.ts';

const CALC = spawnSync('sh', ['-c', 'command -v soffice']).status === 0 && existsSync('/usr/lib/libreoffice/program/libsclo.so');
const skipCalc = CALC ? false : 'LibreOffice Calc missing (apt-get install libreoffice-calc-nogui)';
/** CSV filter options: `;` separator, `"` quotes, UTF-8 (76), from line 1, Swedish locale (1053) for numbers. */
const CSV_FILTER = '59,34,76,1,,1053';

describe('open data downloads', () => {
  let t: TestApp;
  let dir = '';
  let orebro = '';
  let vasby = '';
  before(async () => {
    t = await createTestApp();
    dir = mkdtempSync(path.join(os.tmpdir(), 'kompass-open-data-'));
    const scores = { ...scoresFor(FRAMEWORK_2020, 0.5), '1.1': 16.4 };
    orebro = (await t.services.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1880', frameworkId: 'kk2020', year: 2021, status: 'published', scores } })).id;
    vasby = (await t.services.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '0114', frameworkId: 'kk2020', year: 2022, status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.25) } })).id;
    // A draft never appears in open data.
    await t.services.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1480', frameworkId: 'kk2020', year: 2023, scores: scoresFor(FRAMEWORK_2020, 0.9) } });
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const soffice = (args: string[]) => {
    // Swedish locale for LibreOffice's own number formatting ("as shown" in a CSV export): 16,4.
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', ...args], { timeout: 120_000, env: { ...process.env, LC_ALL: 'sv_SE.UTF-8', LANG: 'sv_SE.UTF-8' } });
    assert.equal(r.status, 0, r.stderr?.toString());
  };

  test('CSV: BOM, semicolons, decimal comma, SCB codes as text, licence in the headers; drafts left out', async () => {
    const res = await t.app.inject({ url: '/api/open-data/scores.csv?level=subarea' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers.link), /creativecommons\.org\/licenses\/by\/4\.0.*rel="license"/);
    assert.equal(res.headers['x-license'], 'CC-BY-4.0');
    assert.match(String(res.headers['content-disposition']), /kommunkompassen-delomraden\.csv/);
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'Utvärdering-id;Kommunkod;Kommun;Länskod;Län;År;Månad;Rapportdatum;Ramverk-id;Ramverk;Område;Delområde;Rubrik;Poäng;Max;Procent;Källa');
    const subareas = FRAMEWORK_2020.areas.flatMap((a) => a.subareas).length;
    assert.equal(lines.length, 1 + 2 * subareas, 'two published evaluations, every subarea, no draft');
    const row = lines.find((l) => l.startsWith(`${orebro};`) && l.includes(';1.1;'));
    assert.match(row ?? '', /;1880;Örebro;18;Örebro län;2021;/);
    assert.match(row ?? '', /;16,4;20;82;subareas$/);
    assert.ok(lines.some((l) => l.startsWith(`${vasby};0114;Upplands Väsby;01;`)), 'leading zero kept');
    writeFileSync(path.join(dir, 'scores.csv'), res.rawPayload);
  });

  test('JSON: licence, columns and items; evaluation level', async () => {
    const res = await t.app.inject({ url: '/api/open-data/scores.json?level=evaluation' });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { licence: { id: string }; level: string; items: Array<{ municipalityCode: string; points: number | null; max: number }> };
    assert.equal(body.licence.id, 'CC-BY-4.0');
    assert.equal(body.level, 'evaluation');
    assert.deepEqual(body.items.map((i) => i.municipalityCode).sort(), ['0114', '1880']);
    assert.ok(body.items.every((i) => i.max === 800 && typeof i.points === 'number'));
    const bad = await t.app.inject({ url: '/api/open-data/scores.json?level=kommun' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /nivå: evaluation, area eller subarea/);
  });

  test('LibreOffice reads the CSV (Swedish settings): decimal comma becomes a number, Swedish characters intact', { skip: skipCalc }, async () => {
    soffice(['--infilter=CSV:' + CSV_FILTER, '--convert-to', 'xlsx', '--outdir', path.join(dir, 'from-csv'), path.join(dir, 'scores.csv')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'from-csv', 'scores.xlsx'));
    const sheet = wb.worksheets[0];
    assert.ok(sheet);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.equal(header[1], 'Kommunkod');
    assert.equal(header[4], 'Län');
    assert.equal(header[13], 'Poäng');
    let found = false;
    sheet.eachRow((row) => {
      const v = row.values as unknown[];
      if (v[1] === orebro && v[12] === '1.1') {
        found = true;
        assert.equal(v[3], 'Örebro');
        assert.equal(v[5], 'Örebro län');
        assert.equal(v[14], 16.4, 'the decimal comma was read as the number 16.4');
        assert.equal(v[15], 20);
      }
    });
    assert.ok(found, 'Örebro 1.1 row read back');
  });

  test('XLSX: a licence sheet, codes as text, numbers as numbers; LibreOffice (Swedish) shows 16,4 and Örebro', { skip: skipCalc }, async () => {
    const res = await t.app.inject({ url: '/api/open-data/scores.xlsx?level=subarea' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const file = path.join(dir, 'scores.xlsx');
    writeFileSync(file, res.rawPayload);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Delområden', 'Licens']);
    assert.match(String(wb.getWorksheet('Licens')?.getCell('B1').value), /CC BY 4\.0/);
    // Calc converts the first sheet to CSV with Swedish number formatting.
    soffice(['--convert-to', `csv:Text - txt - csv (StarCalc):${CSV_FILTER}`, '--outdir', path.join(dir, 'from-xlsx'), file]);
    const csv = readFileSync(path.join(dir, 'from-xlsx', 'scores.csv'), 'utf8');
    const row = csv.split(/\r?\n/).find((l) => l.startsWith(`${orebro};`) && l.includes(';1.1;'));
    assert.match(row ?? '', /;1880;Örebro;18;Örebro län;2021;/);
    assert.match(row ?? '', /;16,4;20;82;subareas/);
    assert.ok(csv.split(/\r?\n/).some((l) => l.startsWith(`${vasby};0114;Upplands Väsby;01;`)), 'codes stay text: 0114, not 114');
  });

  test('comparison export: same rows as the comparison, licence, and a refused id answers 404', async () => {
    const res = await t.app.inject({ url: `/api/comparisons/export.csv?ids=${orebro},${vasby}` });
    assert.equal(res.statusCode, 200);
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.match(lines[0] ?? '', /^Jämförelserad;Utvärdering-id;Kommunkod;Kommun;År;Ramverk;/);
    assert.equal(lines.length, 1 + 8 * 2 + 2);
    assert.ok(lines.some((l) => l.startsWith('Totalt;') && l.includes(';0114;Upplands Väsby;2022;')));
    const missing = await t.app.inject({ url: `/api/comparisons/export.csv?ids=${orebro},00000000-0000-4000-8000-000000000000` });
    assert.equal(missing.statusCode, 404);
  });
});
