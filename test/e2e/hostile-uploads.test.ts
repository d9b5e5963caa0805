/**
 * Hostile uploads over a real listening server (not inject, so the event loop is really measured):
 * Word zip bombs, PDFs that are expensive to read and files that are not what they say are refused
 * with a Swedish problem+json 4xx, while a health check running alongside keeps answering within 1 s.
 * Every fixture is generated here.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../helpers/app.ts';
import { withHealthProbe } from '../helpers/health-probe.ts';
import {
  deepNestingPdf,
  docxWithBody,
  flateBombPdf,
  lyingDocx,
  manyPagesPdf,
  noise,
  paragraphBombDocx,
  smallDocx,
  truncatedPdf,
  xrefLoopPdf,
} from '../helpers/hostile-files.ts';

interface Problem {
  status: number;
  detail: string;
  code: string;
}

void describe('hostile uploads on a listening server', () => {
  let t: TestApp;
  let base = '';
  let evaluator: SignedIn;

  before(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    evaluator = await signIn(t, 'evaluator');
    // Start the worker thread once, so the first case does not measure its start-up.
    await upload('varm.txt', Buffer.from('Kommunkompassen'));
  });
  after(async () => t.close());

  async function upload(fileName: string, bytes: Buffer): Promise<{ status: number; type: string; body: unknown }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const res = await fetch(`${base}/api/imports/preview`, { method: 'POST', body: form, headers: evaluator.headers });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, body: type.includes('json') ? await res.json() : await res.text() };
  }

  async function expectRefused(fileName: string, bytes: Buffer, status: number | RegExp, detail: RegExp): Promise<void> {
    const { result, slowestMs, probes } = await withHealthProbe(base, () => upload(fileName, bytes));
    if (typeof status === 'number') assert.equal(result.status, status, JSON.stringify(result.body).slice(0, 300));
    else assert.match(String(result.status), status, JSON.stringify(result.body).slice(0, 300));
    assert.match(result.type, /^application\/problem\+json/);
    assert.match((result.body as Problem).detail, detail);
    assert.ok(probes > 0);
    assert.ok(slowestMs < 1000, `health answered in ${Math.round(slowestMs)} ms while ${fileName} was read`);
  }

  void test('a 60 MB Word document of paragraphs in a small zip is refused with 413 before it is unpacked', async () => {
    const bomb = paragraphBombDocx(60);
    assert.ok(bomb.length < 1024 * 1024, `the bomb is ${bomb.length} bytes`);
    await expectRefused('bomb.docx', bomb, 413, /packas upp till mer än \d+ MB/);
  });

  void test('a Word document that lies about its unpacked size is stopped while inflating', async () => {
    await expectRefused('ljuger.docx', lyingDocx(200), 413, /packas upp till mer än 25 MB/);
  });

  void test('a Word document with too many paragraphs (under the size limit) is refused', async () => {
    const para = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
    await expectRefused('stycken.docx', docxWithBody(para.repeat(80_000)), 413, /fler än 60\s000 stycken/);
  });

  void test('a PDF whose stream inflates to 400 MB is refused with 413', async () => {
    const bomb = await flateBombPdf(400);
    assert.ok(bomb.length < 2 * 1024 * 1024);
    await expectRefused('bomb.pdf', bomb, 413, /packas upp till mer än 150 MB/);
  });

  void test('a 5000-page PDF and a 400-page heavy PDF are refused with 413 naming the page limit', async () => {
    await expectRefused('5000.pdf', manyPagesPdf(5000), 413, /5000 sidor; högst 300/);
    await expectRefused('400.pdf', manyPagesPdf(400, 250), 413, /400 sidor; högst 300/);
  });

  void test('deeply nested, looping and truncated PDFs get 422, not a freeze', async () => {
    await expectRefused('djup.pdf', deepNestingPdf(200_000), 422, /kunde inte läsas som PDF|skadad/);
    await expectRefused('slinga.pdf', xrefLoopPdf(), 422, /skadad|kunde inte läsas/);
    await expectRefused('halv.pdf', truncatedPdf(), 422, /skadad|kunde inte läsas/);
    await expectRefused('brus.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(200_000)]), 422, /skadad|kunde inte läsas/);
  });

  void test('content that is not what the name says gets a clear 4xx in Swedish', async () => {
    const pdf = manyPagesPdf(1);
    await expectRefused('rapport.docx', pdf, 415, /heter \.docx men innehåller en PDF-fil.*Byt filändelsen till \.pdf/);
    await expectRefused('rapport.pdf', smallDocx(), 415, /heter \.pdf men innehåller ett zip-arkiv/);
    await expectRefused('program.exe', Buffer.concat([Buffer.from('MZ'), noise(1000)]), 415, /format som inte stöds\. Filen är ett program/);
    await expectRefused('tom.txt', Buffer.alloc(0), 400, /är tom/);
    await expectRefused('brus.txt', noise(1024 * 1024), 415, /innehåller binära data, inte en textfil/);
    await expectRefused('brus.docx', Buffer.concat([Buffer.from('PK\x03\x04'), noise(100_000)]), 422, /Word-dokumentet är skadat/);
  });

  void test('UTF-16 text with a byte order mark is read as text', async () => {
    const text = 'Kommunkompassen Burlöv 2020\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await upload('utf16.txt', utf16);
    assert.equal(res.status, 200);
    assert.equal((res.body as { ok: boolean }).ok, false);
  });

  void test('an upload over 20 MB is refused with 413, never cut short and read', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 'a');
    const res = await upload('stor.txt', big);
    assert.equal(res.status, 413);
    assert.match(res.type, /^application\/problem\+json/);
    assert.match((res.body as Problem).detail, /större än 20 MB/);
    // Exactly 20 MB passes the upload limit and reaches the reader (which refuses that much text).
    const exactly = await upload('precis.txt', Buffer.alloc(20 * 1024 * 1024, 'a'));
    assert.equal(exactly.status, 413);
    assert.match((exactly.body as Problem).detail, /mer än 4\s000\s000 tecken text/);
  });
});
