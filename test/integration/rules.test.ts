/**
 * The scoring and framework rules as the services apply them: a framework maximum cannot go below
 * points already scored, publishing needs every area (made in kompass) or a known total (a printed
 * report), and complete subareas decide an area's score over a stated one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SYSTEM } from '../../src/domain/access.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildEvaluation, buildFramework, randomMunicipalityCode, scoresFor } from '../helpers/factories.ts';
import { rejectsWith } from '../helpers/assert.ts';

void describe(`scoring and framework rules on ${testDbKind()}`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestServices();
  });
  after(async () => ctx.close());

  void test('a framework maximum cannot be set below points already scored; the refusal names the evaluation and subarea and changes nothing', async () => {
    const fw = await buildFramework(ctx.services);
    const code = randomMunicipalityCode();
    const municipality = await ctx.services.municipalities.getMunicipality({ code });
    const sub = fw.areas[0]?.subareas[1];
    assert.ok(sub && sub.max !== null);
    const scored = await buildEvaluation(ctx.services, { municipalityCode: code, frameworkId: fw.id, year: 2023, scores: { [sub.id]: sub.max } });
    const lowered = structuredClone(fw);
    const target = lowered.areas[0]?.subareas[1];
    const other = lowered.areas[0]?.subareas[0];
    assert.ok(target && other && other.max !== null);
    // Move points between two subareas so the area still sums to 100, but below what is scored.
    target.max = (sub.max ?? 0) - 2;
    other.max += 2;
    const err = await rejectsWith(ctx.services.frameworks.updateFramework({ framework: lowered, viewer: SYSTEM }), 'rule_violation', new RegExp(`${municipality.name} 2023: Delområde ${sub.id.replace('.', '\\.')}: ${sub.max} poäng är mer än max ${target.max}`));
    assert.equal(err.details.length, 1);
    assert.equal((await ctx.services.frameworks.getFramework({ id: fw.id })).areas[0]?.subareas[1]?.max, sub.max, 'nothing written');
    // Down to exactly the scored points is fine once nothing is above it.
    await ctx.services.evaluations.setScores({ id: scored.id, expectedVersion: scored.version, scores: { [sub.id]: target.max }, viewer: SYSTEM });
    const saved = await ctx.services.frameworks.updateFramework({ framework: lowered, viewer: SYSTEM });
    assert.equal(saved.areas[0]?.subareas[1]?.max, target.max);
  });

  void test('framework writes are for administrators, checked by the service itself', async () => {
    const fw = await buildFramework(ctx.services);
    const evaluator = { userId: null, role: 'evaluator' as const, municipalityCode: null, name: 'utvärderare' };
    await rejectsWith(ctx.services.frameworks.updateFramework({ framework: { ...fw, name: 'Ändrad' }, viewer: evaluator }), 'forbidden', /administratör/);
    await rejectsWith(ctx.services.frameworks.createFramework({ framework: { ...fw, id: `${fw.id}-b` }, viewer: evaluator }), 'forbidden', /administratör/);
  });

  void test('publishing an evaluation made in kompass with only a printed total is refused, naming the areas without points', async () => {
    const e = await buildEvaluation(ctx.services, { statedTotal: 600, areas: [{ number: 1, statedScore: 70 }] });
    const err = await rejectsWith(ctx.services.evaluations.changeStatus({ id: e.id, expectedVersion: e.version, status: 'published', viewer: SYSTEM }), 'rule_violation', /områdena 2, 3, 4, 5, 6, 7 och 8 saknar poäng/);
    assert.match(err.message, /alla delområden eller en angiven områdespoäng/);
    assert.equal((await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: SYSTEM })).status, 'draft');
    await rejectsWith(ctx.services.evaluations.createEvaluation({ input: { municipalityCode: randomMunicipalityCode(), frameworkId: 'kk2020', year: 2024, status: 'published', statedTotal: 600 }, viewer: SYSTEM }), 'rule_violation', /saknar poäng/);
    // The record of a report published elsewhere keeps what the report printed: a known total is enough.
    const printed = await buildEvaluation(ctx.services, { statedTotal: 600, areas: [{ number: 1, statedScore: 70 }], source: { kind: 'import', fileName: 'rapport.pdf' } });
    const pub = await ctx.services.evaluations.changeStatus({ id: printed.id, expectedVersion: printed.version, status: 'published', viewer: SYSTEM });
    assert.equal(pub.status, 'published');
    const unknown = await buildEvaluation(ctx.services, { source: { kind: 'import' }, areas: [{ number: 1, statedScore: 70 }] });
    await rejectsWith(ctx.services.evaluations.changeStatus({ id: unknown.id, expectedVersion: unknown.version, status: 'published', viewer: SYSTEM }), 'rule_violation', /totalpoängen är inte känd/);
  });

  void test('area score: a stated area score stands until every subarea has points, then the sum of the subareas decides', async () => {
    const fw = await buildFramework(ctx.services);
    const area = fw.areas[0];
    assert.ok(area);
    const e = await buildEvaluation(ctx.services, { frameworkId: fw.id, areas: [{ number: 1, statedScore: 80 }] });
    let s = await ctx.services.evaluations.getSummary({ id: e.id, viewer: SYSTEM });
    assert.deepEqual([s.areas[0]?.score, s.areas[0]?.source], [80, 'stated']);
    const [first, ...rest] = area.subareas;
    assert.ok(first);
    const one = await ctx.services.evaluations.setScores({ id: e.id, expectedVersion: e.version, scores: { [first.id]: 1 }, viewer: SYSTEM });
    s = await ctx.services.evaluations.getSummary({ id: e.id, viewer: SYSTEM });
    assert.deepEqual([s.areas[0]?.score, s.areas[0]?.source], [80, 'stated'], 'partly scored: the stated score stands');
    const half = scoresFor(fw, 0.5);
    await ctx.services.evaluations.setScores({ id: e.id, expectedVersion: one.version, scores: Object.fromEntries([first, ...rest].map((x) => [x.id, half[x.id] ?? 0])), viewer: SYSTEM });
    s = await ctx.services.evaluations.getSummary({ id: e.id, viewer: SYSTEM });
    assert.deepEqual([s.areas[0]?.score, s.areas[0]?.source], [50, 'subareas'], 'all subareas known: their sum decides');
    assert.match(s.notes.map((n) => n.message).join(' '), /Område 1: angivet 80 poäng men delområdena summerar till 50; delområdenas summa gäller/);
    // The stated score itself is kept as the report printed it.
    assert.equal((await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: SYSTEM })).areas[0]?.statedScore, 80);
  });
});
