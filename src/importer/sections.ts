/**
 * Area sections of the report ("Område N Title", "Rubriker … Poäng NN", "Allmänt", one heading per
 * subarea, then the Styrkor/Förbättringsmöjligheter table). Pure.
 */
import type { AreaDef } from '../domain/framework.ts';
import { foldKeep, phraseRegex, wordSimilarity } from './fold.ts';

export interface SectionBounds {
  number: number;
  start: number;
  end: number;
}

const AREA_HEADING = /(?:^|[\s\f])Område[ \t]{1,3}([1-8])(?![\d.])/g;

/**
 * Locates the area sections. Skips the table of contents (entries followed by page numbers or dots) and
 * prefers headings followed by "Rubriker"; each area's section is the first fitting heading after the previous.
 */
export function findSections(text: string, stopAt: number): SectionBounds[] {
  const hits: Array<{ n: number; at: number; good: boolean; toc: boolean }> = [];
  AREA_HEADING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AREA_HEADING.exec(text)) !== null && hits.length < 400) {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (at >= stopAt) break;
    const after = text.slice(at, at + 500);
    const toc = /^Område[ \t]{1,3}\d[^\n\f]{0,90}?(?:\.{3,}|\t\d{1,3}[ \t]*(?:\n|$)|\s\d{1,3}\s+Område)/.test(after);
    const good = /Rubriker/.test(after.slice(0, 300));
    hits.push({ n: Number(m[1]), at, good, toc });
  }
  const useGood = hits.filter((h) => h.good).length >= 4;
  const bounds: SectionBounds[] = [];
  let pos = 0;
  let expected = 1;
  for (const h of hits) {
    if (h.at < pos || h.toc || (useGood && !h.good)) continue;
    if (h.n !== expected) continue;
    bounds.push({ number: h.n, start: h.at, end: stopAt });
    pos = h.at + 10;
    expected += 1;
    if (expected > 8) break;
  }
  for (let i = 0; i < bounds.length - 1; i += 1) {
    const b = bounds[i];
    const next = bounds[i + 1];
    if (b && next) b.end = next.start;
  }
  const last = bounds[bounds.length - 1];
  if (last) last.end = Math.min(stopAt, last.start + 80_000);
  return bounds;
}

export interface SectionHead {
  title: string;
  /** Area score printed next to the headings ("Poäng 67"), or null. */
  score: number | null;
  headings: string[];
  /** Where the body (after "Allmänt" or the headings) starts, relative to the section. */
  bodyStart: number;
}

/** Reads the start of a section: title, subarea headings and the area score. */
export function readSectionHead(section: string, area: AreaDef | undefined): SectionHead {
  const head = /^Område[ \t]{1,3}\d[ \t:.–-]{0,3}/.exec(section);
  const headEnd = head ? head[0].length : 0;
  const rub = /Rubriker/.exec(section.slice(0, 600));
  const lineEnd = section.slice(headEnd, headEnd + 200).search(/[\n\f]/);
  const titleEnd = rub ? rub.index : headEnd + (lineEnd >= 0 ? lineEnd : Math.min(200, section.length - headEnd));
  const title = section.slice(headEnd, titleEnd).replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!rub) return { title, score: null, headings: [], bodyStart: titleEnd };
  const afterRub = rub.index + rub[0].length;
  const allm = /(?:^|[\s\f])Allmänt\b/.exec(section.slice(afterRub, afterRub + 2500));
  const blockEnd = allm ? afterRub + allm.index : Math.min(section.length, afterRub + 800);
  let block = section.slice(afterRub, blockEnd);
  let score: number | null = null;
  const num =
    /(?:^|\s)(\d{1,3})(?:[ \t]*p(?:oäng)?)?\s*$/.exec(block) ?? /Poäng\s{1,4}(\d{1,3})\b/.exec(block) ?? /\t[ ]{0,3}(\d{1,3})[ \t]*(?:\n|$)/.exec(block);
  if (num) {
    const v = Number(num[1]);
    if (v >= 0 && v <= 100) score = v;
    block = block.slice(0, num.index) + block.slice(num.index + num[0].length);
  }
  block = block.replace(/\bPoäng\b/g, ' ');
  let headings: string[];
  if (/[•·▪●]/.test(block)) {
    headings = block.split(/[•·▪●]/).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 1);
  } else {
    headings = splitByKnownHeadings(block, area);
  }
  headings = headings.map((h) => (h === h.toUpperCase() && /[A-ZÅÄÖ]{3}/.test(h) ? h.charAt(0) + h.slice(1).toLowerCase() : h)).slice(0, 12);
  return { title, score, headings, bodyStart: blockEnd + (allm ? allm[0].length : 0) };
}

/** Splits "Strategi för X Information till medborgare Dialog …" at the framework's known headings. */
function splitByKnownHeadings(block: string, area: AreaDef | undefined): string[] {
  const flat = block.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  if (!area) return [flat];
  const folded = foldKeep(flat);
  const cuts: number[] = [];
  for (const s of area.subareas) {
    for (const cand of [s.heading, s.title]) {
      if (!cand) continue;
      const re = phraseRegex(cand, '');
      const m = re?.exec(folded);
      if (m) {
        cuts.push(m.index);
        break;
      }
    }
  }
  // Headings printed differently from the catalog: cut at capitalised words after known ones.
  const starts = [...new Set([0, ...cuts])].sort((a, b) => a - b);
  if (starts.length < 2) {
    const words = flat.split(' ');
    const out: string[] = [];
    let cur: string[] = [];
    for (const w of words) {
      const prev = cur[cur.length - 1];
      if (prev && /^[A-ZÅÄÖ]/.test(w) && !/^(?:och|för|till|av|i|samt|med)$/.test(prev) && !/[-/,]$/.test(prev)) {
        out.push(cur.join(' '));
        cur = [];
      }
      cur.push(w);
    }
    if (cur.length) out.push(cur.join(' '));
    return out;
  }
  return starts.map((s, i) => flat.slice(s, starts[i + 1] ?? flat.length).trim()).filter((s) => s.length > 1);
}

/**
 * Narrative per subarea: the text after each subarea heading, up to the next heading or the list table.
 * Headings are searched in order; a heading must start a line or follow the end of a sentence.
 */
export function findNarratives(body: string, area: AreaDef | undefined, headings: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!area) return out;
  const folded = foldKeep(body);
  const found: Array<{ id: string; at: number; end: number }> = [];
  let pos = 0;
  area.subareas.forEach((s, i) => {
    const cands = [s.heading, s.title, headings[i]].filter((c): c is string => Boolean(c && c.length > 2));
    let best: { at: number; end: number } | null = null;
    for (const cand of cands) {
      const re = phraseRegex(cand);
      if (!re) continue;
      re.lastIndex = pos;
      let m: RegExpExecArray | null;
      let guard = 0;
      while ((m = re.exec(folded)) !== null && guard < 30) {
        guard += 1;
        const before = body.slice(Math.max(0, m.index - 3), m.index);
        const startsLine = m.index === 0 || /(?:[\n\f]|[.!?:"”]\s{1,2}|\s{2})$/.test(before);
        const firstChar = body.charAt(m.index);
        if (startsLine && firstChar === firstChar.toUpperCase()) {
          if (!best || m.index < best.at) best = { at: m.index, end: m.index + m[0].length };
          break;
        }
      }
    }
    if (!best) {
      // Line-based fallback: a short line similar to a candidate.
      const lineRe = /(?:^|\n)([^\n]{3,120})(?=\n)/g;
      lineRe.lastIndex = pos;
      let lm: RegExpExecArray | null;
      let guard = 0;
      while ((lm = lineRe.exec(body)) !== null && guard < 400) {
        guard += 1;
        const line = (lm[1] ?? '').trim();
        if (!line || /[.!?]$/.test(line)) continue;
        if (cands.some((c) => wordSimilarity(line, c) >= 0.75)) {
          const at = lm.index + lm[0].indexOf(line);
          best = { at, end: at + line.length };
          break;
        }
      }
    }
    if (best) {
      found.push({ id: s.id, ...best });
      pos = best.end;
    }
  });
  found.forEach((f, i) => {
    const end = found[i + 1]?.at ?? body.length;
    const text = body
      .slice(f.end, end)
      .replace(/\f/g, '\n')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n[ \t]*\n[\s]*/g, '\n\n')
      .trim();
    if (text.length > 0) out[f.id] = text.slice(0, 100_000);
  });
  return out;
}

const REJECT_SENTENCE = /(förra|föregående|tidigare|senaste utvärderingen|förbättring med|förbättrat sig med|ökning med|ökat med|ökade med|minskat med|medelvärde|genomsnitt|snitt|jämfört med)/i;

/**
 * Area score stated in the prose of the section ("… ett mycket bra resultat med 89 poäng", "Kommunen får här
 * 90 poäng"). Sentences about earlier evaluations, other years, changes and averages are ignored.
 * Returns null when the text states no score or states different ones.
 */
export function statedScoreInProse(body: string, year: number | null): number | null {
  const values = new Set<number>();
  const sentences = body.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])/);
  let count = 0;
  for (const s of sentences) {
    if (count > 2000) break;
    count += 1;
    const re = /(?<![\d.,])(\d{1,3})\s{1,2}poäng\b/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      const v = Number(m[1]);
      if (v < 0 || v > 100) continue;
      if (REJECT_SENTENCE.test(s)) continue;
      const years = s.match(/\b(?:19|20)\d\d\b/g) ?? [];
      if (years.some((y) => year === null || Number(y) !== year)) continue;
      if (/\bfrån\s{1,2}$/.test(s.slice(0, m.index)) || /\bmed\s{1,2}$/.test(s.slice(Math.max(0, m.index - 30), m.index)) && /(förbättr|ökning|ökat)/i.test(s)) continue;
      values.add(v);
    }
  }
  return values.size === 1 ? ([...values][0] ?? null) : null;
}
