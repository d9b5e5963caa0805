/**
 * Area sections of the report ("Område N Title", "Rubriker … Poäng NN", "Allmänt", one heading per
 * subarea, then the Styrkor/Förbättringsmöjligheter table). Pure.
 */
import { AREA_COUNT, AREA_DIGIT, type AreaDef } from '../domain/framework.ts';
import { editDistance, foldKeep, foldWords, phraseRegex, wordSimilarity } from './fold.ts';
import { partSource } from './vocabulary.ts';

export interface SectionBounds {
  number: number;
  start: number;
  end: number;
}

const AREA_WORD = partSource('area');
// The number may be wrapped onto the next line ("… Område\n6 Kommunen som arbetsgivare").
const AREA_HEADING = new RegExp(`(?:^|[\\s\\f])${AREA_WORD}[ \\t\\f\\n]{1,5}(${AREA_DIGIT})(?![\\d.])`, 'gi');
const AREA_AT_START = new RegExp(`^${AREA_WORD}[ \\t\\f\\n]{1,5}\\d[ \\t\\f:.–-]{0,4}`, 'i');
const TOC_ENTRY = new RegExp(`^${AREA_WORD}[ \\t]{1,3}\\d[^\\n\\f]{0,90}?(?:\\.{3,}|\\t\\d{1,3}[ \\t]*(?:\\n|$)|\\s\\d{1,3}\\s+${AREA_WORD})`, 'i');
const HEADINGS_WORD = new RegExp(partSource('headings'), 'i');
const GENERAL = new RegExp(`(?:^|[\\s\\f])${partSource('general')}(?![A-Za-zÅÄÖåäö])`, 'i');

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
    const toc = TOC_ENTRY.test(after);
    const good = HEADINGS_WORD.test(after.slice(0, 300));
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
    if (expected > AREA_COUNT) break;
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
  const head = AREA_AT_START.exec(section);
  const headEnd = head ? head[0].length : 0;
  const rub = HEADINGS_WORD.exec(section.slice(0, 600));
  const lineEnd = section.slice(headEnd, headEnd + 200).search(/[\n\f]/);
  const titleEnd = rub ? rub.index : headEnd + (lineEnd >= 0 ? lineEnd : Math.min(200, section.length - headEnd));
  const title = section.slice(headEnd, titleEnd).replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!rub) return { title, score: null, headings: [], bodyStart: titleEnd };
  const afterRub = rub.index + rub[0].length;
  const allm = GENERAL.exec(section.slice(afterRub, afterRub + 2500));
  const blockEnd = allm ? afterRub + allm.index : Math.min(section.length, afterRub + 800);
  let block = section.slice(afterRub, blockEnd);
  let score: number | null = null;
  const num =
    /(?:^|\s)(\d{1,3})(?:[ \t]*p(?:oäng)?)?\s*$/i.exec(block) ?? /Po[äa]ng\s{1,4}(\d{1,3})\b/i.exec(block) ?? /\t[ ]{0,3}(\d{1,3})[ \t]*(?:\n|$)/.exec(block);
  if (num) {
    const v = Number(num[1]);
    if (v >= 0 && v <= 100) score = v;
    // A space where the number stood: it may have ended a line inside a wrapped heading ("Strategi för\t79\ndemokrati…").
    block = `${block.slice(0, num.index)} ${block.slice(num.index + num[0].length)}`;
  }
  block = block.replace(/(?<![A-Za-zÅÄÖåäö])Po[äa]ng(?![A-Za-zÅÄÖåäö])/gi, ' ');
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

export interface NarrativeFinding {
  /** Text per subarea id. */
  texts: Record<string, string>;
  /** Where each found heading starts in the body (for locating good examples and problems). */
  at: Record<string, number>;
  /** Subarea ids whose heading was not found in the text. */
  missing: string[];
}

interface Word {
  w: string;
  start: number;
  end: number;
}

function wordsOf(body: string, folded: string): Word[] {
  const out: Word[] = [];
  const re = /[a-z0-9]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null && out.length < 200_000) out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  void body;
  return out;
}

/** Whether two folded words are the same word in a shortened or inflected form ("medborgare"/"medborgarna"). */
function sameWord(a: string, b: string, strict = false): boolean {
  if (a === b) return true;
  // Cheap rejection first: same first letter, similar length (the words compared are short).
  if (a.charCodeAt(0) !== b.charCodeAt(0) || Math.abs(a.length - b.length) > Math.max(2, Math.min(a.length, b.length) * 0.5)) return false;
  if (strict) return a.length >= 5 && editDistance(a, b, 1) <= 1;
  if (a.length >= 5 && b.length >= 5 && editDistance(a, b, 1) <= 1) return true;
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p += 1;
  return p >= 6 && p >= Math.min(a.length, b.length) * 0.75;
}

const SMALL = new Set(['och', 'for', 'av', 'i', 'med', 'till', 'om', 'pa', 'samt', 'den', 'det', 'en', 'ett', 'hur']);

/**
 * How well the words at `i` spell the heading: share of its (non-small) words found among the next few
 * words, and the index just after the last word matched. The first word must match one of the heading's
 * first two words, so a sentence merely mentioning the words is not taken for the heading.
 */
function headingMatch(words: readonly Word[], i: number, heading: readonly string[], body: string): { score: number; endIndex: number } {
  const key = heading.filter((w) => !SMALL.has(w));
  const want = key.length > 0 ? key : heading;
  const first = words[i]?.w ?? '';
  const matchFrom = (from: number, list: readonly string[], extra: number): { hits: number; endIndex: number } => {
    const span = Math.min(words.length, from + list.length + extra);
    let hits = 0;
    let endIndex = from + 1;
    const used = new Set<number>();
    for (const h of list) {
      for (let j = from; j < span; j += 1) {
        if (used.has(j)) continue;
        if (sameWord(words[j]?.w ?? '', h)) {
          used.add(j);
          hits += 1;
          endIndex = Math.max(endIndex, j + 1);
          break;
        }
      }
    }
    return { hits, endIndex };
  };
  if (want.length === 1 && heading.length <= 2) {
    // A one-word heading ("Rekrytering") must be spelled out: "Rekryteringen av …" is a sentence.
    return sameWord(first, want[0] ?? '', true) ? { score: 1, endIndex: i + heading.length } : { score: 0, endIndex: i };
  }
  if (heading.slice(0, 2).some((h) => sameWord(first, h)) || want.slice(0, 1).some((h) => sameWord(first, h))) {
    const m = matchFrom(i, want, 4 + heading.length - want.length);
    return { score: m.hits / want.length, endIndex: m.endIndex };
  }
  // Reworded first word ("Tydliga politiska mål" for "Politiska mål", "Stöd till kulturlivet" for
  // "Samarbete med kulturlivet"): the other words must all follow at once, then the text must start.
  const rest = want.length >= 2 && !sameWord(first, want[0] ?? '') ? (heading.length === want.length ? want : want.slice(1)) : [];
  const tail = rest;
  if (tail.length === 0 || !sameWord(words[i + 1]?.w ?? '', tail[0] ?? '')) return { score: 0, endIndex: i };
  const m = matchFrom(i + 1, tail, 2);
  const next = words[m.endIndex];
  const nextCapital = next ? body.charAt(next.start) !== body.charAt(next.start).toLowerCase() : false;
  if (m.hits === tail.length && m.endIndex - i <= heading.length + 2 && nextCapital) return { score: 1, endIndex: m.endIndex };
  return { score: 0, endIndex: i };
}

/** A heading starts a line, or follows the end of a sentence, and starts with a capital letter. */
function startsHeading(body: string, at: number): boolean {
  if (at === 0) return true;
  const ch = body.charAt(at);
  if (ch !== ch.toUpperCase() || ch === ch.toLowerCase()) return false;
  const before = body.slice(Math.max(0, at - 4), at);
  return /(?:[\n\f\t]|[.!?:"”)]\s{1,3}|\s{2})$/.test(before) || /^\s*$/.test(before);
}

/**
 * Narrative per subarea: the text after each subarea heading, up to the next heading or the list table.
 * The candidates for each subarea's heading are its catalog heading and title and the best-matching entry
 * of the area's "Rubriker" list; headings are matched in order, tolerant of shortened, inflected or
 * reworded forms ("Ansvarsfördelning och roller mellan politiker/tjänstemän" for "Ansvarsfördelning
 * politiker/tjänstemän").
 */
export function findNarratives(body: string, area: AreaDef | undefined, headings: readonly string[]): NarrativeFinding {
  const out: NarrativeFinding = { texts: {}, at: {}, missing: [] };
  if (!area) return out;
  const folded = foldKeep(body);
  const words = wordsOf(body, folded);
  const found: Array<{ id: string; at: number; end: number }> = [];
  // Word indices where a heading may start (line or sentence starts), computed once.
  const starts: number[] = [];
  words.forEach((w, j) => {
    if (startsHeading(body, w.start)) starts.push(j);
  });
  let wi = 0;
  const pickListed = (s: AreaDef['subareas'][number], i: number): string[] => {
    const own = [s.heading, s.title].filter((c): c is string => Boolean(c));
    let best: { h: string; sim: number } | null = null;
    for (const h of headings) {
      const sim = Math.max(...own.map((c) => wordSimilarity(h, c)));
      if (!best || sim > best.sim) best = { h, sim };
    }
    const listed = best && best.sim >= 0.5 ? [best.h] : [];
    if (headings.length === area.subareas.length && headings[i]) listed.push(headings[i]);
    return listed;
  };
  area.subareas.forEach((s, i) => {
    const cands = [...new Set([...pickListed(s, i), s.heading, s.title].filter((c): c is string => Boolean(c && c.length > 2)))].map((c) => foldWords(c));
    let best: { wi: number; endWi: number; score: number } | null = null;
    for (const j of starts) {
      if (j < wi) continue;
      if (j >= wi + 6000) break;
      let local: { endWi: number; score: number } | null = null;
      for (const c of cands) {
        if (c.length === 0) continue;
        const m = headingMatch(words, j, c, body);
        const need = c.length === 1 ? 1 : c.length === 2 ? 1 : 0.66;
        if (m.score >= need && (!local || m.score > local.score)) local = { endWi: m.endIndex, score: m.score };
      }
      if (local) {
        best = { wi: j, ...local };
        break;
      }
    }
    if (!best) {
      out.missing.push(s.id);
      return;
    }
    const startWord = words[best.wi];
    let endWi = best.endWi;
    // The printed heading may run on with a few more words before the text starts ("Valfrihet och påverkan Kommunen …").
    const lineEnd = body.indexOf('\n', startWord?.start ?? 0);
    const lastWord = words[endWi - 1];
    if (lastWord && (lineEnd < 0 || lineEnd > lastWord.end)) {
      for (let k = endWi; k < Math.min(words.length, endWi + 4); k += 1) {
        const w = words[k];
        if (!w) break;
        const gap = body.slice(words[k - 1]?.end ?? w.start, w.start);
        if (/[.!?\n\f]/.test(gap)) break;
        const ch = body.charAt(w.start);
        if (ch !== ch.toLowerCase()) {
          endWi = k;
          break;
        }
        if (k === endWi + 3) break;
      }
    }
    let end = words[endWi - 1]?.end ?? startWord?.end ?? 0;
    // A heading on its own line ends at the line end (of its last line when it wraps).
    const endLine = body.indexOf('\n', end);
    // The rest of the line belongs to the heading unless it starts a sentence (a capital letter).
    const restOfLine = body.slice(end, endLine);
    if (endLine >= 0 && endLine - end < 60 && !/[.!?]/.test(restOfLine) && !/^[ \t]*[A-ZÅÄÖÉÜ]/.test(restOfLine)) {
      end = endLine;
      // A heading wrapped in a narrow column: one more short line without a full stop, then a blank line.
      const rest = body.slice(end + 1, end + 80);
      const wrapped = /^([^\n.!?]{1,60})\n[ \t]*\n/.exec(rest);
      if (wrapped && /^[ \t]*[a-zåäöéü]/.test(wrapped[1] ?? '')) end += 1 + (wrapped[1]?.length ?? 0);
    }
    found.push({ id: s.id, at: startWord?.start ?? 0, end });
    wi = endWi;
  });
  found.forEach((f, i) => {
    const end = found[i + 1]?.at ?? body.length;
    const text = body
      .slice(f.end, end)
      .replace(/\f/g, '\n')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n[ \t]*\n[\s]*/g, '\n\n')
      .trim();
    if (text.length > 0) {
      out.texts[f.id] = text.slice(0, 100_000);
      out.at[f.id] = f.at;
    }
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
