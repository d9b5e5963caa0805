/**
 * Reports end to end: HTTP → PDF/DOCX → pages as images. Needs Debian poppler-utils (pdftoppm,
 * pdfinfo, pdffonts, pdftotext), qpdf, and libreoffice-writer (DOCX → PDF); each check is skipped with
 * the reason when its tool is missing. PDF/A-2b is checked concretely (veraPDF is not packaged in
 * Debian): XMP pdfaid part 2 / conformance B, an sRGB output intent (GTS_PDFA1), every font embedded,
 * no encryption, tagged structure tree, document title and language, and a clean qpdf --check.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { SYSTEM } from '../../src/domain/access.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';

const has = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const POPPLER = has('pdftoppm') && has('pdfinfo') && has('pdffonts') && has('pdftotext');
const QPDF = has('qpdf');
const SOFFICE = has('soffice');
const skipPoppler = POPPLER ? false : 'poppler-utils missing (apt-get install poppler-utils)';

function run(bin: string, args: string[], input?: Buffer): { status: number | null; stdout: string; stdoutBuf: Buffer; stderr: string } {
  const r = spawnSync(bin, args, { input, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout?.toString('utf8') ?? '', stdoutBuf: r.stdout ?? Buffer.alloc(0), stderr: r.stderr?.toString('utf8') ?? '' };
}

/** Reads a binary PPM (P6) as written by pdftoppm. */
function readPpm(buf: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = buf.subarray(0, 64).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('not a PPM');
  return { width: Number(m[1]), height: Number(m[2]), pixels: buf.subarray(m[0].length) };
}

/** Share of pixels close to a colour. */
function colourShare(ppm: { pixels: Buffer }, rgb: [number, number, number], tolerance = 24): number {
  let hits = 0;
  const n = ppm.pixels.length / 3;
  for (let i = 0; i < ppm.pixels.length; i += 3) {
    if (Math.abs((ppm.pixels[i] ?? 0) - rgb[0]) <= tolerance && Math.abs((ppm.pixels[i + 1] ?? 0) - rgb[1]) <= tolerance && Math.abs((ppm.pixels[i + 2] ?? 0) - rgb[2]) <= tolerance) hits++;
  }
  return hits / n;
}

function pageImage(pdfFile: string, page: number, dpi = 40): { width: number; height: number; pixels: Buffer } {
  const r = run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdfFile]);
  assert.equal(r.status, 0, r.stderr);
  return readPpm(r.stdoutBuf);
}

const ACCENT: [number, number, number] = [0x1f, 0x4e, 0x89];

function pagesWithText(pdfFile: string, needle: RegExp): number[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdfFile]).stdout)?.[1] ?? 0);
  const out: number[] = [];
  for (let p = 1; p <= pages; p++) if (needle.test(run('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdfFile, '-']).stdout)) out.push(p);
  return out;
}

/** Like assert.match, without printing a whole XML part on failure. */
function contains(text: string, re: RegExp): void {
  assert.ok(re.test(text), `expected ${re}`);
}

function expectOk(res: LightMyRequestResponse, type: RegExp): Buffer {
  assert.equal(res.statusCode, 200, res.body.slice(0, 500));
  assert.match(String(res.headers['content-type']), type);
  return res.rawPayload;
}

void describe('evaluation report files', () => {
  let t: TestApp;
  let burlovId = '';
  let dir = '';
  before(async () => {
    t = await createTestApp({ demo: true });
    const list = await t.app.inject({ url: '/api/evaluations?municipality=1231' });
    burlovId = (list.json() as { items: Array<{ id: string; year: number }> }).items.find((i) => i.year === 2020)?.id ?? '';
    dir = mkdtempSync(path.join(os.tmpdir(), 'kompass-report-'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  void test('GET report.pdf: type, file name, ETag; second request from the cache; 304 on If-None-Match', async () => {
    const res = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.pdf` });
    const body = expectOk(res, /^application\/pdf/);
    assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(res.headers['content-disposition'], `attachment; filename="kommunkompassen-burlov-2020.pdf"; filename*=UTF-8''kommunkompassen-burlov-2020.pdf`);
    assert.equal(res.headers['x-report-cache'], 'miss');
    const again = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.pdf?disposition=inline` });
    assert.equal(again.headers['x-report-cache'], 'hit');
    assert.match(String(again.headers['content-disposition']), /^inline;/);
    assert.equal(again.headers.etag, res.headers.etag);
    const notModified = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.pdf`, headers: { 'if-none-match': String(res.headers.etag) } });
    assert.equal(notModified.statusCode, 304);
    writeFileSync(path.join(dir, 'burlov.pdf'), body);
  });

  void test('bad requests get problem+json with a Swedish message', async () => {
    const odt = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.odt` });
    assert.equal(odt.statusCode, 415);
    assert.match(String(odt.headers['content-type']), /^application\/problem\+json/);
    assert.match((odt.json() as { detail: string }).detail, /"odt" stöds inte/);
    const unknown = await t.app.inject({ url: '/api/evaluations/00000000-0000-4000-8000-000000000000/report.pdf' });
    assert.equal(unknown.statusCode, 404);
    assert.match((unknown.json() as { detail: string }).detail, /finns inte/);
    const badId = await t.app.inject({ url: '/api/evaluations/burlov/report.pdf' });
    assert.equal(badId.statusCode, 400);
  });

  void test('a draft is served only to a viewer who may see drafts', async () => {
    // The app's default resolver: anonymous requests are the public, who may not see drafts.
    const hidden = await buildEvaluation(t.services, { status: 'draft', scores: scoresFor(FRAMEWORK_2020, 0.5) });
    const res = await t.app.inject({ url: `/api/evaluations/${hidden.id}/report.pdf` });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.match((res.json() as { detail: string }).detail, /finns inte/);
    const staff = await createTestApp({ resolveViewer: () => SYSTEM });
    try {
      const draft = await buildEvaluation(staff.services, { status: 'draft', scores: scoresFor(FRAMEWORK_2020, 0.5) });
      const open = await staff.app.inject({ url: `/api/evaluations/${draft.id}/report.docx` });
      assert.equal(open.statusCode, 200, 'a viewer who may see drafts gets the report');
      assert.match(String(open.headers['content-disposition']), /-utkast\.docx"/);
      assert.equal(open.headers['cache-control'], 'private, no-store');
    } finally {
      await staff.close();
    }
  });

  void test('PDF pages: title, contents, charts drawn, all sections present', { skip: skipPoppler }, () => {
    const file = path.join(dir, 'burlov.pdf');
    const info = run('pdfinfo', [file]).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.ok(pages >= 8 && pages <= 20, `pages: ${pages}`);
    const text = run('pdftotext', ['-layout', file, '-']).stdout;
    for (const s of ['Burlöv', 'Innehåll', '1 Om Kommunkompassen', '2 Sammanfattning', '3 Resultat per område', '4 Poängöversikt', 'Styrkor', 'Förbättringsmöjligheter', 'Christine Feuk']) {
      assert.ok(text.includes(s), `missing "${s}"`);
    }
    assert.match(text, /595 av 800 poäng \(74\s%\)/, 'total as printed, no-break space before %');
    assert.match(text, /Kommunkompassen – Burlöv 2020\s+\d+|\n\s*\d+\s*\n/);
    // The page with the bar chart has many pixels in the chart colour; the title page hardly any.
    const [chartPage] = pagesWithText(file, /Poäng per område/);
    assert.ok(chartPage, 'bar chart caption found');
    const share = colourShare(pageImage(file, chartPage), ACCENT);
    assert.ok(share > 0.02, `bar chart colour covers ${(share * 100).toFixed(1)} % of page ${chartPage}`);
    const titleShare = colourShare(pageImage(file, 1), ACCENT);
    assert.ok(titleShare < share, 'title page has less chart colour');
    // Chart labels are real text (vector SVG), so they are extractable.
    assert.ok(text.includes('Samhällsutveckling'), 'chart or table labels as text');
  });

  void test('PDF/A-2b: XMP identification, output intent, embedded fonts, no encryption, tagged, title and language', { skip: skipPoppler || (QPDF ? false : 'qpdf missing (apt-get install qpdf)') }, () => {
    const file = path.join(dir, 'burlov.pdf');
    const check = run('qpdf', ['--check', file]);
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /No syntax or stream encoding errors/);
    const info = run('pdfinfo', [file]).stdout;
    assert.match(info, /Title:\s+Kommunkompassen – Burlöv 2020/);
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Encrypted:\s+no/);
    const fonts = run('pdffonts', [file]).stdout.split('\n').slice(2).filter((l) => l.trim());
    assert.ok(fonts.length >= 3, fonts.join('\n'));
    for (const line of fonts) {
      const cols = line.trim().split(/\s+/);
      assert.equal(cols[cols.length - 5], 'yes', `font not embedded: ${line}`);
    }
    assert.ok(fonts.some((l) => /Inter/.test(l)) && fonts.some((l) => /SourceSerif4/.test(l)), 'the project fonts are used');
    const qdf = run('qpdf', ['--qdf', '--object-streams=disable', file, '-']).stdoutBuf.toString('latin1');
    assert.match(qdf, /<pdfaid:part>2<\/pdfaid:part>|pdfaid:part="2"/);
    assert.match(qdf, /<pdfaid:conformance>B<\/pdfaid:conformance>|pdfaid:conformance="B"/);
    assert.match(qdf, /\/OutputIntents/);
    assert.match(qdf, /\/S \/GTS_PDFA1/);
    assert.match(qdf, /\/DestOutputProfile/);
    assert.match(qdf, /\/Lang \(sv-SE\)/);
    assert.match(qdf, /\/StructTreeRoot/);
    assert.doesNotMatch(qdf, /\/Encrypt\s/);
    assert.doesNotMatch(qdf, /\/JavaScript|\/JS\s/);
  });

  void test('?lang=en and ?lang=nb: headings, labels and titles translated, texts as written and marked Swedish (PDF and DOCX)', { skip: skipPoppler }, async () => {
    const res = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.pdf?lang=en` });
    const body = expectOk(res, /^application\/pdf/);
    assert.match(String(res.headers['content-disposition']), /kommunkompassen-burlov-2020-en\.pdf"/);
    const file = path.join(dir, 'burlov-en.pdf');
    writeFileSync(file, body);
    // Joined across lines; words hyphenated at a line end are joined again.
    const text = run('pdftotext', [file, '-']).stdout.replace(/(\p{L})[-\u00ad]\n(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
    for (const s of ['Summary', 'Results per area', 'Score overview', 'Strengths', 'Improvement opportunities', 'Area 2. Community development', 'Social sustainability', '595 of 800 points', 'unofficial translation'])
      assert.ok(text.includes(s), `English PDF has "${s}"`);
    for (const s of ['Sammanfattning', 'Resultat per område', 'Poängöversikt', 'Förbättringsmöjligheter', 'Samhällsutveckling'])
      assert.ok(!text.includes(s), `English PDF has no Swedish label "${s}"`);
    // The evaluators' texts are printed as written.
    const sv = (await t.services.reports.getReportViewModel({ id: burlovId, viewer: SYSTEM })).areas[0]?.strengths[0] ?? '';
    assert.ok(sv.length > 5 && text.includes(sv.replace(/\s+/g, ' ')), 'a Swedish strength is in the English PDF');
    const catalog = run('qpdf', ['--qdf', '--object-streams=disable', file, '-']).stdout;
    assert.match(catalog, /\/Lang \((?:en|en-GB)\)/);
    assert.equal(res.headers['x-report-cache'], 'miss');
    const svAgain = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.pdf` });
    assert.notEqual(svAgain.headers.etag, res.headers.etag, 'each language is its own file');

    const nb = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.docx?lang=nb` });
    const docx = expectOk(nb, /wordprocessingml/);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(docx);
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    contains(styles, /<w:lang w:val="nb-NO"\/>/);
    contains(documentXml, /Resultater per område/);
    contains(documentXml, /Område 2\. Samfunnsutvikling/);
    contains(documentXml, /<w:lang w:val="sv-SE"\/>/);
    const bad = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.pdf?lang=de` });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /sv, en eller nb/);
  });

  void test('DOCX: heading styles, tables, charts as PNG with alt text; LibreOffice renders it', async (tt) => {
    const res = await t.app.inject({ url: `/api/evaluations/${burlovId}/report.docx` });
    const body = expectOk(res, /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/);
    const file = path.join(dir, 'burlov-word.docx');
    writeFileSync(file, body);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(body);
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    contains(styles, /w:styleId="Heading1"/);
    contains(documentXml, /<w:pStyle w:val="Heading1"\/>/);
    contains(documentXml, /<w:pStyle w:val="Heading2"\/>/);
    contains(documentXml, /<w:tbl>/);
    contains(documentXml, /<w:tblHeader\/>|<w:tblHeader w:val="true"\/>/);
    contains(documentXml, /<w:instrText[^>]*>TOC /);
    contains(documentXml, /descr="Stapeldiagram över poäng per område\. 1 /);
    contains(styles, /<w:lang w:val="sv-SE"/);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    assert.ok(media.length >= 1, `charts as images: ${media.join(', ')}`);
    const png = await zip.file(media[0] ?? '')?.async('nodebuffer');
    assert.equal(png?.subarray(1, 4).toString('latin1'), 'PNG');

    if (!SOFFICE || !POPPLER) {
      tt.skip('libreoffice-writer or poppler-utils missing (apt-get install libreoffice-writer-nogui poppler-utils)');
      return;
    }
    const profile = path.join(dir, 'lo-profile');
    const conv = run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file]);
    assert.equal(conv.status, 0, conv.stderr);
    const produced = path.join(dir, 'burlov-word.pdf');
    assert.ok(readdirSync(dir).includes('burlov-word.pdf'), conv.stdout + conv.stderr);
    const text = run('pdftotext', ['-layout', produced, '-']).stdout;
    assert.ok(text.includes('Förbättringsmöjligheter') && text.includes('Poängöversikt'), 'LibreOffice shows the sections');
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [produced]).stdout)?.[1]);
    assert.ok(pages >= 8, `LibreOffice pages: ${pages}`);
    const [chartPage] = pagesWithText(produced, /Poäng per område/);
    assert.ok(chartPage);
    assert.ok(colourShare(pageImage(produced, chartPage), ACCENT) > 0.015, 'chart image visible in LibreOffice');
    assert.ok(readFileSync(produced).length > 10_000);
  });
});

void describe('user text cannot inject Typst markup', () => {
  void test('markup characters in narratives, strengths and names print literally', { skip: skipPoppler }, async () => {
    const { buildReportViewModel } = await import('../../src/reports/view-model.ts');
    const { renderReportPdf } = await import('../../src/reports/pdf.ts');
    const { burlovReportInput } = await import('../unit/reports/fixtures.ts');
    const evil = '#panic("boom") ] [ $x^2$ @ref <lbl> `#set page(width: 1cm)` \\ = Rubrik * _ //';
    const input = burlovReportInput({
      evaluation: { summary: evil, areas: [{ number: 1, narratives: { '1.1': evil }, strengths: [evil], improvements: ['#include "/etc/passwd"'] }], keyFacts: [{ label: '#let x = 1', value: ')' }] },
    });
    const pdf = renderReportPdf(buildReportViewModel(input));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kompass-inject-'));
    try {
      const file = path.join(dir, 'x.pdf');
      writeFileSync(file, pdf);
      const text = run('pdftotext', [file, '-']).stdout.replace(/\s+/g, ' ');
      assert.ok(text.includes('#panic(”boom”)'), 'narrative printed as text (quotes made Swedish)');
      assert.ok(text.includes('#include ”/etc/passwd”'));
      assert.ok(text.includes('#let x = 1'));
      assert.match(run('pdfinfo', [file]).stdout, /Page size:\s+595\.\d+ x 841\.\d+/, 'page size not changed by user text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
