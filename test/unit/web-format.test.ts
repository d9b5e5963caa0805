import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, makeFormatters } from '../../web/src/lib/format.ts';

const NBSP = '\u00a0';
const SV = { group: NBSP, decimal: ',', minus: '−' };
const EN = { group: ',', decimal: '.', minus: '-' };

test('numbers are written as Intl writes them for sv-SE, nb-NO and en-GB, without building an Intl formatter', () => {
  const values = [0, 1, -1, 0.5, 2.5, -2.5, 1.005, 12.345, 999.999, 1234.5, -1234.5, 12_345_678.25, 0.125, 64, 799.5, 100];
  for (let i = 0; i < 200; i++) values.push(Math.round((i * 7919.37) % 20_000) / (i % 3 === 0 ? 1 : 8) - 5000);
  for (const decimals of [0, 1, 2]) {
    for (const [locale, marks] of [['sv-SE', SV], ['nb-NO', SV], ['en-GB', EN]] as const) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, useGrouping: true });
      for (const v of values) assert.equal(formatNumber(v, decimals, marks), intl.format(v), `${locale} ${decimals} ${v}`);
    }
  }
});

test('the formatters print points, percent and deltas with the interface language marks', () => {
  const sv = makeFormatters('sv');
  assert.equal(sv.points(63.5), '64');
  assert.equal(sv.number(1234.56, 1), `1${NBSP}234,6`);
  assert.equal(sv.percent(81.6), `82${NBSP}%`);
  assert.equal(sv.delta(-3.5), '−3,5');
  assert.equal(sv.points(null), '–');
  assert.equal(makeFormatters('en').number(1234.56, 1), '1,234.6');
});

test('a month and year are written in the interface language', () => {
  assert.equal(makeFormatters('sv').yearMonth(2020, 12), 'december 2020');
  assert.equal(makeFormatters('sv').yearMonth(2020, null), '2020');
});
