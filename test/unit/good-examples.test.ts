import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAMEWORK_2020 } from '../../src/catalog/framework-2020.ts';
import type { AreaText } from '../../src/domain/evaluation.ts';
import { excerpt, findGoodExamples, type ExampleSource } from '../../src/domain/good-examples.ts';
import { computeScores } from '../../src/domain/scoring.ts';

const area = (number: number, over: Partial<AreaText> = {}): AreaText => ({ number, statedScore: null, summary: '', narratives: {}, strengths: [], improvements: [], goodExamples: [], ...over });

function source(id: string, name: string, points: Record<string, number>, areas: AreaText[]): ExampleSource {
  return { evaluationId: id, municipality: { code: id, name }, year: 2021, framework: FRAMEWORK_2020, score: computeScores({ framework: FRAMEWORK_2020, subareaPoints: points }), areas };
}

const low = source('0001', 'Lågby', { '1.3': 9 }, [area(1, { narratives: { '1.3': 'Medborgardialog finns men sällan.' }, strengths: ['Öppna nämndmöten'] })]);
const high = source('0002', 'Högstad', { '1.3': 27 }, [
  area(1, {
    narratives: { '1.3': 'Medborgardialog i **alla** stora projekt, med återkoppling.' },
    goodExamples: [{ municipalityCode: '1880', name: 'Örebro', subareaId: '1.3', text: 'Dialogforum med unga' }],
  }),
  area(2, { strengths: ['Bred samverkan med föreningar'] }),
]);

test('a subarea query returns good examples and narratives of that subarea, best-scored first', () => {
  const hits = findGoodExamples([low, high], { subareaId: '1.3' });
  assert.deepEqual(hits.map((h) => [h.municipality.name, h.kind, h.percent]), [
    ['Högstad', 'good-example', 90],
    ['Högstad', 'narrative', 90],
    ['Lågby', 'narrative', 30],
  ]);
  assert.equal(hits[0]?.example?.name, 'Örebro');
  assert.equal(hits[1]?.text, 'Medborgardialog i alla stora projekt, med återkoppling.');
  assert.equal(hits[0]?.subareaTitle, 'Medborgarnas möjlighet till dialog med politiken');
});

test('words match case- and accent-insensitively across text, example and municipality', () => {
  assert.deepEqual(findGoodExamples([low, high], { q: 'FORENINGAR' }).map((h) => h.text), ['Bred samverkan med föreningar']);
  assert.deepEqual(findGoodExamples([low, high], { q: 'orebro unga' }).map((h) => h.kind), ['good-example']);
  assert.deepEqual(findGoodExamples([low, high], { q: 'finns inte alls' }), []);
});

test('area and kind filters', () => {
  assert.ok(findGoodExamples([low, high], { areaNumber: 2 }).every((h) => h.areaNumber === 2));
  assert.deepEqual(findGoodExamples([low, high], { kinds: ['strength'] }).map((h) => h.text).sort(), ['Bred samverkan med föreningar', 'Öppna nämndmöten']);
});

test('long narratives are cut at a word with an ellipsis', () => {
  const text = 'ord '.repeat(200);
  const e = excerpt(text, 50);
  assert.ok(e.length <= 52);
  assert.match(e, /ord …$/);
});
