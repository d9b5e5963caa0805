/**
 * Framework administration as the services apply it: the list with the evaluations using each version,
 * variants derived from imports accepted, renamed or merged into a known version (the merge moves the
 * evaluations after checking that their subareas exist there and their scores fit, and refuses naming
 * each evaluation otherwise), every write audited and refused on a stale version.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SYSTEM } from '../../src/domain/access.ts';
import type { FrameworkDef } from '../../src/domain/framework.ts';
import { createTestServices, testDbKind, type TestContext } from '../helpers/db.ts';
import { buildEvaluation, buildFramework, randomMunicipalityCode } from '../helpers/factories.ts';
import { rejectsWith } from '../helpers/assert.ts';

const ADMIN = { userId: null, role: 'admin' as const, municipalityCode: null, name: 'Ramverksförvaltare' };

/** A variant as an import registers it: derived, marked for review; `edit` changes its areas. */
async function buildVariant(ctx: TestContext, edit: (fw: FrameworkDef) => void = () => undefined) {
  const known = await buildFramework(ctx.services);
  const areas = structuredClone(known.areas);
  const fw: FrameworkDef = { ...known, id: `${known.id}-v`, name: `Härledd ${known.id}`, areas, origin: 'derived-import', needsReview: true };
  edit(fw);
  const variant = await ctx.services.frameworks.registerDerivedFramework({ framework: fw, viewer: SYSTEM });
  return { known, variant };
}

void describe(`framework administration on ${testDbKind()}`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestServices();
  });
  after(async () => ctx.close());

  void test('the list counts the evaluations of each version; accepting and renaming a variant are audited and refused on a stale version', async () => {
    const { variant } = await buildVariant(ctx);
    await buildEvaluation(ctx.services, { frameworkId: variant.id, year: 2016, scores: { '1.1': 12 } });
    await buildEvaluation(ctx.services, { frameworkId: variant.id, year: 2017, source: { kind: 'import' }, statedTotal: 500, status: 'published' });
    const listed = (await ctx.services.frameworks.listFrameworkAdministration({ viewer: ADMIN })).find((f) => f.id === variant.id);
    assert.deepEqual([listed?.evaluationCount, listed?.publishedCount, listed?.needsReview], [2, 1, true]);
    assert.equal((await ctx.services.frameworks.getFrameworkAdministration({ id: variant.id, viewer: ADMIN })).evaluations.length, 2);
    await rejectsWith(ctx.services.frameworks.listFrameworkAdministration({ viewer: { ...ADMIN, role: 'evaluator' } }), 'forbidden', /administratör/);

    const accepted = await ctx.services.frameworks.acceptFrameworkVariant({ id: variant.id, expectedVersion: variant.version, viewer: ADMIN });
    assert.equal(accepted.needsReview, false);
    await rejectsWith(ctx.services.frameworks.acceptFrameworkVariant({ id: variant.id, expectedVersion: accepted.version, viewer: ADMIN }), 'rule_violation', /väntar på granskning/);
    await rejectsWith(ctx.services.frameworks.renameFramework({ id: variant.id, name: 'För sent', expectedVersion: variant.version, viewer: ADMIN }), 'conflict', /har ändrats sedan du öppnade/);
    const renamed = await ctx.services.frameworks.renameFramework({ id: variant.id, name: `Uppdatering 2015 ${variant.id}`, year: 2015, expectedVersion: accepted.version, viewer: ADMIN });
    assert.deepEqual([renamed.id, renamed.name, renamed.year], [variant.id, `Uppdatering 2015 ${variant.id}`, 2015]);
    await rejectsWith(ctx.services.frameworks.renameFramework({ id: variant.id, name: 'kommunkompassen 2020 ', expectedVersion: renamed.version, viewer: ADMIN }), 'duplicate', /används redan av ramverksversionen kk2020/);
    const entries = await ctx.services.audit.listEntries({ entity: 'framework', entityId: variant.id });
    assert.deepEqual(entries.map((e) => e.action).slice(0, 2), ['rename', 'accept']);
    assert.deepEqual(entries[0]?.after, { name: renamed.name, year: 2015 });
    assert.equal(entries[0]?.actor.name, ADMIN.name);
  });

  void test('merging a variant moves its evaluations to the known version, audited on each, and removes the variant', async () => {
    const { known, variant } = await buildVariant(ctx);
    const a = await buildEvaluation(ctx.services, { frameworkId: variant.id, year: 2016, scores: { '1.1': 12, '1.3': 25 } });
    const b = await buildEvaluation(ctx.services, { frameworkId: variant.id, year: 2018, scores: { '2.2': 20 } });
    const merged = await ctx.services.frameworks.mergeFrameworkVariant({ id: variant.id, into: known.id, expectedVersion: variant.version, viewer: ADMIN });
    assert.equal(merged.framework.id, known.id);
    assert.deepEqual(merged.moved.map((e) => e.id).sort(), [a.id, b.id].sort());
    const moved = await ctx.services.evaluations.getEvaluation({ id: a.id, viewer: SYSTEM });
    assert.equal(moved.frameworkId, known.id);
    assert.equal(moved.scores['1.3'], 25, 'scores kept');
    assert.ok(moved.version > a.version, 'the evaluation version is bumped so read models reload it');
    await rejectsWith(ctx.services.frameworks.getFramework({ id: variant.id }), 'not_found');
    const history = await ctx.services.audit.listEntries({ entity: 'evaluation', entityId: a.id });
    assert.deepEqual(history[0]?.after, { frameworkId: known.id });
    assert.equal((await ctx.services.audit.listEntries({ entity: 'framework', entityId: known.id }))[0]?.action, 'merge');
    const counts = (await ctx.services.frameworks.listFrameworkAdministration({ viewer: ADMIN })).find((f) => f.id === known.id);
    assert.equal(counts?.evaluationCount, 2);
  });

  void test('a merge whose evaluations do not fit the known version is refused, naming each evaluation and subarea, and changes nothing', async () => {
    const { known, variant } = await buildVariant(ctx, (fw) => {
      const area = fw.areas[0];
      assert.ok(area);
      // Area 1 of the variant: 1.1 10, 1.2 20 (known: 20, 10), and a sixth subarea split off 1.5.
      const [s1, s2, , , s5] = area.subareas;
      assert.ok(s1 && s2 && s5);
      s1.max = 10;
      s2.max = 20;
      s5.max = 20;
      area.subareas.push({ id: '1.6', title: 'Delområde som bara varianten har', max: 10 });
    });
    const code = randomMunicipalityCode();
    const name = (await ctx.services.municipalities.getMunicipality({ code })).name;
    const split = await buildEvaluation(ctx.services, { municipalityCode: code, frameworkId: variant.id, year: 2016, scores: { '1.6': 7 } });
    const above = await buildEvaluation(ctx.services, { municipalityCode: code, frameworkId: variant.id, year: 2017, scores: { '1.2': 15 } });
    const fits = await buildEvaluation(ctx.services, { frameworkId: variant.id, year: 2018, scores: { '3.1': 5 } });
    const err = await rejectsWith(
      ctx.services.frameworks.mergeFrameworkVariant({ id: variant.id, into: known.id, expectedVersion: variant.version, viewer: ADMIN }),
      'rule_violation',
      /2 utvärderingar passar inte/,
    );
    const messages = err.details.map((d) => d.message);
    assert.ok(messages.includes(`${name} 2016: delområde 1.6 (poäng) finns inte i ${known.name}.`), messages.join(' | '));
    assert.ok(messages.includes(`${name} 2017: Delområde 1.2: 15 poäng är mer än max 10.`), messages.join(' | '));
    assert.deepEqual((err.extra.evaluations as Array<{ id: string }>).map((e) => e.id).sort(), [split.id, above.id].sort());
    for (const e of [split, above, fits]) assert.equal((await ctx.services.evaluations.getEvaluation({ id: e.id, viewer: SYSTEM })).frameworkId, variant.id, 'nothing moved');
    assert.equal((await ctx.services.frameworks.getFramework({ id: variant.id })).version, variant.version, 'the variant stays as it was');
    // Catalog versions and versions awaiting review are not merged.
    await rejectsWith(ctx.services.frameworks.mergeFrameworkVariant({ id: 'kk2010', into: known.id, expectedVersion: 1, viewer: ADMIN }), 'rule_violation', /Bara varianter härledda ur importer/);
    await rejectsWith(ctx.services.frameworks.mergeFrameworkVariant({ id: known.id, into: variant.id, expectedVersion: known.version, viewer: ADMIN }), 'rule_violation', /Bara varianter/);
  });

  void test('a maximum below scored points is refused with the evaluations it would break, for links', async () => {
    const fw = await buildFramework(ctx.services);
    const e = await buildEvaluation(ctx.services, { frameworkId: fw.id, year: 2022, scores: { '1.2': 9 } });
    const areas = structuredClone(fw.areas);
    const [s1, s2] = areas[0]?.subareas ?? [];
    assert.ok(s1 && s2 && s1.max !== null);
    s2.max = 5;
    s1.max += 5;
    const err = await rejectsWith(ctx.services.frameworks.updateFramework({ framework: { id: fw.id, areas }, expectedVersion: fw.version, viewer: ADMIN }), 'rule_violation', /Delområde 1\.2: 9 poäng är mer än max 5/);
    assert.deepEqual((err.extra.evaluations as Array<{ id: string; label: string }>).map((x) => x.id), [e.id]);
  });

  void test('title translations are data per version: edited with the version, empty titles dropped, unknown subareas refused, shipped ones seeded', async () => {
    const seeded = await ctx.services.frameworks.listTitleTranslations({ lang: 'en' });
    assert.equal(seeded.kk2020?.areas['2'], 'Community development', 'the catalog versions carry their shipped translations');
    const fw = await buildFramework(ctx.services);
    assert.equal((await ctx.services.frameworks.listTitleTranslations({ lang: 'nb' }))[fw.id], undefined, 'a version without translations is left out');
    const saved = await ctx.services.frameworks.updateFramework({
      framework: { id: fw.id, translations: { nb: { note: 'Uoffisiell oversettelse.', areas: { '1': ' Samspill ' }, subareas: { '1.1': 'Strategi', '1.2': '  ' } } } },
      expectedVersion: fw.version,
      viewer: ADMIN,
    });
    assert.deepEqual(saved.translations, { nb: { note: 'Uoffisiell oversettelse.', areas: { '1': 'Samspill' }, subareas: { '1.1': 'Strategi' } } });
    assert.deepEqual((await ctx.services.frameworks.listTitleTranslations({ lang: 'nb' }))[fw.id]?.subareas, { '1.1': 'Strategi' });
    await rejectsWith(
      ctx.services.frameworks.updateFramework({ framework: { id: fw.id, translations: { en: { note: '', areas: {}, subareas: { '9.9': 'Nowhere' } } } }, expectedVersion: saved.version, viewer: ADMIN }),
      'validation',
      /ogiltig/,
    );
    // A change of other fields keeps the translations.
    const renamed = await ctx.services.frameworks.renameFramework({ id: fw.id, name: `Omdöpt ${fw.id}`, expectedVersion: saved.version, viewer: ADMIN });
    assert.deepEqual(renamed.translations, saved.translations);
    assert.deepEqual((await ctx.services.audit.listEntries({ entity: 'framework', entityId: fw.id }))[1]?.after, { translations: saved.translations });
  });
});
