/**
 * The database export carries everything a restore on a new machine needs: after export → import into a
 * fresh database (and a fresh file folder) → export, the documents are equal, every exported table has as
 * many rows as before, and the uploaded files come back byte for byte under new generated names.
 */
import { createRepositories } from '../../src/repositories/index.ts';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { SYSTEM, type Viewer } from '../../src/domain/access.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { createAssignmentRepository } from '../../src/repositories/assignment.repository.ts';
import { createBackupRepository } from '../../src/repositories/backup.repository.ts';
import { createEvidenceRepository } from '../../src/repositories/evidence.repository.ts';
import { BACKUP_COVERAGE, type ExportDocument } from '../../src/services/backup.service.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { viewerOf } from '../../src/services/user.service.ts';
import { buildUser } from '../helpers/app.ts';
import { createTestDatabase, testDbKind } from '../helpers/db.ts';
import { scoresFor } from '../helpers/factories.ts';

const MAIL = { smtpUrl: 'smtp://127.0.0.1:9', from: 'kompass <noreply@kompass.invalid>' };
const PDF = Buffer.from('%PDF-1.4\n% testfil för säkerhetskopian\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const TEXT = Buffer.from('Protokoll från intervjun med kommunstyrelsens presidium.\n');

async function fresh(): Promise<{ s: Services; dir: string; drop(): Promise<void> }> {
  const { database, drop } = await createTestDatabase();
  const dir = path.join(os.tmpdir(), `kompass-backup-test-${randomUUID()}`);
  const s = createServices(database.db, { mail: MAIL, filesDir: dir });
  await s.ensureReferenceData();
  return { s, dir, drop };
}

void describe(`database export carries everything on ${testDbKind()}`, () => {
  let a: Awaited<ReturnType<typeof fresh>>;
  let b: Awaited<ReturnType<typeof fresh>>;
  let first: ExportDocument;

  before(async () => {
    a = await fresh();
    b = await fresh();
    const s = a.s;
    const as = async (role: 'evaluator' | 'municipality'): Promise<Viewer> => {
      const u = await buildUser(s, role, { municipalityCode: '1231' });
      return viewerOf({ id: u.id, role: u.role, municipalityCode: u.municipalityCode, name: u.name });
    };
    const lead = await as('evaluator');
    const contact = await as('municipality');
    const admin: Viewer = { ...SYSTEM, name: 'Admin' };
    // A published evaluation with scores, texts and evaluators; its plan, report-back, indicator with a value and target.
    const done = await s.evaluations.createEvaluation({
      viewer: SYSTEM,
      input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2030, status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.6), evaluators: [{ name: 'Eva Utvärderare', organisation: 'SKR', isLead: true }], areas: [{ number: 1, improvements: ['Fler dialogformer'] }] },
    });
    const plan = (await s.actionPlans.createActionPlan({ evaluationId: done.id, viewer: contact })).plan;
    await s.reportBacks.createReportBack({ planId: plan.id, input: {}, viewer: contact });
    const ind = await s.indicators.createIndicator({ municipalityCode: '1231', input: { kpi: 'U07414', name: 'NKI' }, viewer: contact });
    await s.indicators.recordValue({ id: ind.id, period: 2030, value: 70, viewer: contact });
    await s.indicators.addTarget({ id: ind.id, target: { period: 2032, value: 75, planItemId: plan.items[0]?.id ?? null }, viewer: contact });
    // An evaluation under way: team, stage details, questionnaire with a file, evidence with a file, interviews, independent scores, a thread.
    const e = await s.evaluations.createEvaluation({ viewer: SYSTEM, input: { municipalityCode: '1231', frameworkId: 'kk2020', year: 2031 } });
    await createAssignmentRepository(s.db).replace(e.id, [{ userId: lead.userId ?? '', isLead: true }]);
    const reviewed = (await s.evaluations.changeStatus({ id: e.id, expectedVersion: e.version, status: 'review', viewer: lead })).version;
    await s.stages.updateStageDetails({ id: e.id, expectedVersion: reviewed, patch: { agreementDate: '2031-01-15', feedbackNotes: 'Återkoppling bokad', deadlines: { interviews: '2031-06-01' } }, viewer: lead });
    const bank = await s.questionnaires.getQuestionnaire({ id: e.id, viewer: contact });
    const question = bank.areas[0]?.subareas[0]?.questions[0];
    assert.ok(question);
    await s.questionnaires.updateQuestionBank({ frameworkId: 'kk2020', subareaId: '8.1', questions: [{ text: 'Egen fråga om medarbetarskap?', help: 'Bifoga enkäten.' }], viewer: admin });
    const answerFile = await s.evidence.uploadFile({ id: e.id, purpose: 'questionnaire', bytes: PDF, fileName: 'strategi.pdf', viewer: contact });
    await s.questionnaires.saveQuestionnaire({ id: e.id, expectedVersion: 0, answers: { [question.id]: { text: 'Beslutad av KF.', links: ['https://kommun.example.se/strategi'], fileIds: [answerFile.id] } }, submit: true, viewer: contact });
    const noteFile = await s.evidence.uploadFile({ id: e.id, purpose: 'evidence', bytes: TEXT, fileName: 'anteckningar.txt', viewer: lead });
    const interview = await s.interviews.createSession({ id: e.id, input: { day: '2031-05-05', startsAt: '09:00', endsAt: '10:30', place: 'KS-salen', groupName: 'Kommunstyrelsens presidium', roles: ['politicians'], people: 3 }, viewer: lead });
    const sessionId = interview.days[0]?.sessions[0]?.id ?? '';
    await s.evidence.createEvidence({ id: e.id, input: { kind: 'interview', title: 'Anteckningar presidiet', note: 'Tydlig styrning.', sessionId, fileId: noteFile.id, subareaIds: ['3.1'] }, viewer: lead });
    await s.independentScores.saveIndependentScores({ id: e.id, scores: scoresFor(FRAMEWORK_2020, 0.5), submitted: true, viewer: lead });
    const version = (await s.evaluations.getEvaluation({ id: e.id, viewer: lead })).version;
    await s.independentScores.recordConsensus({ id: e.id, expectedVersion: version, items: [{ subareaId: '1.1', value: 10, reason: 'Enigt' }], viewer: lead });
    await s.workflow.addComment({ id: e.id, body: 'Stämmer siffran i 1.1?', viewer: contact });
    // Benchmarking: a peer group, an edited concordance; and one e-mail still waiting to be sent.
    await s.benchmarks.createPeerGroup({ input: { name: 'Våra grannar', municipalityCodes: ['1280', '1283'] }, viewer: contact });
    const concordance = (await s.concordances.listConcordances({ viewer: admin }))[0];
    assert.ok(concordance, 'the catalog has a concordance');
    await s.concordances.saveConcordance({ fromId: concordance.fromFrameworkId, toId: concordance.toFrameworkId, pairs: concordance.pairs.slice(0, 3), notes: 'Ändrad av administratören', expectedVersion: concordance.version, viewer: admin });
    await createRepositories(s.db).notifications.enqueue([{ recipient: 'kontakt@burlov.example.se', subject: 'Utkastet är delat', body: 'Läs utkastet i kompass.' }]);
    first = await s.backup.exportDatabase();
  });
  after(async () => {
    await a.drop();
    await b.drop();
  });

  void test('export → import into a fresh database → export is equal; every exported table arrives with all its rows', async () => {
    const result = await b.s.backup.importDatabase({ document: JSON.parse(JSON.stringify(first)) });
    assert.equal(result.files, 2);
    const second = await b.s.backup.exportDatabase();
    assert.deepEqual(second, first);
    const before = await createBackupRepository(a.s.db).rowCounts();
    const afterImport = await createBackupRepository(b.s.db).rowCounts();
    for (const [table, entry] of Object.entries(BACKUP_COVERAGE)) {
      if ('excluded' in entry) continue;
      assert.ok((before[table] ?? 0) > 0, `the source has rows in ${table} (the test must cover every exported table)`);
      // An evaluation is written back with a row for each of its areas, also the empty ones the source had no row for.
      if (table === 'area_texts') assert.ok((afterImport[table] ?? 0) >= (before[table] ?? 0), table);
      else assert.equal(afterImport[table], before[table], `${table}: rows after import`);
    }
    // Every table the database has is accounted for (also one made by a migration only).
    const tables = await createBackupRepository(b.s.db).databaseTables();
    assert.deepEqual(tables.filter((t) => !(t in BACKUP_COVERAGE)), []);
  });

  void test('uploaded files come back byte for byte, under new generated names only', async () => {
    const source = await createEvidenceRepository(a.s.db).filesByIds(first.files?.[0]?.evaluationId ?? '', (first.files ?? []).map((f) => f.id));
    const restored = await createEvidenceRepository(b.s.db).filesByIds(first.files?.[0]?.evaluationId ?? '', (first.files ?? []).map((f) => f.id));
    assert.equal(restored.length, 2);
    for (const r of restored) {
      assert.match(r.storedName, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.ok(!source.some((x) => x.storedName === r.storedName), 'a new name, not the one in the source');
      const bytes = await b.s.files.get(r.storedName);
      assert.ok(bytes.equals(r.fileName.endsWith('.pdf') ? PDF : TEXT), r.fileName);
    }
    assert.deepEqual((await readdir(b.dir)).sort(), restored.map((r) => r.storedName).sort(), 'nothing else in the folder');
  });

  void test('damaged or foreign file content is refused with its place named, and nothing is written (no files either)', async () => {
    const c = await fresh();
    try {
      const cases: Array<[string, (d: ExportDocument) => void, RegExp]> = [
        ['changed content', (d) => { const f = d.files?.[1]; if (f) f.contentBase64 = Buffer.from('Protokoll från intervjun med kommunstyrelsens presidiUM.\n').toString('base64'); }, /files\[1\] \([0-9a-f-]+\)\.sha256: innehållet stämmer inte/],
        ['wrong size', (d) => { const f = d.files?.[0]; if (f) f.size += 1; }, /files\[0\] \([0-9a-f-]+\)\.size: filen är \d+ byte/],
        ['not base64', (d) => { const f = d.files?.[0]; if (f) f.contentBase64 = 'inte base64!'; }, /files\[0\]\.contentBase64: ska vara filens innehåll i base64/],
        ['an HTML page declared as PDF', (d) => { const f = d.files?.[0]; if (f) { const html = Buffer.from('<html><script>alert(1)</script></html>'); Object.assign(f, { contentBase64: html.toString('base64'), size: html.length, sha256: createHashHex(html) }); } }, /files\[0\] \([0-9a-f-]+\)\.mediaType: innehållet är inte application\/pdf/],
        ['evidence pointing at a file of no evaluation', (d) => { const x = d.evidenceItems?.[0]; if (x) x.fileId = '00000000-0000-4000-8000-000000000099'; }, /evidenceItems\[0\]\.fileId: filen finns inte/],
        ['a stage that does not exist', (d) => { const x = d.evaluationStages?.[0]; if (x) x.stage = 'klar'; }, /evaluationStages\[0\]\.stage: ska vara ett av stegen: /],
      ];
      for (const [label, mutate, message] of cases) {
        const doc = structuredClone(first);
        mutate(doc);
        let error: unknown;
        await c.s.backup.importDatabase({ document: doc }).catch((e: unknown) => {
          error = e;
        });
        assert.ok(error instanceof DomainError, `${label}: ${String(error)}`);
        assert.match(`${error.message} ${error.details.map((x) => `${x.path}: ${x.message}`).join(' | ')}`, message, label);
        assert.equal((await c.s.evaluations.listEvaluations({ viewer: SYSTEM })).count, 0, `${label}: nothing written`);
        assert.deepEqual(await readdir(c.dir).catch(() => []), [], `${label}: no file written`);
      }
    } finally {
      await c.drop();
    }
  });
});

function createHashHex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
