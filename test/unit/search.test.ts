import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTsQuery, excerpt, foldTerm, parseHighlight, passageAnchor, queryWords, stemPrefixes, tsLiteral } from '../../src/domain/search.ts';

void test('every passage has a stable anchor on the evaluation page', () => {
  assert.equal(passageAnchor({ kind: 'summary', areaNumber: null, subareaId: null, item: null }), 'summary');
  assert.equal(passageAnchor({ kind: 'area-summary', areaNumber: 3, subareaId: null, item: null }), 'a-3');
  assert.equal(passageAnchor({ kind: 'narrative', areaNumber: 1, subareaId: '1.4', item: null }), 'd-1.4');
  assert.equal(passageAnchor({ kind: 'strength', areaNumber: 2, subareaId: null, item: 3 }), 's-2-3');
  assert.equal(passageAnchor({ kind: 'improvement', areaNumber: 2, subareaId: null, item: 1 }), 'f-2-1');
  assert.equal(passageAnchor({ kind: 'good-example', areaNumber: 5, subareaId: '5.2', item: 2 }), 'g-5-2');
});

void test('query words: letters and digits, lower case, at most eight', () => {
  assert.deepEqual(queryWords('  Medborgardialog, e-tjänster & "Hållbarhet" 2020 '), ['medborgardialog', 'e', 'tjänster', 'hållbarhet', '2020']);
  assert.equal(queryWords('a b c d e f g h i j').length, 8);
  assert.deepEqual(queryWords(' ,.; '), []);
});

void test('folding types å/ä/ö as a/o', () => {
  assert.equal(foldTerm('Jämförelser på Öland'), 'jamforelser pa oland');
  assert.deepEqual(stemPrefixes('jamforels'), ['jamforel', 'jamfore', 'jamfor', 'jamfo']);
  assert.deepEqual(stemPrefixes('dialog'), ['dialo']);
});

void test('tsquery: all words, each as prefix or stored word, with quotes escaped', () => {
  assert.equal(tsLiteral("o'hara\\x"), "'o''hara\\\\x'");
  assert.equal(
    buildTsQuery([
      { stems: ['dialog'], terms: ['dialog', 'medborgardialog'] },
      { stems: ['nämnd'], terms: [] },
    ]),
    "('dialog':* | 'dialog' | 'medborgardialog') & ('nämnd':*)",
  );
  assert.equal(buildTsQuery([{ stems: [], terms: [] }]), null);
});

void test('highlights are read back as plain text parts, never markup', () => {
  const parts = parseHighlight('Kommunen har \u0002medborgardialogerna\u0003 i <b>alla</b>\u0004 **nämnder** och \u0002dialog\u0003.');
  assert.deepEqual(parts, [
    { text: 'Kommunen har ', hit: false },
    { text: 'medborgardialogerna', hit: true },
    { text: ' i <b>alla</b> … nämnder och ', hit: false },
    { text: 'dialog', hit: true },
    { text: '.', hit: false },
  ]);
  assert.deepEqual(parseHighlight('\u0002ord'), [{ text: 'ord', hit: true }]);
});

void test('excerpts without a query are cut at a word', () => {
  const long = `${'ord '.repeat(200)}slut`;
  const cut = excerpt(long, 50);
  assert.ok(cut.length <= 52 && cut.endsWith('…'));
  assert.equal(excerpt('**Kort** text'), 'Kort text');
});
