/**
 * Text of a PDF page rebuilt from the positioned items pdf.js gives (x, y, width, font size), in
 * reading order. A page set in two columns is recognised from the x positions alone — a vertical
 * gutter near the middle that (almost) no line crosses, with running text on both sides — and read
 * left column first, then right column; lines that cross the gutter (a title over both columns, a
 * page header) stay where they are and cut the page into bands read one after the other. Pages in
 * one column are laid out exactly as pdf.js gives their items. Pure: no I/O.
 */

/** A positioned piece of text on a PDF page (pdf.js text item; PDF units, origin bottom left). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the text matrix). */
  size: number;
  /** pdf.js marks the end of a line. */
  eol: boolean;
}

export interface PdfPageItems {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** Widest gap between two items that is still a word space when no tab stop says otherwise (in font sizes). */
const TAB_GAP = 1.5;
/** Narrowest gap that can separate two table cells at a shared tab stop (in font sizes). */
const CELL_GAP = 0.6;

/**
 * Rebuilds lines from positioned text items in the order given: a new line when the baseline moves, a
 * blank line for a paragraph gap, a tab for a wide horizontal gap (table cell) or a line starting far
 * right of the leftmost item. Whitespace-only items (pdf.js inserts them) only carry line ends.
 */
export function layoutPage(items: readonly PdfTextItem[]): string {
  let out = '';
  let prev: PdfTextItem | null = null;
  const text = items.filter((it) => it.str.trim().length > 0);
  const minX = text.reduce((m, it) => Math.min(m, it.x), Number.POSITIVE_INFINITY);
  for (const it of text) {
    if (prev) {
      const dy = Math.abs(it.y - prev.y);
      if (dy > Math.max(2, prev.size * 0.5)) {
        out += dy > prev.size * 2.2 ? '\n\n' : '\n';
        if (it.x - minX > it.size * 12) out += '\t';
      } else {
        const gap = it.x - (prev.x + prev.width);
        if (gap > prev.size * TAB_GAP) out += '\t';
        else if (gap > prev.size * 0.12 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
      }
    }
    out += it.str;
    prev = it;
  }
  return out;
}

interface Line {
  /** Baseline (PDF units, larger is higher on the page). */
  y: number;
  size: number;
  /** Left to right. */
  items: PdfTextItem[];
}

/** Groups items into lines by baseline, top to bottom, each line left to right (the stream order is not trusted). */
function linesOf(items: readonly PdfTextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= Math.max(1, Math.min(last.size, it.size) * 0.4)) {
      last.items.push(it);
      last.size = Math.max(last.size, it.size);
    } else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const letters = (s: string): number => s.match(/\p{L}/gu)?.length ?? 0;

/** Stretches of a line with text: items joined over gaps of at most one font size (word spaces). */
function runsOf(line: Line): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  for (const it of line.items) {
    const to = it.x + Math.max(0, it.width);
    const last = runs[runs.length - 1];
    if (last && it.x - last.to <= line.size) last.to = Math.max(last.to, to);
    else runs.push({ from: it.x, to });
  }
  return runs;
}

/** The gutter of a two-column page: the x range (PDF units) no column text crosses. */
export interface Gutter {
  from: number;
  to: number;
}

/** Most lines that may cross the gutter (titles, headers), as a share of the page's lines. */
const MAX_CROSSING_SHARE = 0.12;
/** Least share of the page's letters on each side of the gutter (a last page may have a short right column). */
const MIN_SIDE_SHARE = 0.08;
/** Least letters on a typical line of each side: running text, not a column of numbers. */
const MIN_LINE_LETTERS = 10;
/** Fewest lines on a page before columns are looked for. */
const MIN_LINES = 8;
/** Resolution of the x histogram: bins across the text width. */
const MAX_BINS = 4000;
/** Most tab-stop candidates tried per column. */
const MAX_STOPS = 40;

/**
 * Finds the gutter of a page set in two columns, or null for a page in one column. Counts, for every
 * x across the text, the lines that have text there (gaps between words shorter than a font size count
 * as text); the gutter is the widest run in the middle 40 % that at most a few lines cross, at least a
 * font size wide, with running text on both sides: at least three lines, a typical line of at least
 * MIN_LINE_LETTERS letters and MIN_SIDE_SHARE of the page's letters on each side (so a score table,
 * whose right-hand columns are numbers, stays one column).
 */
export function findGutter(items: readonly PdfTextItem[]): Gutter | null {
  const text = items.filter((it) => it.str.trim().length > 0 && Number.isFinite(it.x) && Number.isFinite(it.width));
  const lines = linesOf(text);
  if (lines.length < MIN_LINES) return null;
  const minX = text.reduce((m, it) => Math.min(m, it.x), Number.POSITIVE_INFINITY);
  const maxX = text.reduce((m, it) => Math.max(m, it.x + Math.max(0, it.width)), Number.NEGATIVE_INFINITY);
  const span = maxX - minX;
  const size = median(text.map((it) => it.size));
  if (!(span > size * 20)) return null;
  // One bin per PDF unit, at most MAX_BINS (coordinates of a hostile file can be anything).
  const bins = Math.min(MAX_BINS, Math.ceil(span));
  const unit = span / bins;
  const cover = new Int32Array(bins + 1);
  for (const line of lines) {
    for (const run of runsOf(line)) {
      for (let b = Math.max(0, Math.floor((run.from - minX) / unit)); b <= Math.min(bins, Math.ceil((run.to - minX) / unit)); b += 1) cover[b] = (cover[b] ?? 0) + 1;
    }
  }
  const limit = Math.max(1, Math.floor(lines.length * MAX_CROSSING_SHARE));
  const lo = Math.floor(bins * 0.3);
  const hi = Math.ceil(bins * 0.7);
  let best: { from: number; to: number; peak: number } | null = null;
  for (let b = lo; b <= hi; b += 1) {
    if ((cover[b] ?? 0) > limit) continue;
    let e = b;
    let peak = 0;
    while (e + 1 <= bins && (cover[e + 1] ?? 0) <= limit) e += 1;
    for (let k = b; k <= e; k += 1) peak = Math.max(peak, cover[k] ?? 0);
    if ((e - b + 1) * unit >= size && (!best || peak < best.peak || (peak === best.peak && e - b > best.to - best.from))) best = { from: b, to: e, peak };
    b = e;
  }
  if (!best) return null;
  const gutter = { from: minX + best.from * unit, to: minX + best.to * unit };
  const leftLetters: number[] = [];
  const rightLetters: number[] = [];
  for (const line of lines) {
    if (crossesGutter(line, gutter)) continue;
    let l = 0;
    let r = 0;
    for (const it of line.items) {
      if (sideOf(it, gutter) === 'left') l += letters(it.str);
      else r += letters(it.str);
    }
    if (l > 0) leftLetters.push(l);
    if (r > 0) rightLetters.push(r);
  }
  const sum = (xs: readonly number[]): number => xs.reduce((n, x) => n + x, 0);
  const total = letters(text.map((it) => it.str).join(''));
  for (const side of [leftLetters, rightLetters]) {
    if (side.length < 3 || sum(side) < total * MIN_SIDE_SHARE || median(side) < MIN_LINE_LETTERS) return null;
  }
  return gutter;
}

/** Which side of the gutter an item is on (by its middle). */
function sideOf(it: PdfTextItem, g: Gutter): 'left' | 'right' {
  return it.x + Math.max(0, it.width) / 2 < (g.from + g.to) / 2 ? 'left' : 'right';
}

/** A line crosses the gutter when one stretch of its text runs over all of it (a title, a header). */
function crossesGutter(line: Line, g: Gutter): boolean {
  return runsOf(line).some((r) => r.from < g.from && r.to > g.to);
}

/**
 * Tab stops of the tables inside one column: an x where at least two lines have a gap of at least
 * CELL_GAP font sizes and the next item starts, in a run of consecutive lines none of which has text
 * across that x. Returns, per line index, the stop that line is cut at (tables in a narrow column have
 * gutters narrower than the word-space limit of running text).
 */
function tabStops(lines: readonly Line[]): Map<number, number> {
  const starts: number[] = [];
  for (const line of lines) {
    line.items.forEach((it, k) => {
      const prev = line.items[k - 1];
      if (prev && it.x - (prev.x + Math.max(0, prev.width)) >= line.size * CELL_GAP) starts.push(it.x);
    });
  }
  const byLine = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const x of starts) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
  const candidates = [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_STOPS)
    .map(([x]) => x);
  for (const start of candidates) {
    const x = start - 1;
    const crosses = (line: Line): boolean => line.items.some((it) => it.x < x && it.x + Math.max(0, it.width) > x);
    // Text on both sides (a list marker alone is no cell: its text starts after a gap too).
    const both = (line: Line): boolean => line.items.some((it) => it.x + Math.max(0, it.width) <= x && letters(it.str) > 0) && line.items.some((it) => it.x >= x && letters(it.str) > 0);
    let i = 0;
    while (i < lines.length) {
      if (crosses(lines[i] as Line)) {
        i += 1;
        continue;
      }
      let j = i;
      while (j + 1 < lines.length && !crosses(lines[j + 1] as Line)) j += 1;
      const run = lines.slice(i, j + 1);
      if (run.filter(both).length >= 2) {
        for (let k = i; k <= j; k += 1) if (!byLine.has(k) && (lines[k] as Line).items.some((it) => it.x >= x)) byLine.set(k, x);
      }
      i = j + 1;
    }
  }
  return byLine;
}

/**
 * Lays out one column of a two-column page from its lines (top to bottom): a blank line for a paragraph
 * gap, a tab at a table's tab stop (see tabStops) or for a gap wider than TAB_GAP font sizes, a leading
 * tab for a line that starts in a table's right-hand cell.
 */
function layoutColumn(items: readonly PdfTextItem[]): string {
  const lines = linesOf(items);
  const stops = tabStops(lines);
  const minX = items.reduce((m, it) => Math.min(m, it.x), Number.POSITIVE_INFINITY);
  let out = '';
  lines.forEach((line, i) => {
    const prevLine = lines[i - 1];
    if (prevLine) out += prevLine.y - line.y > prevLine.size * 2.2 ? '\n\n' : '\n';
    const cut = cellStart(line, stops.get(i));
    const first = line.items[0];
    if (cut === 0 || (cut === null && first && first.x - minX > first.size * 12)) out += '\t';
    line.items.forEach((it, k) => {
      const prev = line.items[k - 1];
      if (prev) {
        const gap = it.x - (prev.x + Math.max(0, prev.width));
        if (k === cut || gap > prev.size * TAB_GAP) out += '\t';
        else if (gap > prev.size * 0.12 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
      }
      out += it.str;
    });
  });
  return out;
}

const MARKER = /^\s*[•·▪●◦‣∙*–-]\s*$/;

/**
 * Index of the first item of a line in the right-hand cell of a table (null without a stop): the first
 * item at or after the stop, or the list marker just before it (a bullet hangs left of its text).
 */
function cellStart(line: Line, stop: number | undefined): number | null {
  if (stop === undefined) return null;
  let cut = line.items.findIndex((it) => it.x >= stop);
  if (cut < 0) return null;
  const marker = line.items[cut - 1];
  const before = line.items[cut - 2];
  if (marker && MARKER.test(marker.str) && (!before || marker.x - (before.x + Math.max(0, before.width)) >= line.size * CELL_GAP)) cut -= 1;
  return cut;
}

/** How a page was read. */
export interface PageLayout {
  text: string;
  /** The gutter when the page was read as two columns. */
  gutter: Gutter | null;
}

/**
 * The text of one page in reading order. A two-column page is read band by band: the lines between two
 * lines that cross the gutter form a band, read left column then right column; each column is laid out
 * on its own (so a table inside a column keeps its tabs). The topmost and bottommost lines, when they
 * have text on both sides and stand apart from the rest, are a page header or footer and cross too.
 */
export function layoutPdfPage(page: Pick<PdfPageItems, 'items'>): PageLayout {
  const gutter = findGutter(page.items);
  if (!gutter) return { text: layoutPage(page.items), gutter: null };
  const lines = linesOf(page.items.filter((it) => it.str.trim().length > 0));
  const chunks: string[] = [];
  let left: PdfTextItem[] = [];
  let right: PdfTextItem[] = [];
  const flush = (): void => {
    for (const column of [left, right]) if (column.length > 0) chunks.push(layoutColumn(column));
    left = [];
    right = [];
  };
  const standsApart = (i: number, j: number): boolean => {
    const a = lines[i];
    const b = lines[j];
    return !a || !b || Math.abs(a.y - b.y) > Math.max(a.size, b.size) * 2;
  };
  lines.forEach((line, i) => {
    const sides = line.items.map((it) => sideOf(it, gutter));
    const edge = (i === 0 && standsApart(0, 1)) || (i === lines.length - 1 && standsApart(i, i - 1));
    const crosses = crossesGutter(line, gutter) || (edge && sides.includes('left') && sides.includes('right'));
    if (crosses) {
      flush();
      chunks.push(layoutPage(line.items));
      return;
    }
    line.items.forEach((it, k) => (sides[k] === 'left' ? left : right).push(it));
  });
  flush();
  return { text: chunks.join('\n'), gutter };
}

/** The text of a whole PDF in reading order (pages separated by a form feed), and which pages were read as two columns. */
export function layoutPdf(pages: readonly PdfPageItems[]): { text: string; twoColumnPages: number[] } {
  const texts: string[] = [];
  const twoColumnPages: number[] = [];
  for (const page of pages) {
    const laid = layoutPdfPage(page);
    if (laid.gutter) twoColumnPages.push(page.page);
    texts.push(laid.text);
  }
  return { text: texts.join('\n\f\n'), twoColumnPages };
}
