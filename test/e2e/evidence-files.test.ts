/**
 * Uploads to the questionnaire and the evidence register over a listening server: files are judged by
 * content (a renamed program is refused, a real PDF named .txt is accepted as PDF), oversize is 413,
 * a path-like name never reaches the file system (stored under a generated name, shown without
 * folders), and a file is served — as an attachment with nosniff — only to those who may see it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { SYSTEM } from '../../src/domain/access.ts';
import { buildApp } from '../../src/http/app.ts';
import { createServices } from '../../src/services/index.ts';
import { createAssignmentRepository } from '../../src/repositories/assignment.repository.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { buildUser, signIn, type SignedIn, type TestApp } from '../helpers/app.ts';
import { manyPagesPdf, smallDocx } from '../helpers/hostile-files.ts';

void describe('evidence files: content checks, generated names, access', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let base = '';
  let filesDir = '';
  let evaluationId = '';
  let lead: SignedIn;
  let outsider: SignedIn;
  let contact: SignedIn;
  let otherContact: SignedIn;

  before(async () => {
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'kompass-evidence-test-'));
    const { database, drop } = await createTestDatabase();
    const services = createServices(database.db, { filesDir });
    await services.ensureReferenceData();
    const config = loadConfig({ LOG_LEVEL: 'silent', KOMPASS_DATA_DIR: '.tmp/test-data' });
    app = await buildApp({ config, database, services, logger: false });
    await app.ready();
    t = { app, database, services, close: async () => { await app.close(); await drop(); } };
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const leadUser = await buildUser(services, 'evaluator');
    lead = await signIn(t, { email: leadUser.email, password: leadUser.password });
    outsider = await signIn(t, 'evaluator');
    contact = await signIn(t, 'municipality', { municipalityCode: '1231' });
    otherContact = await signIn(t, 'municipality', { municipalityCode: '1480' });
    const e = await services.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2031 } });
    evaluationId = e.id;
    await createAssignmentRepository(services.db).replace(e.id, [{ userId: leadUser.id, isLead: true }]);
  });
  after(async () => {
    await t.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  async function upload(who: SignedIn | null, purpose: string, fileName: string, bytes: Buffer): Promise<{ status: number; body: Record<string, unknown> }> {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const res = await fetch(`${base}/api/evaluations/${evaluationId}/files`, { method: 'POST', body: form, headers: who?.headers ?? {} });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  const pdf = manyPagesPdf(1);

  void test('hostile content is refused by its bytes, whatever the name says; nothing is stored', async () => {
    const before = await readdir(filesDir).catch(() => []);
    const cases: Array<[string, Buffer, number, RegExp]> = [
      ['rapport.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200, 1)]), 415, /tillåtna typerna/],
      ['bild.png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 415, /tillåtna typerna/],
      ['kalkyl.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 0)]), 415, /tillåtna typerna/],
      ['tom.txt', Buffer.alloc(0), 400, /tom/],
      ['stor.pdf', Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024 + 1, 0x20)]), 413, /20 MB/],
    ];
    for (const [name, bytes, status, detail] of cases) {
      const res = await upload(lead, 'evidence', name, bytes);
      assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
      assert.match(String(res.body.detail), detail, name);
    }
    assert.deepEqual(await readdir(filesDir).catch(() => []), before, 'a refused upload leaves no file behind');
  });

  void test('a path-like name is cut to its last part; the file is stored under a generated name and typed by content', async () => {
    const res = await upload(lead, 'evidence', '../../../etc/passwd.txt', pdf);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.fileName, 'passwd.pdf');
    assert.equal(res.body.mediaType, 'application/pdf');
    const stored = await readdir(filesDir);
    assert.ok(stored.every((n) => /^[0-9a-f-]{36}$/.test(n)), `only generated names on disk: ${stored.join(', ')}`);
    const windows = await upload(lead, 'evidence', 'C:\\Users\\x\\..\\Styrdokument 2031.docx', smallDocx());
    assert.equal(windows.status, 201);
    assert.equal(windows.body.fileName, 'Styrdokument 2031.docx');
  });

  void test('downloads: attachment with nosniff for the team; 403 for an evaluator not on the team, the municipality and 404 for another municipality', async () => {
    const up = await upload(lead, 'evidence', 'styrdokument.pdf', pdf);
    const url = `${base}/api/evaluations/${evaluationId}/files/${String(up.body.id)}`;
    const ok = await fetch(url, { headers: lead.headers });
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-disposition') ?? '', /^attachment; filename="styrdokument.pdf"/);
    assert.equal(ok.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(ok.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await ok.arrayBuffer()), pdf);
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: outsider.headers })).status, 403);
    assert.equal((await fetch(url, { headers: contact.headers })).status, 403);
    assert.equal((await fetch(url, { headers: otherContact.headers })).status, 404);
    // Another evaluation's id with this file's id: not found, never the file.
    const other = await t.services.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2032 } });
    assert.equal((await fetch(`${base}/api/evaluations/${other.id}/files/${String(up.body.id)}`, { headers: lead.headers })).status, 404);
  });

  void test('the municipality attaches to its questionnaire (not to the evidence register); the team reads the attachment', async () => {
    assert.equal((await upload(contact, 'evidence', 'x.pdf', pdf)).status, 403);
    assert.equal((await upload(otherContact, 'questionnaire', 'x.pdf', pdf)).status, 404);
    assert.equal((await upload(null, 'questionnaire', 'x.pdf', pdf)).status, 401);
    const res = await upload(contact, 'questionnaire', 'Svar bilaga.txt', Buffer.from('Delårsrapport, beslutad i KF 2031-03-01\n'));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.mediaType, 'text/plain; charset=utf-8');
    for (const who of [contact, lead, outsider]) {
      const got = await fetch(`${base}/api/evaluations/${evaluationId}/files/${String(res.body.id)}`, { headers: who.headers });
      assert.equal(got.status, 200);
    }
    assert.equal((await fetch(`${base}/api/evaluations/${evaluationId}/files/${String(res.body.id)}`, { headers: otherContact.headers })).status, 404);
  });

  void test('the questionnaire and the interview schedule print as PDF (Typst, in the worker pool) and DOCX', async () => {
    await t.services.interviews.createSession({ id: evaluationId, input: { day: '2031-05-04', startsAt: '09:00', endsAt: '10:00', groupName: 'Kommunstyrelsens presidium', roles: ['politicians'], people: 3 }, viewer: { userId: lead.user.id, role: 'evaluator', municipalityCode: null, name: lead.user.name } });
    for (const [url, who, name] of [
      [`/api/evaluations/${evaluationId}/questionnaire/export.pdf`, lead, 'fragunderlag-burlov-2031.pdf'],
      [`/api/evaluations/${evaluationId}/interviews/schedule.pdf`, contact, 'intervjuschema-burlov-2031.pdf'],
      [`/api/evaluations/${evaluationId}/interviews/schedule.docx`, contact, 'intervjuschema-burlov-2031.docx'],
    ] as const) {
      const res = await fetch(`${base}${url}`, { headers: who.headers });
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="${name}"`));
      const body = Buffer.from(await res.arrayBuffer());
      assert.equal(body.subarray(0, 4).toString('latin1'), name.endsWith('.pdf') ? '%PDF' : 'PK\x03\x04');
    }
  });

  const send = async (who: SignedIn, method: string, url: string, json?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${base}${url}`, { method, headers: { ...who.headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) }, ...(json === undefined ? {} : { body: JSON.stringify(json) }) });
    return { status: res.status, body: res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>) };
  };
  /** Stored names that appeared on disk since `before`. */
  const newOnDisk = async (before: readonly string[]): Promise<string[]> => (await readdir(filesDir)).filter((n) => !before.includes(n));

  void test('evidence is edited and removed with its version (409 when stale); a removed item takes its file off the disk', async () => {
    const onDisk = await readdir(filesDir);
    const up = await upload(lead, 'evidence', 'Budget 2031.pdf', pdf);
    const [stored] = await newOnDisk(onDisk);
    assert.ok(stored);
    const created = await send(lead, 'POST', `/api/evaluations/${evaluationId}/evidence`, { kind: 'document', title: 'Budget 2031', fileId: up.body.id, subareaIds: ['3.2'] });
    assert.equal(created.status, 201);
    assert.equal(created.body.version, 1);
    const url = `/api/evaluations/${evaluationId}/evidence/${String(created.body.id)}`;
    const edited = await send(lead, 'PUT', url, { kind: 'document', title: 'Budget och plan 2031', decisionBody: 'Kommunfullmäktige', decidedOn: '2030-11-20', url: 'https://burlov.se/budget', fileId: up.body.id, subareaIds: ['3.2', '4.1'], expectedVersion: 1 });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual([edited.body.title, edited.body.decisionBody, edited.body.decidedOn, edited.body.subareaIds, edited.body.version], ['Budget och plan 2031', 'Kommunfullmäktige', '2030-11-20', ['3.2', '4.1'], 2]);
    const stale = await send(lead, 'PUT', url, { kind: 'document', title: 'Budget', subareaIds: ['3.2'], expectedVersion: 1 });
    assert.equal(stale.status, 409);
    assert.match(String(stale.body.detail), /Underlaget "Budget och plan 2031" har ändrats sedan du öppnade det \(aktuell version 2\)/);
    assert.equal((await send(lead, 'DELETE', `${url}?expectedVersion=1`)).status, 409);
    assert.equal((await send(outsider, 'DELETE', `${url}?expectedVersion=2`)).status, 403);
    assert.ok((await readdir(filesDir)).includes(stored), 'a refused removal keeps the file');
    assert.equal((await send(lead, 'DELETE', `${url}?expectedVersion=2`)).status, 204);
    assert.equal((await readdir(filesDir)).includes(stored), false, 'the file is gone from the disk');
    assert.equal((await fetch(`${base}/api/evaluations/${evaluationId}/files/${String(up.body.id)}`, { headers: lead.headers })).status, 404);
    const history = await send(lead, 'GET', `/api/evaluations/${evaluationId}/history`);
    assert.match(JSON.stringify(history.body), /delete_evidence/);
    assert.doesNotMatch(JSON.stringify(history.body), /Budget och plan/, 'the audit trail keeps what kind of item changed, never its text');
  });

  void test('deleting a draft removes its uploaded files from the disk', async () => {
    const e = await t.services.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1480', frameworkId: 'kk2020', year: 2031 } });
    await createAssignmentRepository(t.services.db).replace(e.id, [{ userId: lead.user.id, isLead: true }]);
    const onDisk = await readdir(filesDir);
    for (const name of ['a.pdf', 'b.pdf']) {
      const form = new FormData();
      form.append('purpose', 'evidence');
      form.append('file', new Blob([new Uint8Array(pdf)]), name);
      assert.equal((await fetch(`${base}/api/evaluations/${e.id}/files`, { method: 'POST', body: form, headers: lead.headers })).status, 201);
    }
    const stored = await newOnDisk(onDisk);
    assert.equal(stored.length, 2);
    assert.equal((await send(lead, 'DELETE', `/api/evaluations/${e.id}?expectedVersion=${e.version}`)).status, 204);
    const left = await readdir(filesDir);
    assert.deepEqual(stored.filter((n) => left.includes(n)), [], 'no file of the deleted draft is left');
    assert.ok(onDisk.every((n) => left.includes(n)), 'files of other evaluations stay');
  });
});
