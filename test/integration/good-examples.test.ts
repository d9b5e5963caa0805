import { SYSTEM } from '../../src/domain/access.ts';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { createGoodExampleService } from '../../src/services/good-examples.service.ts';
import { seedDemoData } from '../../src/services/demo.service.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildEvaluation, scoresFor } from '../helpers/factories.ts';

describe(`good examples on ${testDbKind()}`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestServices();
    await seedDemoData(ctx.services);
  });
  after(async () => ctx.close());

  test('finds strengths and narratives of published evaluations', async () => {
    const service = createGoodExampleService(ctx.services);
    const res = await service.searchGoodExamples({ query: { subareaId: '1.3' }, frameworkId: 'kk2020' });
    assert.ok(res.items.some((h) => h.municipality.name === 'Burlöv' && h.kind === 'narrative' && /infrastrukturprojekt/.test(h.text)));
    const strengths = await service.searchGoodExamples({ query: { q: 'basuppdrag' } });
    assert.equal(strengths.items[0]?.municipality.code, '1231');
  });

  test('never shows drafts or evaluations shared for review', async () => {
    const secret = `Hemligt utkastexempel ${Date.now()}`;
    const draft = await buildEvaluation(ctx.services, { scores: scoresFor(FRAMEWORK_2020, 0.9), areas: [{ number: 1, strengths: [secret], goodExamples: [{ municipalityCode: null, name: 'Någonstans', subareaId: '1.1', text: secret }] }] });
    await ctx.services.evaluations.changeStatus({ viewer: SYSTEM, id: draft.id, expectedVersion: draft.version, status: 'review' });
    const service = createGoodExampleService(ctx.services);
    const res = await service.searchGoodExamples({ query: { q: 'Hemligt utkastexempel' } });
    assert.deepEqual(res.items, []);
    assert.equal(res.count, 0);
  });
});
