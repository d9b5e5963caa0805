/**
 * Parses the score overview ("4. Översikt av poängfördelning"): per area a header
 * "N. Title Uppnått Max Procent", rows "N.k Question A M P %" and a total row "A 100 P %".
 * Works on Word exports (tabs, one row a line) and PDF text (everything on one line, page headers
 * removed, numbers possibly after all the questions instead of beside them). Pure.
 */

import { partSource } from './vocabulary.ts';
import { AREA_DIGIT } from '../domain/framework.ts';

export interface TableRow {
  id: string;
  title: string;
  achieved: number | null;
  max: number | null;
  percent: number | null;
  /** True when the row had only a percent sign or nothing: numbers lost in extraction. */
  numbersMissing: boolean;
}

export interface TableArea {
  number: number;
  title: string;
  rows: TableRow[];
  total: { achieved: number; max: number; percent: number } | null;
  /** Position in the text where the area's table starts. */
  start: number;
  /** Number triples that could not be placed on a row. */
  unplaced: number;
}

export interface ScoreTable {
  areas: TableArea[];
  /** Start of the first table header, i.e. where the score overview begins. */
  start: number;
  /** End of the last parsed table. */
  end: number;
}

const HEADER = new RegExp(
  `(?:^|[\\s%\\f])(${AREA_DIGIT})\\.[ \\t]{0,3}((?:(?!${AREA_DIGIT}\\.\\s)(?!\\n[ \\t]*\\n)[^\\f%]){2,160}?)[ \\t\\n]{1,6}${partSource('achieved')}[ \\t\\n]{1,6}${partSource('max')}[ \\t\\n]{1,6}${partSource('percent')}`,
  'gi',
);
const TRIPLE = /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)[ \t\n]{1,6}(\d{1,3})[ \t\n]{1,6}(\d{1,3}(?:[.,]\d{1,2})?)[ \t\n]{0,3}%/g;

function num(s: string | undefined): number {
  return Number((s ?? '').replace(',', '.'));
}

interface Triple {
  at: number;
  end: number;
  achieved: number;
  max: number;
  percent: number;
}

function triplesIn(text: string, from: number, to: number): Triple[] {
  const out: Triple[] = [];
  TRIPLE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TRIPLE.exec(text)) !== null && m.index < to) {
    if (m.index + m[0].length > to) break;
    out.push({ at: m.index, end: m.index + m[0].length, achieved: num(m[1]), max: num(m[2]), percent: num(m[3]) });
    if (out.length > 60) break;
  }
  return out;
}

function cleanTitle(raw: string): string {
  return raw
    .replace(TRIPLE, ' ')
    .replace(/(?<![\d])\d{1,3}(?:[.,]\d)?[ \t]{0,2}%/g, ' ')
    .replace(/%/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

function parseArea(text: string, number: number, title: string, bodyStart: number, bodyEnd: number, start: number): TableArea {
  // Row markers N.1, N.2 … in order.
  const markers: Array<{ k: number; at: number; end: number }> = [];
  let pos = bodyStart;
  for (let k = 1; k <= 9; k += 1) {
    const re = new RegExp(`(?<![\\d.,])${number}\\.${k}(?![\\d])[ \\t.]{0,2}`, 'g');
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || m.index >= bodyEnd) break;
    // A marker much further than a table row away belongs to something else.
    if (markers.length > 0 && m.index - pos > 1200) break;
    markers.push({ k, at: m.index, end: m.index + m[0].length });
    pos = m.index + m[0].length;
  }
  let end = bodyEnd;
  const lastMarker = markers[markers.length - 1];
  if (lastMarker) {
    // The last row ends at the area total ("A 100 P %"), a page break, a blank line or 700 characters.
    const limit = Math.min(bodyEnd, lastMarker.end + 700);
    const tail = triplesIn(text, lastMarker.end, limit);
    const totalTriple = tail.find((t) => t.max === 100);
    if (totalTriple) end = totalTriple.end;
    else {
      const ff = text.indexOf('\f', lastMarker.end);
      const blank = text.slice(lastMarker.end, limit).search(/\n[ \t]*\n[ \t]*\S/);
      end = Math.min(limit, ff >= 0 ? ff : limit, blank >= 0 ? lastMarker.end + blank : limit);
    }
  }
  const triples = triplesIn(text, bodyStart, end);
  let total: TableArea['total'] = null;
  const last = triples[triples.length - 1];
  if (last && last.max === 100 && (markers.length === 0 || last.at > (lastMarker?.at ?? 0))) {
    triples.pop();
    total = { achieved: last.achieved, max: last.max, percent: last.percent };
  }
  const rows: TableRow[] = markers.map((mk, i) => {
    const segEnd = markers[i + 1]?.at ?? end;
    return { id: `${number}.${mk.k}`, title: cleanTitle(text.slice(mk.end, segEnd)), achieved: null, max: null, percent: null, numbersMissing: true };
  });
  // Place triples: beside the rows (one per segment) or all after the questions (in order).
  const segOf = (t: Triple): number => {
    for (let i = markers.length - 1; i >= 0; i -= 1) if (t.at >= (markers[i]?.end ?? 0)) return i;
    return -1;
  };
  let unplaced = 0;
  const perSeg = new Map<number, Triple[]>();
  for (const t of triples) {
    const s = segOf(t);
    if (s < 0) {
      unplaced += 1;
      continue;
    }
    perSeg.set(s, [...(perSeg.get(s) ?? []), t]);
  }
  const assign = (row: TableRow | undefined, t: Triple | undefined): void => {
    if (!row || !t) return;
    row.achieved = t.achieved;
    row.max = t.max;
    row.percent = t.percent;
    row.numbersMissing = false;
  };
  const inOrder = triples.filter((t) => segOf(t) >= 0);
  const besideRows = [...perSeg.values()].every((list) => list.length <= 1);
  if (besideRows) {
    for (const [s, list] of perSeg) assign(rows[s], list[0]);
  } else if (inOrder.length === rows.length) {
    inOrder.forEach((t, i) => assign(rows[i], t));
  } else {
    for (const [s, list] of perSeg) {
      if (list.length === 1) assign(rows[s], list[0]);
      else unplaced += list.length;
    }
  }
  return { number, title: title.replace(/\s+/g, ' ').trim(), rows, total, start, unplaced };
}

/** Finds and parses all area tables of the score overview. */
export function parseScoreTable(text: string): ScoreTable | null {
  const headers: Array<{ number: number; title: string; at: number; end: number }> = [];
  HEADER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADER.exec(text)) !== null && headers.length < 40) {
    const lead = m[0].length - m[0].trimStart().length;
    headers.push({ number: Number(m[1]), title: m[2] ?? '', at: m.index + lead, end: m.index + m[0].length });
  }
  if (headers.length === 0) return null;
  // Keep the first run of headers numbered in increasing order (a table is printed once).
  const run: typeof headers = [];
  for (const h of headers) {
    const prev = run[run.length - 1];
    if (prev && h.number <= prev.number) break;
    run.push(h);
  }
  const areas: TableArea[] = [];
  let end = 0;
  run.forEach((h, i) => {
    const next = run[i + 1];
    const bodyEnd = next ? next.at : Math.min(text.length, h.end + 6000);
    const area = parseArea(text, h.number, h.title, h.end, bodyEnd, h.at);
    areas.push(area);
    end = Math.max(end, h.end);
  });
  return { areas, start: run[0]?.at ?? 0, end };
}
