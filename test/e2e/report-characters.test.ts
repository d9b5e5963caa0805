/**
 * Reports print every character a Swedish text may hold (fallback fonts from npm packages, embedded
 * as subsets), drop control characters, show a visible replacement (with a note) for characters no
 * font has, and render a 10 000-character word in the worker pool while the server keeps answering.
 * Over a real listening server; the glyph checks use poppler-utils when installed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { inflateZipEntry, readZipDirectory } from '../../src/importer/extract.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';
import { withHealthProbe } from '../helpers/health-probe.ts';

const has = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const skipPoppler = has('pdffonts') && has('pdftotext') ? false : 'poppler-utils missing (apt-get install poppler-utils)';

const CLASSES = {
  emoji: '😀👍',
  cjk: '漢字',
  arabic: 'العربية',
  hebrew: 'עברית',
  sami: 'Ŧ ŧ Đ đ Ŋ ŋ Á č š ž',
  greek: 'Ελληνικά',
  cyrillic: 'Кириллица',
  combining: 'e\u0301 a\u0308 o\u0302',
  rtlMarks: 'vänster\u200fhöger\u202eomvänd\u202c',
};
const CONTROL = 'klocka\u0007esc\u001bnoll\u0001slut';
const UNSUPPORTED = '한국어'; // Hangul: none of the report fonts has it
const ALL = `${Object.values(CLASSES).join(' · ')} · ${CONTROL} · ${UNSUPPORTED}`;

void describe('report characters', () => {
  let t: TestApp;
  let base = '';
  let dir = '';
  let id = '';
  let longId = '';

  before(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(os.tmpdir(), 'kompass-chars-'));
    const ev = await buildEvaluation(t.services, {
      status: 'published',
      scores: scoresFor(FRAMEWORK_2020, 0.6),
      summary: `Sammanfattning: ${ALL}`,
      evaluators: [{ name: 'Áile Ŋuorra', organisation: 'Sámediggi', isLead: true }],
      keyFacts: [{ label: 'Språk', value: ALL }],
      areas: [{ number: 1, narratives: { '1.1': `Berättelse ${ALL}` }, strengths: [`Styrka ${CLASSES.emoji} ${CLASSES.sami}`], improvements: [`Förbättring ${CLASSES.arabic} ${CLASSES.hebrew}`] }],
    });
    id = ev.id;
    const long = await buildEvaluation(t.services, { status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.5), summary: `Ett långt ord: ${'x'.repeat(10_000)} slut.` });
    longId = long.id;
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (url: string): Promise<{ status: number; type: string; body: Buffer }> => {
    const res = await fetch(`${base}${url}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: Buffer.from(await res.arrayBuffer()) };
  };

  void test('PDF with emoji, CJK, Arabic, Hebrew, Sámi, Greek, Cyrillic, combining and bidi marks: 200, %PDF-', async () => {
    const res = await get(`/api/evaluations/${id}/report.pdf`);
    assert.equal(res.status, 200, res.body.toString('utf8').slice(0, 500));
    assert.match(res.type, /^application\/pdf/);
    assert.equal(res.body.subarray(0, 5).toString('latin1'), '%PDF-');
    writeFileSync(path.join(dir, 'chars.pdf'), res.body);
  });

  void test('the fallback fonts are embedded as subsets and the text is there; control characters are gone', { skip: skipPoppler }, () => {
    const file = path.join(dir, 'chars.pdf');
    const fonts = spawnSync('pdffonts', [file]).stdout.toString('utf8');
    for (const family of ['NotoSans-Regular', 'NotoSansSC-Regular', 'NotoSansArabic-Regular', 'NotoSansHebrew-Regular', 'NotoEmoji-Regular']) {
      assert.match(fonts, new RegExp(`[A-Z]{6}\\+${family}\\s.*\\byes\\s+yes\\s+yes\\b`), `${family} embedded as a subset:\n${fonts}`);
    }
    const text = spawnSync('pdftotext', [file, '-']).stdout.toString('utf8');
    for (const ch of ['😀', '👍', '漢', '字', 'ŧ', 'Ŧ', 'Ŋ', 'ŋ', 'đ', 'č', 'Ε', 'λ', 'К', 'ц', 'ע', 'ב']) assert.ok(text.includes(ch), `${ch} in the PDF text`);
    assert.ok(text.includes('klockaescnollslut'), 'control characters dropped, the letters around them kept');
    assert.ok(!['\u0001', '\u0007', '\u001b'].some((c) => text.includes(c)));
  });

  void test('a character no font has is printed as a visible replacement and named in a note', { skip: skipPoppler }, () => {
    const text = spawnSync('pdftotext', [path.join(dir, 'chars.pdf'), '-']).stdout.toString('utf8');
    assert.ok(!text.includes('한'), 'Hangul is not drawn with a missing glyph');
    assert.ok(text.includes('\ufffd\ufffd\ufffd'), 'each missing character shows U+FFFD');
    assert.match(text, /3 tecken finns inte i rapportens typsnitt och visas som \ufffd \(U\+D55C, U\+AD6D, U\+C5B4\)/);
  });

  void test('DOCX with the same texts: 200, the characters kept (control characters dropped)', async () => {
    const res = await get(`/api/evaluations/${id}/report.docx`);
    assert.equal(res.status, 200, res.body.toString('utf8').slice(0, 500));
    assert.equal(res.body.subarray(0, 2).toString('latin1'), 'PK');
    const entries = readZipDirectory(res.body, 1000);
    const doc = entries.find((e) => e.name === 'word/document.xml');
    assert.ok(doc);
    const xml = inflateZipEntry(res.body, doc, 50 * 1024 * 1024, () => new Error('too large') as never).toString('utf8');
    for (const s of [CLASSES.emoji, CLASSES.cjk, CLASSES.arabic, CLASSES.hebrew, 'Ŧ ŧ Đ đ Ŋ ŋ', CLASSES.greek, CLASSES.cyrillic, 'e\u0301', UNSUPPORTED]) assert.ok(xml.includes(s), `${s} in document.xml`);
    assert.ok(xml.includes('klockaescnollslut'));
    assert.ok(!['\u0001', '\u0007', '\u001b'].some((c) => xml.includes(c)));
  });

  void test('a 10 000-character word renders (PDF and DOCX) while health keeps answering within a second', async () => {
    const { result, slowestMs, probes } = await withHealthProbe(base, () => get(`/api/evaluations/${longId}/report.pdf`));
    assert.equal(result.status, 200, result.body.toString('utf8').slice(0, 300));
    assert.equal(result.body.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(probes > 0);
    assert.ok(slowestMs < 1000, `health answered in ${Math.round(slowestMs)} ms during the render`);
    const docx = await get(`/api/evaluations/${longId}/report.docx`);
    assert.equal(docx.status, 200);
    if (!skipPoppler) {
      const file = path.join(dir, 'long.pdf');
      writeFileSync(file, result.body);
      const text = spawnSync('pdftotext', [file, '-']).stdout.toString('utf8');
      const lines = text.split('\n').filter((l) => /^[x\u200b]{20,}$/.test(l));
      assert.ok(lines.length > 50, `the word is broken over many lines (${lines.length}), not cut off at the margin`);
    }
  });
});
