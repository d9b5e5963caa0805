import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_FRAMEWORKS } from '../../../src/catalog/frameworks.ts';
import { classifyItem, sortRun } from '../../../src/importer/classify.ts';
import { parseEvaluatorList } from '../../../src/importer/facts.ts';
import { importReportText } from '../../../src/importer/import-report.ts';
import { findLists } from '../../../src/importer/lists.ts';
import { joinCellLines, normalizeText, unwrapLines } from '../../../src/importer/normalize.ts';
import { findNarratives } from '../../../src/importer/sections.ts';
import { canonicalTerm, isTerm, pageHeaderRegex } from '../../../src/importer/vocabulary.ts';
import { readSeed } from './seeds.ts';

void test('vocabulary: terms match case- and accent-insensitively, and only whole terms', () => {
  for (const w of ['Styrkor', 'STYRKOR', 'styrkor', 'Starka sidor', 'STARKA  SIDOR', 'Styrkeområden', 'Styrkeomraden:']) assert.equal(canonicalTerm('strengths', w), 'Styrkor', w);
  for (const w of ['Förbättringsmöjligheter', 'FÖRBÄTTRINGSOMRÅDEN', 'Utvecklingsområden', 'utvecklingsmojligheter']) assert.ok(isTerm('improvements', w), w);
  for (const w of ['Område', 'OMRÅDE', 'omrade', 'Huvudområde']) assert.ok(isTerm('area', w), w);
  assert.ok(isTerm('achieved', 'Poäng') && isTerm('achieved', 'UPPNÅTT') && isTerm('percent', '%') && isTerm('percent', 'procent'));
  assert.equal(canonicalTerm('strengths', 'Styrkorna'), null);
  assert.equal(isTerm('improvements', 'Förbättringar'), false);
});

void test('page headers and footers of SKL and SKR are removed wherever they run into the text', () => {
  const re = pageHeaderRegex();
  const text = 'Kommunen har Sveriges Kommuner och Landsting 2013-07-04 24 (27) en plan. 25 Sveriges Kommuner och Landsting (39) Mer text SVERIGES KOMMUNER OCH REGIONER 12 (40) och SKR 2020-12-08 3 (40) slut Sida 3 av 27.';
  const out = text.replace(re, '|');
  assert.equal(out, 'Kommunen har | en plan. | Mer text | och | slut |.');
  const n = normalizeText(text);
  assert.equal(n.pageHeaders, 5);
  assert.deepEqual(n.headerDates, ['2013-07-04', '2020-12-08']);
});

void test('hard-wrapped lines are rejoined, hyphenated words mended, short lines kept', () => {
  const para = 'Kommunen arbetar systematiskt med uppföljning av verksamhetens resultat och redovisar dem öppet för invånarna varje år.';
  const body = Array.from({ length: 30 }, () => para).join(' ');
  const wrapped = body.replace(/(.{1,60})(?: |$)/g, '$1\n').trim();
  const text = `Rubrik\n${wrapped}\nStyr-\noch ledningssystemet utveck-\nlas vidare\nKort rad`;
  const out = unwrapLines(text);
  assert.ok(out.joined > 20);
  assert.ok(out.text.startsWith('Rubrik\nKommunen'), 'a short heading line stays');
  assert.ok(out.text.includes(para), 'the paragraph is whole again');
  assert.ok(out.text.includes('Styr- och ledningssystemet utvecklas vidare'));
  assert.equal(unwrapLines('kort\nrad').text, 'kort\nrad');
});

void test('evaluator lines: names and organisations in any order and punctuation', () => {
  const isMunicipality = (n: string): boolean => ['Halmstad', 'Borås', 'Hylte'].includes(n);
  const p = (s: string) => parseEvaluatorList(s, { isMunicipality }).map((e) => `${e.name}|${e.organisation}${e.isLead ? '|lead' : ''}`);
  assert.deepEqual(p('Anna Andersson, SKL Berit Berg, Borås Stad, Cecilia Ceder, SKL'), ['Anna Andersson|SKL|lead', 'Berit Berg|Borås Stad', 'Cecilia Ceder|SKL']);
  assert.deepEqual(p('Anna Andersson (SKR), Berit Berg (Region Skåne)'), ['Anna Andersson|SKR|lead', 'Berit Berg|Region Skåne']);
  assert.deepEqual(p('SKL: Anna Andersson, Berit Berg'), ['Anna Andersson|SKL|lead', 'Berit Berg|SKL']);
  assert.deepEqual(p('Märit Melbi, Martin Lidhamn, SKL Anders Bergenek, Halmstad kommun'), ['Märit Melbi|SKL|lead', 'Martin Lidhamn|SKL', 'Anders Bergenek|Halmstad kommun']);
  assert.deepEqual(p('Lars Strid, senior konsult (SKL) och Anders Bergenek, Halmstad'), ['Lars Strid|SKL|lead', 'Anders Bergenek|Halmstad']);
  assert.deepEqual(p('Christine Feuk och Britt-Marie Hedlund, Sveriges Kommuner och Regioner'), ['Christine Feuk|SKR|lead', 'Britt-Marie Hedlund|SKR']);
  assert.deepEqual(p('Hylte kommun: Anders Dryselius'), ['Anders Dryselius|Hylte kommun|lead']);
});

void test('item classifier: imperatives and proposals are improvement opportunities', () => {
  for (const s of ['Utveckla stöd för chefer', 'Fortsätt arbetet med dialog', 'Tydliggör hanteringen av revisionen', 'Se över inskränkningar i delegationer', 'Tjänsteskrivelser bör vara objektiva']) {
    assert.equal(classifyItem(s).column, 'improvement', s);
  }
  assert.equal(classifyItem('Tydlig rollfördelning mellan politiker och tjänstemän').column, 'strength');
  assert.equal(classifyItem('Webbsändning av möten').column, null);
  // A flattened run: items that tell their side keep it, the rest follow the split or stay unsorted.
  const run = sortRun(['Bra och tydlig information', 'Webbsändning av möten', 'Utveckla e-tjänsterna', 'Se över taxorna']);
  assert.deepEqual(run.map((r) => r.column), ['strength', 'strength', 'improvement', 'improvement']);
  assert.equal(run[1]?.reason, 'position');
  assert.ok((run[1]?.confidence ?? 1) < 0.6);
  assert.deepEqual(sortRun(['Webbsändning av möten', 'Rutiner för uppföljning']).map((r) => r.column), [null, null]);
});

void test('item classifier accuracy on the seeds’ own Styrkor/Förbättringsmöjligheter tables', (t) => {
  let decided = 0;
  let correct = 0;
  let total = 0;
  for (const seed of ['001', '002', '004']) {
    const p = importReportText(readSeed(seed), { fileName: `${seed}.txt`, frameworks: CATALOG_FRAMEWORKS }).preview;
    for (const a of p.areas) {
      const fromWording = new Set(a.review.map((r) => r.text));
      for (const [items, column] of [[a.strengths, 'strength'], [a.improvements, 'improvement']] as const) {
        for (const item of items) {
          if (fromWording.has(item)) continue; // only items whose column the layout told
          total += 1;
          const g = classifyItem(item);
          if (g.column === null) continue;
          decided += 1;
          if (g.column === column) correct += 1;
        }
      }
    }
  }
  const accuracy = correct / decided;
  const coverage = decided / total;
  t.diagnostic(`klassificeraren: ${correct} av ${decided} rätt (${(accuracy * 100).toFixed(1)} %), avgjorde ${decided} av ${total} punkter (${(coverage * 100).toFixed(1)} %)`);
  assert.ok(total > 150, `${total}`);
  assert.ok(accuracy >= 0.75, `träffsäkerhet ${accuracy}`);
  assert.ok(coverage >= 0.4, `täckning ${coverage}`);
});

void test('flattened two-column run in Borås 2013 area 3: nothing dropped, unsorted items are listed for the user', () => {
  const p = importReportText(readSeed('002'), { fileName: 'b.txt', frameworks: CATALOG_FRAMEWORKS }).preview;
  const a3 = p.areas[2];
  assert.ok(a3);
  assert.equal(a3.review.length, 6);
  assert.equal(a3.strengths.length + a3.improvements.length + a3.unsorted.length, 6);
  assert.ok(a3.improvements.includes('Begränsa antalet styrdokument'));
  assert.ok(a3.unsorted.length > 0);
  const w = p.problems.find((x) => x.code === 'check-items' && x.area === 3);
  assert.ok(w && /kontrollera/.test(w.message) && typeof w.confidence === 'number');
});

void test('subarea texts are cut by the area’s headings, tolerant of reworded headings (Borås 2013 1.2, 1.4, 3.4)', () => {
  const p = importReportText(readSeed('002'), { fileName: 'b.txt', frameworks: CATALOG_FRAMEWORKS }).preview;
  const t1 = p.areas[0]?.texts ?? {};
  assert.ok(t1['1.2'] && !(t1['1.1'] ?? '').includes(t1['1.2'].slice(0, 40)), '1.2 has its own text');
  assert.ok(t1['1.3'], '1.3');
  // 1.4 has no heading in the text: the importer says so instead of silently merging it.
  assert.ok(p.problems.some((x) => x.code === 'subarea-heading-missing' && x.subarea === '1.4' && x.at && x.at.line > 0));
  const t3 = p.areas[2]?.texts ?? {};
  assert.deepEqual(Object.keys(t3), ['3.1', '3.2', '3.3', '3.4', '3.5']);
  assert.ok(!(t3['3.3'] ?? '').includes('begränsningar i delegationen'), '3.4 does not run into 3.3');
  // A shortened heading with extra words and an inflected one.
  const area = CATALOG_FRAMEWORKS.find((f) => f.id === 'kk2010')?.areas[2];
  const body = 'Intro. System för styrning/uppföljning Text ett. Tydliga politiska mål Text två. Uppföljningen och rapporteringen Text tre. Ansvarsfördelning och roller mellan politiker/tjänstemän Text fyra. Samspel och dialog Text fem.';
  const n = findNarratives(body, area, []);
  assert.deepEqual(n.texts, { '3.1': 'Text ett.', '3.2': 'Text två.', '3.3': 'Text tre.', '3.4': 'Text fyra.', '3.5': 'Text fem.' });
  // Lists with other words and case.
  const l = findLists('Text. STARKA SIDOR\tUTVECKLINGSOMRÅDEN\nEtt\tTvå\n');
  assert.deepEqual([l.strengths, l.improvements], [['Ett'], ['Två']]);
});

void test('lines broken in a narrow column: hyphens and slashes at line ends, wrapped headings, a heading with text on its line', () => {
  assert.equal(joinCellLines(['Socialfondprojektet PEPP-', 'kompetensutveckling inom området']), 'Socialfondprojektet PEPP-kompetensutveckling inom området');
  assert.equal(joinCellLines(['inom Malmö-', 'Lundregionen där', 'flera samverkar']), 'inom Malmö-Lundregionen där flera samverkar');
  assert.equal(joinCellLines(['arbetet utveck-', 'las vidare, e-', 'tjänster, styr-', 'och ledning']), 'arbetet utvecklas vidare, e-tjänster, styr- och ledning');
  assert.equal(joinCellLines(['Medborgar-/', 'brukarorienterad hemsida']), 'Medborgar-/brukarorienterad hemsida');
  const area = CATALOG_FRAMEWORKS.find((f) => f.id === 'kk2010')?.areas[2];
  const body = [
    'System för styrning och uppföljning Text ett.',
    '',
    'Politiska mål',
    '',
    'Text två.',
    '',
    'Uppföljning och rapportering Det finns rutiner',
    'för uppföljning.',
    '',
    'Ansvarsfördelning mellan politiker och',
    'tjänstemän',
    '',
    'Text fyra.',
    '',
    'Samspel och dialog',
    '',
    'Text fem.',
  ].join('\n');
  const n = findNarratives(body, area, []);
  assert.deepEqual(n.texts, { '3.1': 'Text ett.', '3.2': 'Text två.', '3.3': 'Det finns rutiner\nför uppföljning.', '3.4': 'Text fyra.', '3.5': 'Text fem.' });
});
