/**
 * The summary chapter: overall comments, the printed total, and tables of earlier results
 * ("2013 2010 1. Offentlighet och demokrati 67 40 … TOTALT 525 390"). Pure.
 */
import { AREA_COUNT, AREA_NUMBERS, TOTAL_MAX } from '../domain/framework.ts';

export interface TotalFinding {
  value: number | null;
  /** Different totals stated for the evaluation year (ambiguous). */
  conflicting: number[];
}

export interface EarlierTable {
  /** Column years in print order; the first is normally the evaluation itself. */
  years: number[];
  /** areas[i][c]: score of area i+1 in column c. */
  areas: Array<Array<number | null>>;
  totals: Array<number | null>;
}

/** "Sammanfattande kommentar(er)" up to the detailed chapter. */
export function findSummary(text: string, sectionsStart: number): string {
  const re = /(?:^|[\n\f]|[.!?]\s)\s{0,3}Sammanfattande kommentar(?:er)?\b/g;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(text)) !== null && guard < 20) {
    guard += 1;
    const start = m.index + m[0].length;
    if (sectionsStart > 0 && start >= sectionsStart) break;
    const rest = text.slice(start, sectionsStart > start ? sectionsStart : start + 20_000);
    const stop = rest.search(/(?:^|[\n\f]|\s)(?:\d\.?\s{1,3})?Detaljerad genomgång|(?:^|[\n\f])\s{0,3}Område\s\d/);
    const body = (stop >= 0 ? rest.slice(0, stop) : rest).replace(/\f/g, '\n').replace(/[ \t]+/g, ' ').replace(/\n\s*\n\s*/g, '\n\n').trim();
    // Table-of-contents entries are short and followed by a page number.
    if (body.length < 80) continue;
    return body.slice(0, 100_000);
  }
  return '';
}

/** Reads a table of area results by year. */
export function findEarlierTable(text: string, stopAt: number): EarlierTable | null {
  const head = /(?:^|[\s\f])((?:19|20)\d\d)((?:[ \t\n]{1,4}(?:19|20)\d\d){1,3})[ \t\n]{1,6}(?:Område[ \t]{1,3})?1\.?[ \t]{1,3}[A-ZÅÄÖ]/g;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = head.exec(text.slice(0, stopAt))) !== null && guard < 50) {
    guard += 1;
    const years = [Number(m[1]), ...(m[2] ?? '').trim().split(/\s+/).map(Number)];
    if (new Set(years).size !== years.length) continue;
    const cols = years.length;
    const body = text.slice(m.index, Math.min(text.length, m.index + 1500));
    const areas: Array<Array<number | null>> = [];
    let pos = 0;
    for (const k of AREA_NUMBERS) {
      const row = new RegExp(`(?:^|\\s)(?:Område\\s{1,3})?${k}\\.?[ \\t\\n]{1,3}[^\\d\\f]{3,120}?((?:[ \\t\\n]{1,4}\\d{1,3}){${cols}})(?![\\d])`, 'g');
      row.lastIndex = pos;
      const r = row.exec(body);
      if (!r || r.index - pos > 300) break;
      const nums = (r[1] ?? '').trim().split(/\s+/).map(Number);
      areas.push(nums.map((n) => (n >= 0 && n <= 100 ? n : null)));
      pos = r.index + r[0].length;
    }
    if (areas.length < AREA_COUNT) continue;
    const tot = new RegExp(`^\\s{0,4}(?:TOTALT?|Totalt?|Total(?:poäng)?|Summa)\\s{1,4}((?:\\d{1,3}[ \\t\\n]{0,4}){${cols}})`).exec(body.slice(pos));
    const totals = tot ? (tot[1] ?? '').trim().split(/\s+/).map((n) => Number(n)).map((n) => (n >= 0 && n <= TOTAL_MAX ? n : null)) : years.map(() => null);
    return { years, areas, totals };
  }
  return null;
}

const TOTAL_REJECT = /(genomsnitt|medelvärde|snitt|över\s{1,2}\d{3}\s{1,2}poäng|förbättrat sig med|förbättring med|ökning med|ökat med|kommuner som)/i;

/** The total stated in the summary: "Borås stad 2013-525 p", "Kommunens resultat 2015 med 650 poäng". */
export function findStatedTotal(text: string, year: number | null, stopAt: number): TotalFinding {
  const scope = text.slice(0, stopAt > 0 ? stopAt : Math.min(text.length, 60_000));
  const values = new Map<number, number>();
  if (year !== null) {
    const dash = new RegExp(`\\b${year}\\s?[-–]\\s?(\\d{3})\\s?p\\b`, 'g');
    let m: RegExpExecArray | null;
    while ((m = dash.exec(scope)) !== null) {
      const v = Number(m[1]);
      if (v <= TOTAL_MAX) values.set(v, (values.get(v) ?? 0) + 3);
    }
  }
  const sentences = scope.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])/);
  let count = 0;
  for (const s of sentences) {
    if (count > 5000) break;
    count += 1;
    const re = /(?<![\d.,])(\d{3})\s{1,2}poäng\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      const v = Number(m[1]);
      if (v < 100 || v > TOTAL_MAX) continue;
      const years = (s.match(/\b(?:19|20)\d\d\b/g) ?? []).map(Number);
      const near = s.slice(Math.max(0, m.index - 60), m.index + 20);
      if (TOTAL_REJECT.test(near)) continue;
      if (years.some((y) => y !== year)) continue;
      const weight = year !== null && years.includes(year) ? 2 : 1;
      values.set(v, (values.get(v) ?? 0) + weight);
    }
  }
  const ranked = [...values.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return { value: null, conflicting: [] };
  const second = ranked[1];
  if (second && second[1] === top[1]) return { value: null, conflicting: ranked.map((r) => r[0]) };
  return { value: top[0], conflicting: ranked.slice(1).map((r) => r[0]) };
}
