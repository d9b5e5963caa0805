/** The interface languages: every catalog has exactly Swedish's keys, no empty value, the same placeholders; framework titles are translated per version. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sv } from '../../web/src/i18n/sv.ts';
import { en } from '../../web/src/i18n/en.ts';
import { nb } from '../../web/src/i18n/nb.ts';
import { FRAMEWORK_2010 } from '../../src/catalog/framework-2010.ts';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import { localTitle, titleTable } from '../../src/catalog/framework-translations.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const [name, catalog] of [['en', en], ['nb', nb]] as const) {
  test(`${name}: exactly the keys of sv, none empty, the same placeholders`, () => {
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(sv).sort());
    for (const [key, value] of Object.entries(catalog)) {
      assert.ok(value.trim().length > 0, `${name} ${key} is empty`);
      assert.deepEqual(placeholders(value), placeholders(sv[key as keyof typeof sv]), `${name} ${key}: placeholders`);
    }
  });
}

test('sv has no empty value', () => {
  for (const [key, value] of Object.entries(sv)) assert.ok(value.trim().length > 0, key);
});

test('Norwegian is not Swedish: long interface strings differ from sv', () => {
  const same = Object.entries(nb).filter(([k, v]) => v.length >= 25 && !v.includes('Kommunkompassen') && v === sv[k as keyof typeof sv]);
  assert.deepEqual(same, []);
});

for (const fw of [FRAMEWORK_2020, FRAMEWORK_2010]) {
  for (const lang of ['en', 'nb'] as const) {
    test(`${fw.id} ${lang}: every area and subarea title has an unofficial translation`, () => {
      const table = titleTable(fw.id, lang);
      assert.ok(table, 'table exists');
      assert.match(table.note, lang === 'en' ? /unofficial/i : /uoffisiell/i);
      for (const a of fw.areas) {
        assert.deepEqual(localTitle(table, a.number, a.title).lang, lang, `area ${a.number}`);
        for (const s of a.subareas) assert.equal(localTitle(table, s.id, s.title).lang, lang, `subarea ${s.id}`);
      }
    });
  }
}

test('Swedish and unknown versions keep their own titles, marked sv', () => {
  assert.equal(titleTable('kk2020', 'sv'), null);
  assert.equal(titleTable('kk2015-derived', 'en'), null);
  assert.deepEqual(localTitle(null, 1, 'Offentlighet och demokrati'), { text: 'Offentlighet och demokrati', lang: 'sv' });
});
