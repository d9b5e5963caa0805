import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findGutter, layoutPage, layoutPdf, layoutPdfPage, type PdfTextItem } from '../../../src/importer/pdf-layout.ts';

/** Approximate width of a string at font size 8 (the tests need positions, not real metrics). */
const SIZE = 8;
const widthOf = (s: string): number => s.length * SIZE * 0.5;

/** One item per word, as many PDF producers give them. */
function words(line: string, x: number, y: number): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  let at = x;
  for (const w of line.split(' ')) {
    out.push({ str: w, x: at, y, width: widthOf(w), size: SIZE, eol: false });
    at += widthOf(w) + SIZE * 0.25;
  }
  return out;
}

const LEFT = Array.from({ length: 14 }, (_, i) => `vänster rad ${i + 1} med löpande text om styrning`);
const RIGHT = Array.from({ length: 12 }, (_, i) => `höger rad ${i + 1} med löpande text om ledning`);
const LEFT_X = 40;
const RIGHT_X = 320;
const top = 780;
const pitch = 11;

/** A page in two columns; `order` decides the stream order pdf.js would give. */
function twoColumnPage(order: 'columns' | 'lines'): PdfTextItem[] {
  const left = LEFT.map((l, i) => words(l, LEFT_X, top - i * pitch));
  const right = RIGHT.map((l, i) => words(l, RIGHT_X, top - i * pitch));
  if (order === 'columns') return [...left.flat(), ...right.flat()];
  const out: PdfTextItem[] = [];
  for (let i = 0; i < left.length; i += 1) out.push(...(left[i] ?? []), ...(right[i] ?? []));
  return out;
}

const plainLines = (text: string): string[] => text.split('\n').filter((l) => l.trim().length > 0);

void test('a two-column page is read left column then right column, whatever order the PDF stores the lines in', () => {
  for (const order of ['columns', 'lines'] as const) {
    const page = layoutPdfPage({ items: twoColumnPage(order) });
    assert.ok(page.gutter, `gutter found (${order})`);
    const leftEnd = Math.max(...twoColumnPage(order).filter((it) => it.x < RIGHT_X).map((it) => it.x + it.width));
    assert.ok(page.gutter.from >= leftEnd - 1 && page.gutter.to <= RIGHT_X + 1, `gutter between the columns (${order}): ${JSON.stringify(page.gutter)}`);
    assert.deepEqual(plainLines(page.text), [...LEFT, ...RIGHT], order);
  }
  // Without the recovery, lines stored across the page interleave the columns.
  assert.notDeepEqual(plainLines(layoutPage(twoColumnPage('lines'))), [...LEFT, ...RIGHT]);
});

void test('a title over both columns and a page header stay where they are; bands below them are read column by column', () => {
  const header = [...words('Sveriges Kommuner och Regioner', LEFT_X, 820), ...words('12 (40)', 520, 820)];
  const title = words('Område 3 Styrning och kontroll i en lång rubrik som går över båda spalterna', LEFT_X + 60, top + 14);
  const items = [...header, ...title, ...twoColumnPage('lines')];
  const page = layoutPdfPage({ items });
  assert.ok(page.gutter);
  const lines = plainLines(page.text);
  assert.match(lines[0] ?? '', /^Sveriges Kommuner och Regioner\t12 \(40\)$/);
  assert.match(lines[1] ?? '', /^Område 3 Styrning/);
  assert.deepEqual(lines.slice(2), [...LEFT, ...RIGHT]);
});

void test('single-column pages are laid out as before: prose, and a score table whose right-hand columns are numbers', () => {
  const prose = Array.from({ length: 20 }, (_, i) => words(`Kommunen arbetar med uppföljning och redovisar resultaten öppet för invånarna rad ${i}`, LEFT_X, top - i * pitch)).flat();
  assert.equal(findGutter(prose), null);
  assert.equal(layoutPdfPage({ items: prose }).text, layoutPage(prose));
  const table = Array.from({ length: 20 }, (_, i) => [
    ...words(`${1 + Math.floor(i / 5)}.${(i % 5) + 1} Strategi för demokratiutveckling och information`, LEFT_X, top - i * pitch),
    ...words(String(10 + i), 330, top - i * pitch),
    ...words('20', 400, top - i * pitch),
    ...words(`${50 + i} %`, 470, top - i * pitch),
  ]).flat();
  assert.equal(findGutter(table), null);
  assert.equal(layoutPdfPage({ items: table }).text, layoutPage(table));
  assert.match(layoutPdfPage({ items: table }).text.split('\n')[0] ?? '', /^1\.1 Strategi för demokratiutveckling och information\t10\t20\t50 %$/);
});

void test('a Styrkor/Förbättringsmöjligheter table inside a narrow column keeps its two cells apart, bullets with their cell', () => {
  // Left column: prose, then a two-cell table with a gutter narrower than a word-space limit (1.5 em).
  const cellX = 40 + 120;
  const rows: Array<[string | null, string | null]> = [
    ['• Tydlig målstyrning', '• Utveckla analysen'],
    ['med fokus på resultat', 'av resultaten'],
    ['• Bra dialog', null],
    [null, '• Se över delegationen'],
  ];
  const items: PdfTextItem[] = [];
  let y = top;
  for (const l of LEFT.slice(0, 6)) {
    items.push(...words(l, LEFT_X, y));
    y -= pitch;
  }
  items.push(...words('Styrkor', LEFT_X, y), ...words('Förbättringsmöjligheter', cellX, y));
  y -= pitch;
  for (const [l, r] of rows) {
    const cell = (s: string, x: number): PdfTextItem[] => {
      if (!s.startsWith('• ')) return words(s, x + 8, y);
      return [{ str: '•', x, y, width: 3, size: SIZE, eol: false }, ...words(s.slice(2), x + 8, y)];
    };
    // The left cell's text ends close to the right cell: the gap is under 1.5 em.
    if (l) items.push(...cell(l, LEFT_X));
    if (r) items.push(...cell(r, cellX));
    y -= pitch;
  }
  for (const l of LEFT.slice(6)) {
    items.push(...words(l, LEFT_X, y));
    y -= pitch;
  }
  const right = RIGHT.map((l, i) => words(l, RIGHT_X, top - i * pitch)).flat();
  const page = layoutPdfPage({ items: [...items, ...right] });
  assert.ok(page.gutter);
  const lines = page.text.split('\n');
  const at = lines.indexOf('Styrkor\tFörbättringsmöjligheter');
  assert.ok(at > 0, page.text);
  assert.deepEqual(lines.slice(at + 1, at + 5), ['• Tydlig målstyrning\t• Utveckla analysen', 'med fokus på resultat\tav resultaten', '• Bra dialog', '\t• Se över delegationen']);
  assert.equal(lines[at + 5], LEFT[6]);
});

void test('layoutPdf joins pages with a form feed and lists the pages read as two columns; hostile coordinates do no harm', () => {
  const single = Array.from({ length: 10 }, (_, i) => words(`En vanlig rad med text nummer ${i} på en sida i en spalt`, LEFT_X, top - i * pitch)).flat();
  const out = layoutPdf([
    { page: 1, width: 595, height: 842, items: single },
    { page: 2, width: 595, height: 842, items: twoColumnPage('lines') },
  ]);
  assert.deepEqual(out.twoColumnPages, [2]);
  assert.equal(out.text.split('\n\f\n').length, 2);
  const hostile: PdfTextItem[] = Array.from({ length: 40 }, (_, i) => ({ str: `ord${i}`, x: i % 2 ? 1e12 : -1e12, y: i, width: 1e11, size: 8, eol: false }));
  hostile.push({ str: 'NaN', x: Number.NaN, y: 5, width: Number.NaN, size: 8, eol: false });
  assert.doesNotThrow(() => layoutPdfPage({ items: hostile }));
});
