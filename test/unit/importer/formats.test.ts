import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_FRAMEWORKS } from '../../../src/catalog/frameworks.ts';
import { decodeText, extractText } from '../../../src/importer/extract.ts';
import { importReportFile } from '../../../src/importer/import-file.ts';
import { renderDocx, renderPdf } from './fixtures.ts';
import { readSeed } from './seeds.ts';

const frameworks = CATALOG_FRAMEWORKS;

void test('DOCX generated from the Burlöv seed imports like the text', async () => {
  const bytes = await renderDocx(readSeed('001'));
  const r = await importReportFile({ bytes, fileName: 'burlov-2020.docx', frameworks });
  assert.equal(r.ok, true);
  assert.equal(r.preview.framework?.id, 'kk2020');
  assert.deepEqual(r.preview.areas.map((a) => a.score), [79, 72, 80, 73, 70, 68, 78, 75]);
  assert.equal(r.preview.total, 595);
  assert.equal(r.preview.areas.flatMap((a) => a.subareas).filter((s) => s.achieved !== null).length, 35);
  assert.equal(r.preview.areas[0]?.strengths.length, 7);
  assert.equal(r.preview.areas[0]?.improvements.length, 2);
});

void test('PDF generated from the Borås seed imports with decimals recovered', async () => {
  const bytes = await renderPdf(readSeed('002'));
  const r = await importReportFile({ bytes, fileName: 'boras-2013.pdf', frameworks });
  assert.equal(r.ok, true);
  const p = r.preview;
  assert.equal(p.municipality?.code, '1490');
  assert.equal(p.framework?.id, 'kk2010');
  assert.deepEqual(p.areas.map((a) => a.score), [67, 53, 65, 65, 68, 65, 65, 78]);
  assert.equal(p.total, 525);
  assert.equal(p.areas[0]?.subareas[1]?.achieved, 16.4);
  assert.equal(p.areas[0]?.subareas[4]?.achieved, 4.9);
  assert.deepEqual(p.earlier, [{ year: 2010, total: 390, areas: [40, 49, 49, 48, 46, 47, 41, 69] }]);
});

void test('PDF generated from the Burlöv seed (tables laid out in columns) imports all 35 subareas', async () => {
  const bytes = await renderPdf(readSeed('001'));
  const r = await importReportFile({ bytes, fileName: 'burlov-2020.pdf', frameworks });
  assert.equal(r.ok, true);
  assert.deepEqual(r.preview.areas.map((a) => a.score), [79, 72, 80, 73, 70, 68, 78, 75]);
  assert.deepEqual(
    r.preview.areas.map((a) => a.subareas.map((s) => s.achieved)),
    [[15, 8, 25, 6, 25], [11, 26, 18, 17], [8, 30, 24, 18], [16, 19, 21, 17], [17, 12, 17, 15, 9], [15, 15, 19, 19], [15, 30, 21, 12], [14, 16, 16, 15, 14]],
  );
  assert.equal(r.preview.areas[0]?.strengths.length, 7);
});

void test('text files: UTF-8, else Windows-1252; unreadable files are refused with a message', async () => {
  assert.equal(decodeText(new Uint8Array([0x42, 0xc3, 0xa5])), 'Bå');
  assert.equal(decodeText(new Uint8Array([0x42, 0xe5, 0x72, 0xe5, 0x73])), 'Bårås');
  // eslint-disable-next-line no-control-regex -- keep only characters Latin-1 can encode
  const latin = new TextEncoder().encode(readSeed('002').replace(/[^\u0000-\u00ff]/g, ' '));
  const asLatin1 = Uint8Array.from(Buffer.from(new TextDecoder().decode(latin), 'latin1'));
  const r = await importReportFile({ bytes: asLatin1, fileName: 'boras.txt', frameworks });
  assert.equal(r.ok, true);
  assert.equal(r.preview.municipality?.name, 'Borås');
  const bad = await importReportFile({ bytes: new TextEncoder().encode('%PDF-1.7 garbage'), fileName: 'trasig.pdf', frameworks });
  assert.equal(bad.ok, false);
  assert.match(bad.preview.problems[0]?.message ?? '', /PDF/);
  const badDocx = await importReportFile({ bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), fileName: 'trasig.docx', frameworks });
  assert.equal(badDocx.ok, false);
  assert.match(badDocx.preview.problems[0]?.message ?? '', /Word/);
  await assert.rejects(extractText(new Uint8Array([1, 2, 3]), 'bild.png'), /format som inte stöds/);
  await assert.rejects(extractText(new Uint8Array(0), 'tom.txt'), /tom/);
});
