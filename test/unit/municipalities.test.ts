import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MUNICIPALITIES } from '../../src/catalog/municipalities.ts';
import { searchPlaces } from '../../src/domain/municipality-search.ts';
import { foldName } from '../../src/domain/text.ts';

const csvPath = path.resolve(import.meta.dirname, '../../../shared/data/municipalities.csv');

test('reference data: 290 municipalities and 21 regions, matching the shared SCB list', { skip: !fs.existsSync(csvPath) && 'shared data not present' }, () => {
  const rows = fs.readFileSync(csvPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  assert.equal(MUNICIPALITIES.filter((m) => m.kind === 'kommun').length, 290);
  assert.equal(MUNICIPALITIES.filter((m) => m.kind === 'region').length, 21);
  assert.deepEqual(
    MUNICIPALITIES.map((m) => [m.code, m.name, m.countyCode, m.countyName, m.kind]),
    rows,
  );
});

test('known codes', () => {
  const code = (name: string) => MUNICIPALITIES.find((m) => m.name === name)?.code;
  assert.equal(code('Burlöv'), '1231');
  assert.equal(code('Borås'), '1490');
  assert.equal(code('Örebro'), '1880');
  assert.equal(code('Västerås'), '1980');
  assert.equal(code('Göteborg'), '1480');
});

test('folding treats å/ä as a and ö as o, ignores case and punctuation', () => {
  assert.equal(foldName('ÖREBRO'), 'orebro');
  assert.equal(foldName('Malung-Sälen'), 'malung salen');
  assert.equal(foldName('Borås'), 'boras');
});

test('search tolerates case, a/o for å/ä/ö, "kommun"/"stad" and the genitive s', () => {
  const first = (q: string) => searchPlaces(MUNICIPALITIES, q)[0]?.code;
  assert.equal(first('orebro'), '1880');
  assert.equal(first('ÖREBRO KOMMUN'), '1880');
  assert.equal(first('Boras stad'), '1490');
  assert.equal(first('Burlövs kommun'), '1231');
  assert.equal(first('vasteras'), '1980');
  assert.equal(first('goteborg'), '1480');
  assert.equal(first('1231'), '1231');
  assert.deepEqual(searchPlaces(MUNICIPALITIES, '14').every((m) => m.code.startsWith('14')), true);
  assert.deepEqual(searchPlaces(MUNICIPALITIES, 'zzzz'), []);
});

test('search finds regions too', () => {
  const hits = searchPlaces(MUNICIPALITIES, 'region gotland');
  assert.equal(hits[0]?.code, '09');
  assert.equal(hits[0]?.kind, 'region');
});
