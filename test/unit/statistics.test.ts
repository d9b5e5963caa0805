import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, distanceToBest, quantile, rankAmong } from '../../src/domain/statistics.ts';

test('distribution: n, mean, median, quartiles (percentile_cont interpolation), min, max; unknown values left out', () => {
  assert.deepEqual(describe([400, null, 560, 560, 612, 264]), { n: 5, mean: 479.2, median: 560, p25: 400, p75: 560, min: 264, max: 612 });
  // Interpolation between neighbours: (n-1)·p = 0.75 → 10 + 0.75·(20-10).
  assert.equal(quantile([10, 20, 30, 40], 0.25), 17.5);
  assert.equal(quantile([10, 20, 30, 40], 0.5), 25);
  assert.equal(describe([]), null);
  assert.equal(describe([null, null]), null);
});

test('distribution of one value (n = 1): every figure is that value', () => {
  assert.deepEqual(describe([16.4]), { n: 1, mean: 16.4, median: 16.4, p25: 16.4, p75: 16.4, min: 16.4, max: 16.4 });
});

test('rank: higher is better, ties share the best rank (1, 2, 2, 4), unknown values do not count', () => {
  const group = [612, 560, 560, 400, null];
  assert.deepEqual(rankAmong(612, group), { rank: 1, of: 4, tiedWith: 0 });
  assert.deepEqual(rankAmong(560, group), { rank: 2, of: 4, tiedWith: 1 });
  assert.deepEqual(rankAmong(400, group), { rank: 4, of: 4, tiedWith: 0 });
  assert.equal(rankAmong(null, group), null);
  // Alone in the group.
  assert.deepEqual(rankAmong(7, [7]), { rank: 1, of: 1, tiedWith: 0 });
  // Floating noise does not break a tie (0.1 + 0.2 equals 0.3).
  assert.deepEqual(rankAmong(0.1 + 0.2, [0.3, 0.1 + 0.2]), { rank: 1, of: 2, tiedWith: 1 });
});

test('distance to the best: 0 for the best, unknown for an unknown value', () => {
  assert.equal(distanceToBest(12.5, [20, 12.5, null]), 7.5);
  assert.equal(distanceToBest(20, [20, 20]), 0);
  assert.equal(distanceToBest(null, [20]), null);
  assert.equal(distanceToBest(5, []), 0);
});
