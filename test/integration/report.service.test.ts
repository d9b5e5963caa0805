import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SYSTEM, PUBLIC } from '../../src/domain/access.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { createMemoryReportCache, createReportService, RENDER_FAILURE_TTL_MS, type ReportRenderers } from '../../src/services/report.service.ts';
import type { ReportViewModel } from '../../src/reports/view-model.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildEvaluation, buildFramework, scoresFor } from '../helpers/factories.ts';
import { rejectsWith } from '../helpers/assert.ts';


/** Renderers that record what they were asked to render (the real ones are tested in e2e). */
function countingRenderers(): ReportRenderers & { calls: ReportViewModel[] } {
  const calls: ReportViewModel[] = [];
  const render = async (vm: ReportViewModel): Promise<Buffer> => {
    calls.push(vm);
    return Buffer.from(`${vm.meta.title} #${calls.length}`);
  };
  return { pdf: render, docx: render, calls };
}

void describe(`report service on ${testDbKind()}`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestServices();
  });
  after(async () => ctx.close());

  void test('a published report is rendered once and then served from the cache', async () => {
    const fw = await buildFramework(ctx.services);
    const e = await buildEvaluation(ctx.services, { frameworkId: fw.id, status: 'published', scores: scoresFor(fw, 0.6) });
    const r = countingRenderers();
    const reports = createReportService({ ...ctx.services, renderers: r });
    const first = await reports.getReport({ id: e.id, format: 'pdf', viewer: PUBLIC });
    const second = await reports.getReport({ id: e.id, format: 'pdf', viewer: PUBLIC });
    assert.equal(first.cached, false);
    assert.equal(second.cached, true);
    assert.equal(second.key, first.key);
    assert.equal(r.calls.length, 1);
    assert.equal(first.contentType, 'application/pdf');
    assert.match(first.fileName, /^kommunkompassen-.+-2021\.pdf$/);
    // Each format has its own entry.
    const docx = await reports.getReport({ viewer: SYSTEM, id: e.id, format: 'DOCX' });
    assert.equal(docx.cached, false);
    assert.equal(docx.contentType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(r.calls.length, 2);
  });

  void test('cache invalidation: edited framework text, and a new comparable evaluation changing the average', async () => {
    const fw = await buildFramework(ctx.services);
    const e = await buildEvaluation(ctx.services, { frameworkId: fw.id, status: 'published', scores: scoresFor(fw, 0.6) });
    const r = countingRenderers();
    const cache = createMemoryReportCache();
    const reports = createReportService({ ...ctx.services, renderers: r, cache });
    const a = await reports.getReport({ viewer: SYSTEM, id: e.id, format: 'pdf' });

    await ctx.services.frameworks.updateFramework({ viewer: SYSTEM, framework: { ...fw, about: `${fw.about}\n\nEtt nytt stycke om metoden.` } });
    const b = await reports.getReport({ viewer: SYSTEM, id: e.id, format: 'pdf' });
    assert.equal(b.cached, false, 'framework.about changed');
    assert.notEqual(b.key, a.key);
    const lastAbout = r.calls[1]?.about.blocks.at(-1);
    assert.match(lastAbout?.kind === 'paragraph' ? (lastAbout.runs[0]?.text ?? '') : '', /Ett nytt stycke/);
    assert.equal(cache.size(), 1, 'the superseded file is dropped');

    await buildEvaluation(ctx.services, { frameworkId: fw.id, status: 'published', scores: scoresFor(fw, 0.9) });
    const c = await reports.getReport({ viewer: SYSTEM, id: e.id, format: 'pdf' });
    assert.equal(c.cached, false, 'the average of comparable evaluations changed');
    assert.notEqual(c.key, b.key);
    assert.equal(r.calls[2]?.summary.radar?.data.series[1]?.name, 'Genomsnitt (1 utvärdering)');

    const d = await reports.getReport({ viewer: SYSTEM, id: e.id, format: 'pdf' });
    assert.equal(d.cached, true);
    assert.equal(r.calls.length, 3);
  });

  void test('drafts: cached by content like published reports (an edit gives a new file) and hidden from viewers who may not see them', async () => {
    const e = await buildEvaluation(ctx.services, { status: 'draft', scores: scoresFor(FRAMEWORK_2020, 0.5) });
    const r = countingRenderers();
    const reports = createReportService({ ...ctx.services, renderers: r });
    const first = await reports.getReport({ viewer: SYSTEM, id: e.id, format: 'pdf' });
    assert.match(first.fileName, /-utkast\.pdf$/);
    const same = await reports.getReport({ id: e.id, format: 'pdf', viewer: SYSTEM });
    assert.equal(same.cached, true);
    assert.equal(r.calls.length, 1);
    await ctx.services.evaluations.setScores({ id: e.id, expectedVersion: e.version, scores: { '1.1': 3 }, viewer: SYSTEM });
    const second = await reports.getReport({ id: e.id, format: 'pdf', viewer: SYSTEM });
    assert.equal(second.cached, false);
    assert.notEqual(second.key, first.key);
    assert.equal(r.calls.length, 2);
    assert.equal(r.calls[1]?.scoreOverview.tables[0]?.rows[0]?.achieved, '3');
    assert.match(r.calls[1]?.titlePage.statusWarning ?? '', /UTKAST/);
    await rejectsWith(reports.getReport({ id: e.id, format: 'pdf', viewer: PUBLIC }), 'not_found', /finns inte/);
  });

  void test('a failed render is remembered briefly: the same content is not rendered again until it expires', async () => {
    const e = await buildEvaluation(ctx.services, { status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.4) });
    let calls = 0;
    const failing = async (): Promise<Buffer> => {
      calls += 1;
      throw new DomainError('unprocessable', 'Sättningen av rapporten tog längre tid än 60 sekunder och avbröts.');
    };
    let clock = 1_000_000;
    const reports = createReportService({ ...ctx.services, renderers: { pdf: failing, docx: failing }, now: () => clock });
    await rejectsWith(reports.getReport({ id: e.id, format: 'pdf', viewer: SYSTEM }), 'unprocessable', /avbröts/);
    await rejectsWith(reports.getReport({ id: e.id, format: 'pdf', viewer: SYSTEM }), 'unprocessable', /avbröts/);
    assert.equal(calls, 1);
    clock += RENDER_FAILURE_TTL_MS + 1;
    await rejectsWith(reports.getReport({ id: e.id, format: 'pdf', viewer: SYSTEM }), 'unprocessable', /avbröts/);
    assert.equal(calls, 2);
  });

  void test('clear errors: unknown evaluation, unsupported format', async () => {
    const reports = createReportService({ ...ctx.services, renderers: countingRenderers() });
    await rejectsWith(reports.getReport({ viewer: SYSTEM, id: '00000000-0000-4000-8000-000000000000', format: 'pdf' }), 'not_found', /finns inte/);
    const e = await buildEvaluation(ctx.services, { status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.5) });
    await rejectsWith(reports.getReport({ viewer: SYSTEM, id: e.id, format: 'odt' }), 'unsupported', /"odt" stöds inte\. Välj pdf eller docx/);
  });

  void test('real renderers: a PDF and a DOCX come out of the stored data', async () => {
    const e = await buildEvaluation(ctx.services, { status: 'published', scores: scoresFor(FRAMEWORK_2020, 0.7), areas: [{ number: 1, narratives: { '1.1': 'Text med **fetstil**.' }, strengths: ['S'], improvements: ['F'] }] });
    const reports = createReportService(ctx.services);
    const pdf = await reports.getReport({ viewer: SYSTEM, id: e.id, format: 'pdf' });
    assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
    const docx = await reports.getReport({ viewer: SYSTEM, id: e.id, format: 'docx' });
    assert.equal(docx.body.subarray(0, 2).toString('latin1'), 'PK');
  });
});
