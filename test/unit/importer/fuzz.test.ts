/**
 * Fuzz test: thousands of mutated and truncated seed texts, plus pathological inputs. The importer
 * must never crash or hang, must refuse what it cannot read with a message, and whatever it accepts
 * must be savable data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_FRAMEWORKS } from '../../../src/catalog/frameworks.ts';
import { EvaluationInputSchema } from '../../../src/domain/evaluation.ts';
import { importReportText } from '../../../src/importer/import-report.ts';
import { readSeed } from './seeds.ts';
import { seededRandom as rng } from '../../../src/domain/random.ts';

const CASES = Number(process.env.KOMPASS_FUZZ_CASES ?? 5000);
const SEEDS = ['000', '001', '002', '004'].map(readSeed);


const TOKENS = [
  'Område 3 ', 'Rubriker ', 'Poäng ', 'Allmänt ', 'Styrkor ', 'Förbättringsmöjligheter ', 'Förbättringsområden ', 'Uppnått Max Procent ',
  '1.1 ', '2.6 ', '8.5 ', '12 15 80 % ', '99 20 500 % ', '% ', '\t', '\n', '\f', '\n\n', 'TOTALT 525 390 ', '2013 2010 1. ', 'Transkript:\n',
  'ANALYS AV ÖRBRO KOMMUN 2015 ', 'Utvärderare: ', 'Läs mer\n', '• ', 'genomfördes i maj år 2013 ', 'med 650 poäng. ', '\u0000', '\uFFFD', 'é', '€',
  'Sveriges Kommuner och Landsting 2013-07-04 24 (27) ', '<ul style="x">', '&amp;', '9'.repeat(40), 'a'.repeat(300),
];

function mutate(text: string, r: () => number): string {
  let t = text;
  const ops = 1 + Math.floor(r() * 6);
  for (let i = 0; i < ops; i += 1) {
    const at = Math.floor(r() * (t.length + 1));
    const len = Math.floor(r() * Math.min(4000, t.length / 4 + 1));
    switch (Math.floor(r() * 9)) {
      case 0: t = t.slice(0, at); break; // truncate
      case 1: t = t.slice(at); break; // cut the start
      case 2: t = t.slice(0, at) + t.slice(at + len); break; // delete a span
      case 3: t = t.slice(0, at) + t.slice(at, at + len).repeat(2) + t.slice(at + len); break; // duplicate a span
      case 4: t = t.slice(0, at) + (TOKENS[Math.floor(r() * TOKENS.length)] ?? '') + t.slice(at); break;
      case 5: t = t.slice(0, at) + t.slice(at, at + len).replace(/\d/g, () => String(Math.floor(r() * 10))) + t.slice(at + len); break;
      case 6: t = t.slice(0, at) + t.slice(at, at + len).replace(/\s/g, r() < 0.5 ? '' : '\n') + t.slice(at + len); break;
      case 7: {
        const lines = t.split('\n');
        for (let k = 0; k < 5 && lines.length > 1; k += 1) {
          const a = Math.floor(r() * lines.length);
          const b = Math.floor(r() * lines.length);
          [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        }
        t = lines.join('\n');
        break;
      }
      default: t = t.slice(0, at) + String.fromCharCode(Math.floor(r() * 0x2fff)) + t.slice(at + 1);
    }
  }
  return t;
}

function check(text: string, label: string): { ms: number; ok: boolean } {
  const t0 = performance.now();
  const r = importReportText(text, { fileName: `${label}.txt`, frameworks: CATALOG_FRAMEWORKS });
  const ms = performance.now() - t0;
  assert.ok(ms < 3000, `${label}: ${ms.toFixed(0)} ms`);
  JSON.stringify(r.preview);
  assert.ok(!r.preview.problems.some((p) => p.message.includes('internt fel')), `${label}: ${r.preview.problems.map((p) => p.message).join(' | ')}`);
  if (!r.ok) {
    assert.equal(r.input, null, label);
    assert.ok(r.preview.problems.some((p) => p.severity === 'error' && p.message.length > 10), `${label}: refused without a message`);
  } else {
    assert.ok(r.preview.municipality && r.preview.year !== null && r.preview.framework, label);
    const parsed = EvaluationInputSchema.safeParse(r.input);
    assert.ok(parsed.success, `${label}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`);
    for (const a of r.preview.areas) {
      assert.ok(a.score === null || (a.score >= 0 && a.score <= 100), `${label}: område ${a.number} ${a.score}`);
    }
    for (const e of r.earlierInputs) assert.ok(EvaluationInputSchema.safeParse(e).success, label);
  }
  return { ms, ok: r.ok };
}

void test(`fuzz: ${CASES} mutated and truncated seed texts`, { timeout: 170_000 }, () => {
  let slowest = 0;
  let accepted = 0;
  for (let i = 0; i < CASES; i += 1) {
    const r = rng(i + 1);
    const base = SEEDS[i % SEEDS.length] ?? '';
    // Most cases mutate a window of a seed (fast); every fifth mutates the whole report.
    let text = base;
    if (i % 5 !== 0) {
      const start = Math.floor(r() * base.length);
      text = base.slice(start, start + 1000 + Math.floor(r() * 20_000));
    }
    text = mutate(text, r);
    const { ms, ok } = check(text, `fall ${i}`);
    slowest = Math.max(slowest, ms);
    if (ok) accepted += 1;
  }
  assert.ok(slowest < 3000);
  // Both paths are exercised: some mutated reports are still read, most windows are refused.
  assert.ok(accepted > CASES / 50, `accepterade: ${accepted}`);
  assert.ok(accepted < CASES, `accepterade: ${accepted}`);
});

void test('pathological inputs finish quickly and are refused with a message', () => {
  const inputs: Array<[string, string]> = [
    ['tom', ''],
    ['blanksteg', ' \n\t\f '.repeat(10_000)],
    ['områden', 'Område 1 '.repeat(50_000)],
    ['delområden', '1.1 1.2 1.3 '.repeat(30_000)],
    ['siffror', '1 2 3 % '.repeat(60_000)],
    ['tabellhuvud', '1. Offentlighet och demokrati Uppnått Max Procent '.repeat(10_000)],
    ['styrkor', 'Styrkor Förbättringsmöjligheter '.repeat(20_000)],
    ['versaler', `ANALYS AV ${'BORÅS '.repeat(50_000)}`],
    ['utan blanksteg', 'x'.repeat(1_000_000)],
    ['namn', `Utvärderare: ${'Anna Andersson, '.repeat(20_000)}`],
    ['poäng', 'med 650 poäng. '.repeat(40_000)],
    ['binärt', Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('')],
    ['seed 000', SEEDS[0] ?? ''],
  ];
  for (const [label, text] of inputs) {
    const { ms, ok } = check(text, label);
    assert.ok(ms < 3000, `${label}: ${ms} ms`);
    assert.equal(ok, false, label);
  }
});
