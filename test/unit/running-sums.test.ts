import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareForList, rankNames } from '../../src/domain/evaluation.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { addToScoreSums, averageFromScoreSums, averageOfComparable, emptyScoreSums, type ComparableScores } from '../../src/domain/scoring.ts';

test('running sums give the same average as a pass over the evaluations, also without one of them and after removals', () => {
  const rnd = seededRandom(7);
  const areaNumbers = [1, 2, 3];
  const value = (): number | null => (rnd() < 0.2 ? null : Math.round(rnd() * 10000) / 100);
  const list: ComparableScores[] = Array.from({ length: 60 }, (_, i) => ({
    evaluationId: `e${i}`,
    frameworkId: 'kk2020',
    total: value(),
    areas: areaNumbers.map((number) => ({ number, score: value() })),
  }));
  const sums = emptyScoreSums();
  for (const e of list) addToScoreSums(sums, e, 1);
  // Taken out again (a correction superseded them): the sums forget them exactly.
  for (const e of list.slice(40)) addToScoreSums(sums, e, -1);
  const kept = list.slice(0, 40);
  assert.deepEqual(averageFromScoreSums('kk2020', areaNumbers, sums), averageOfComparable('kk2020', areaNumbers, kept));
  for (const own of kept.slice(0, 5)) {
    assert.deepEqual(
      averageFromScoreSums('kk2020', areaNumbers, sums, own),
      averageOfComparable('kk2020', areaNumbers, kept.filter((e) => e !== own)),
      `without ${own.evaluationId}`,
    );
  }
  const one = emptyScoreSums();
  addToScoreSums(one, { total: 400, areas: [{ number: 1, score: 50 }] }, 1);
  assert.deepEqual(averageFromScoreSums('kk2020', [1, 2], one, { total: 400, areas: [{ number: 1, score: 50 }] }), {
    frameworkId: 'kk2020',
    count: 0,
    total: null,
    areas: [{ number: 1, score: null, count: 0 }, { number: 2, score: null, count: 0 }],
  });
});

test('the evaluation list: newest first, unknown month first within a year, then Swedish alphabetical order, then id', () => {
  const e = (id: string, year: number, month: number | null, municipalityName: string) => ({ id, year, month, municipalityName });
  const list = [e('a', 2019, 5, 'Borås'), e('b', 2021, 3, 'Örebro'), e('c', 2021, 3, 'Åre'), e('d', 2021, 3, 'Ängelholm'), e('e', 2021, null, 'Zinkgruvan'), e('f', 2021, 3, 'Åre'), e('g', 2021, 9, 'Arboga')];
  const expected = ['e', 'g', 'c', 'f', 'd', 'b', 'a'];
  assert.deepEqual([...list].sort((x, y) => compareForList(x, y)).map((x) => x.id), expected);
  const ranks = rankNames(list.map((x) => x.municipalityName));
  assert.deepEqual([...list].sort((x, y) => compareForList(x, y, ranks)).map((x) => x.id), expected, 'ranked names sort the same');
});
