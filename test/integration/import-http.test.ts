import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PUBLIC, SYSTEM } from '../../src/domain/access.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { readSeed } from '../unit/importer/seeds.ts';

let t: TestApp;
before(async () => {
  // An evaluator-level viewer without sign-in; the sign-in flow itself is tested by the accounts module.
  t = await createTestApp({ resolveViewer: () => SYSTEM });
});
after(async () => t.close());

function multipart(fileName: string, content: string | Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----kompassTestBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(content), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

void test('POST /api/imports/preview returns the preview and saves nothing', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/imports/preview', ...multipart('burlov.txt', readSeed('001')) });
  assert.equal(res.statusCode, 200);
  const body = res.json<{ ok: boolean; preview: { total: number; framework: { id: string } } }>();
  assert.equal(body.ok, true);
  assert.equal(body.preview.total, 595);
  assert.equal(body.preview.framework.id, 'kk2020');
  const list = await t.app.inject({ method: 'GET', url: '/api/evaluations?municipality=1231' });
  assert.equal(list.json<{ count: number }>().count, 0);
});

void test('POST /api/imports saves a draft; the same report again gives 409 naming the evaluation', async () => {
  const first = await t.app.inject({ method: 'POST', url: '/api/imports', ...multipart('burlov.txt', readSeed('001')) });
  assert.equal(first.statusCode, 201);
  const { evaluationId } = first.json<{ evaluationId: string }>();
  const again = await t.app.inject({ method: 'POST', url: '/api/imports', ...multipart('burlov-kopia.txt', readSeed('001')) });
  assert.equal(again.statusCode, 409);
  const problem = again.json<{ detail: string; evaluationId: string }>();
  assert.equal(problem.evaluationId, evaluationId);
  assert.match(problem.detail, /redan importerad/);
});

void test('refused documents and bad requests get a Swedish problem message', async () => {
  const notReport = await t.app.inject({ method: 'POST', url: '/api/imports', ...multipart('goteborg.txt', readSeed('000')) });
  assert.equal(notReport.statusCode, 400);
  assert.match(notReport.json<{ detail: string }>().detail, /inte en utvärderingsrapport/);
  const noFile = await t.app.inject({ method: 'POST', url: '/api/imports', payload: { x: 1 } });
  assert.equal(noFile.statusCode, 400);
  assert.match(noFile.json<{ detail: string }>().detail, /multipart/);
  const png = await t.app.inject({ method: 'POST', url: '/api/imports/preview', ...multipart('bild.png', new Uint8Array([1, 2, 3])) });
  assert.equal(png.statusCode, 415);
  assert.match(png.json<{ detail: string }>().detail, /format som inte stöds/);
});

void test('anonymous users may not import', async () => {
  const anon = await createTestApp({ resolveViewer: () => PUBLIC });
  try {
    const res = await anon.app.inject({ method: 'POST', url: '/api/imports/preview', ...multipart('burlov.txt', readSeed('001')) });
    assert.equal(res.statusCode, 401);
  } finally {
    await anon.close();
  }
});
