/**
 * A report printed in two columns (rendered here with Typst from the Burlöv 2020 seed, with its
 * Styrkor/Förbättringsmöjligheter tables inside a column and an SKR page header) imports like the
 * text of the same report: pdf.js positions keep the columns apart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG_FRAMEWORKS } from '../../../src/catalog/frameworks.ts';
import { extractReport } from '../../../src/importer/extract.ts';
import { importExtraction, importReportFile } from '../../../src/importer/import-file.ts';
import { importReportText } from '../../../src/importer/import-report.ts';
import type { ImportPreview } from '../../../src/importer/types.ts';
import { renderTwoColumnPdf } from './fixtures.ts';
import { readSeed } from './seeds.ts';

const frameworks = CATALOG_FRAMEWORKS;
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** What the user relies on per area: the lists and subarea texts, whole and in order, and the numbers. */
function content(p: ImportPreview): unknown {
  return p.areas.map((a) => ({
    number: a.number,
    score: a.score,
    points: a.subareas.map((s) => [s.id, s.achieved, s.max]),
    headings: a.headings.map(squash),
    strengths: a.strengths.map(squash),
    improvements: a.improvements.map(squash),
    unsorted: a.unsorted.map(squash),
    texts: Object.entries(a.texts).map(([id, t]) => [id, squash(t)]),
  }));
}

const problemKeys = (p: ImportPreview): string[] => p.problems.filter((x) => x.code !== 'two-columns').map((x) => `${x.severity} ${x.code} ${x.message}`);

void test('a report printed in two columns imports like its text: lists, subarea texts and numbers whole and in order', async () => {
  const seed = readSeed('001');
  const bytes = await renderTwoColumnPdf(seed, { date: '2020-12-08' });
  const fromPdf = await importReportFile({ bytes, fileName: 'burlov-2020-tva-spalter.pdf', frameworks });
  const fromText = importReportText(seed, { fileName: 'burlov-2020.txt', frameworks });
  assert.equal(fromPdf.ok, true);
  const p = fromPdf.preview;
  assert.equal(p.municipality?.name, 'Burlöv');
  assert.equal(p.year, 2020);
  assert.equal(p.reportDate, '2020-12-08');
  assert.equal(p.total, 595);
  assert.deepEqual(p.areas.map((a) => a.score), [79, 72, 80, 73, 70, 68, 78, 75]);
  assert.equal(p.areas.flatMap((a) => a.subareas).filter((s) => s.achieved !== null).length, 35);
  assert.deepEqual(p.areas[0]?.strengths.slice(0, 2).map(squash), ['Helhetssyn kring demokratiutveckling och medborgardialog', 'Strategi för kommunikation till medborgarna som har värdegrunden som utgångspunkt']);
  assert.equal(p.areas[0]?.improvements.length, 2);
  assert.deepEqual(content(p), content(fromText.preview));
  assert.deepEqual(p.evaluators, fromText.preview.evaluators);
  assert.equal(squash(p.summary), squash(fromText.preview.summary));
  // Nothing lost without a word: the same problems as the text, plus a note on how the pages were read.
  assert.deepEqual(problemKeys(p), problemKeys(fromText.preview));
  const note = p.problems.find((x) => x.code === 'two-columns');
  assert.equal(note?.severity, 'info');
  assert.match(note?.message ?? '', /^Sidorna 1–\d+ är satta i två spalter/);

  // A converter that writes each text line across the whole page (left and right column interleaved)
  // gives the same import: the columns come from the x positions, not from the order in the file.
  const extraction = await extractReport(bytes, 'burlov.pdf');
  const interleaved = {
    ...extraction,
    pages: extraction.pages?.map((page) => ({ ...page, items: [...page.items].sort((a, b) => b.y - a.y || a.x - b.x) })),
  };
  const shuffled = importExtraction(interleaved, { fileName: 'burlov.pdf', frameworks, sourceHash: 'x' });
  assert.deepEqual(content(shuffled.preview), content(fromText.preview));
});
