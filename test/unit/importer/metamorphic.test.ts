/**
 * Metamorphic corpus over the seeds: every variant must keep every part of the report (at least 90 % of
 * the original's items, scores, texts) or warn about it; nothing may be lost silently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareParts, importText, variantsOf } from './metamorphic.ts';
import { readSeed } from './seeds.ts';

for (const seed of ['001', '002', '004']) {
  void test(`metamorphic variants of seed ${seed}: every part found or warned about`, () => {
    const original = importText(readSeed(seed), seed);
    assert.equal(original.ok, true);
    const variants = variantsOf(seed);
    assert.ok(variants.length >= 15);
    for (const v of variants) {
      const r = importText(v.text, v.name);
      assert.equal(r.ok, true, `${v.name}: ${r.preview.problems.filter((p) => p.severity === 'error').map((p) => p.message).join(' ')}`);
      assert.equal(r.preview.total, original.preview.total, `${v.name}: totalpoäng`);
      const lost = compareParts(original.preview, r.preview).filter((o) => !o.ok);
      assert.deepEqual(
        lost.map((o) => `${o.part}${o.area ? ` område ${o.area}` : ''}: ${o.found} av ${o.original}`),
        [],
        `${v.name}: delar som försvann utan varning`,
      );
    }
  });
}

void test('removing a part gives a warning that says what was not found and where the importer looked', () => {
  const seed = readSeed('001');
  const noSummary = importText(seed.replace(/Sammanfattande kommentar(?:er)?/g, 'Övrigt'), 'utan-sammanfattning').preview;
  const w = noSummary.problems.find((p) => p.code === 'missing-part' && /sammanfattande/i.test(p.message));
  assert.ok(w, 'varning om sammanfattningen');
  assert.equal(w.severity, 'warning');
  assert.match(w.message, /sökte efter/);
  const noStrengths = importText(seed.replace(/^Styrkor\tFörbättringsmöjligheter\n[^\n]*\n/m, ''), 'utan-lista').preview;
  const a1 = noStrengths.problems.filter((p) => p.area === 1 && p.code === 'missing-part').map((p) => p.message);
  assert.ok(a1.some((m) => /inga styrkor hittades \(sökte efter rubrikerna Styrkor, Starka sidor, Styrkeområden\)/.test(m)), a1.join(' | '));
  assert.ok(a1.some((m) => /inga förbättringsmöjligheter hittades/.test(m)));
  // A subarea heading with no text after it, and an area missing from the score table (Borås 2013's table stops after area 3).
  const noText = importText(seed.replace(/(\nSocial hållbarhet\n)[\s\S]*?(\nEkologisk hållbarhet\n)/, '$1$2'), 'utan-text').preview;
  assert.ok(noText.problems.some((p) => p.code === 'subarea-text-empty' && p.subarea === '2.2' && p.severity === 'warning' && p.at), 'tom text under 2.2');
  const boras = importText(readSeed('002'), '002').preview;
  assert.deepEqual(boras.problems.filter((p) => p.code === 'table-area-missing').map((p) => p.area), [4, 5, 6, 7, 8]);
  // Every part is listed, found or not.
  assert.ok(noStrengths.parts.some((p) => p.part === 'styrkor' && p.area === 1 && !p.found));
  assert.ok(noStrengths.parts.some((p) => p.part === 'styrkor' && p.area === 2 && p.found));
});
