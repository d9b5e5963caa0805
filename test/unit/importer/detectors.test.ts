import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recoverPoints } from '../../../src/importer/decimals.ts';
import { detectInterviews, detectOrdinal, parseEvaluatorList } from '../../../src/importer/facts.ts';
import { findGoodExamples } from '../../../src/importer/good-examples.ts';
import { splitRunTogether } from '../../../src/importer/lists.ts';
import { resolveMunicipality } from '../../../src/importer/municipality.ts';

void test('municipality names: case, suffixes, genitive and typos', () => {
  assert.deepEqual(resolveMunicipality('Borås stad'), { code: '1490', name: 'Borås' });
  assert.deepEqual(resolveMunicipality('Örebro kommun'), { code: '1880', name: 'Örebro' });
  assert.deepEqual(resolveMunicipality('ÖREBRO KOMMUN'), { code: '1880', name: 'Örebro' });
  assert.deepEqual(resolveMunicipality('Örbro'), { code: '1880', name: 'Örebro' });
  assert.deepEqual(resolveMunicipality('Burlövs kommun'), { code: '1231', name: 'Burlöv' });
  assert.deepEqual(resolveMunicipality('Upplands Väsby'), { code: '0114', name: 'Upplands Väsby' });
  assert.equal(resolveMunicipality('Atlantis'), null);
});

void test('decimals are recovered only when the printed percent requires them', () => {
  assert.deepEqual(recoverPoints(16, 20, 82), { value: 16.4, recovered: true, consistent: true });
  assert.deepEqual(recoverPoints(3, 15, 20), { value: 3, recovered: false, consistent: true });
  assert.deepEqual(recoverPoints(25, 30, 83), { value: 25, recovered: false, consistent: true });
  assert.equal(recoverPoints(9, 25, 38).value, 9.4);
  assert.deepEqual(recoverPoints(10, 20, 90), { value: 10, recovered: false, consistent: false });
});

void test('ordinal, interviews and evaluators', () => {
  assert.equal(detectOrdinal('och var kommunens femte utvärdering enligt'), 5);
  assert.equal(detectOrdinal('var kommunens 5:e utvärdering'), 5);
  assert.equal(detectOrdinal('var kommunens andra utvärdering'), 2);
  assert.deepEqual(detectInterviews('genomfört intervjuer med ett 40-tal personer'), { count: 40, approx: true });
  assert.deepEqual(detectInterviews('genomfört intervjuer med 35 personer'), { count: 35, approx: false });
  assert.deepEqual(parseEvaluatorList('Lars Strid, SKL Anders Dryselius, Hylte kommun'), [
    { name: 'Lars Strid', organisation: 'SKL', isLead: true },
    { name: 'Anders Dryselius', organisation: 'Hylte kommun', isLead: false },
  ]);
});

void test('run-together list items are split at new capitalised phrases, not at names after prepositions', () => {
  assert.deepEqual(splitRunTogether('Webbsändning av möten Mål och resultat presenteras för Boråsborna Lätt att få kontakt'), [
    'Webbsändning av möten',
    'Mål och resultat presenteras för Boråsborna',
    'Lätt att få kontakt',
  ]);
  assert.deepEqual(splitRunTogether('• Ett • Två saker'), ['Ett', 'Två saker']);
});

void test('other municipalities named as good examples are found, the evaluated one is not', () => {
  const text = 'Inom området kan Helsingborg vara en förebild för kommunen. Borås är ett gott exempel på detta. Vi träffade politiker.';
  const found = findGoodExamples(text, '1490', () => '1.2');
  assert.deepEqual(found.map((g) => [g.name, g.municipalityCode, g.subareaId]), [['Helsingborg', '1283', '1.2']]);
});
