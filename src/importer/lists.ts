/**
 * Strengths ("Styrkor") and improvement opportunities ("Förbättringsmöjligheter" / "Förbättringsområden").
 * Word exports have a two-column table (cells separated by a tab, items by bullets); PDF text runs the
 * items together on one line, so items are split where a new capitalised phrase starts. Pure.
 */

import { PLACE_CONFIDENCE, sortRun } from './classify.ts';
import { joinCellLines } from './normalize.ts';
import type { PreviewReviewItem } from './types.ts';
import { partSource } from './vocabulary.ts';

export interface ListFinding {
  strengths: string[];
  improvements: string[];
  /** Items whose column the text does not tell (both headers printed before any item). */
  unsorted: string[];
  /** Start of the first list block in the section (where the narrative ends). */
  start: number | null;
  /** Items sorted by wording (flattened two-column runs), placed or left unsorted, each to be checked. */
  review: PreviewReviewItem[];
}

const NOT_LETTER = '(?![A-Za-zÅÄÖåäöÉéÜü])';
const STRENGTHS = new RegExp(`(?:^|[\\n\\f\\t.!?:]|\\s{2})[ \\t]{0,3}(${partSource('strengths')})${NOT_LETTER}`, 'gi');
const IMPROVEMENTS = new RegExp(`(?<![A-Za-zÅÄÖåäöÉéÜü])(${partSource('improvements')})${NOT_LETTER}`, 'i');
const BULLET = /[•·▪●◦]|(?:^|\s)[-–*](?=\s)/;

/** Words after which a capitalised word is a name inside the same item, not the start of a new one. */
const JOINERS = new Set([
  'för', 'i', 'med', 'av', 'till', 'på', 'om', 'hos', 'mellan', 'och', 'samt', 'från', 'inom', 'via', 'mot', 'under', 'vid', 'som', 'att', 'en', 'ett', 'the', 'kring', 'genom', 'efter', 'både', 'eller', 'dvs', 'bl.a.', 't.ex.',
]);

function isCapitalised(word: string): boolean {
  return /^["”“'(]?[A-ZÅÄÖÉÜ]/.test(word);
}

function isAcronym(word: string): boolean {
  const letters = word.replace(/[^A-Za-zÅÄÖåäöÉé]/g, '');
  return letters.length >= 2 && (letters.match(/[A-ZÅÄÖÉ]/g)?.length ?? 0) >= 2;
}

/** Splits a run-together list ("Webbsändning av möten Mål och resultat presenteras") into items. */
export function splitRunTogether(text: string, nameWords: ReadonlySet<string> = new Set()): string[] {
  const clean = joinCellLines(text.split('\n')).replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  if (/[•·▪●◦]/.test(clean)) {
    return clean
      .split(/\s*[•·▪●◦]\s*/)
      .map((s) => s.trim())
      .filter((s) => s.length > 1);
  }
  if (/^[-–*]\s/.test(clean) && BULLET.test(clean)) {
    return clean
      .split(/\s*(?:(?:^|\s)[-–*](?=\s))\s*/)
      .map((s) => s.trim())
      .filter((s) => s.length > 1);
  }
  const words = clean.split(' ');
  const items: string[] = [];
  let cur: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] ?? '';
    const prev = cur[cur.length - 1];
    const startsNew =
      prev !== undefined &&
      isCapitalised(w) &&
      !isAcronym(w) &&
      !JOINERS.has(prev.toLowerCase()) &&
      !/[,(\-–/&]$/.test(prev) &&
      !nameWords.has(w.replace(/[^A-Za-zÅÄÖåäöÉéÜü-]/g, '')) &&
      // A capitalised word directly after a name-like capitalised word continues the name ("Kvalitetspriset Nya steg").
      cur.length > 0;
    if (startsNew) {
      items.push(cur.join(' '));
      cur = [];
    }
    cur.push(w);
  }
  if (cur.length) items.push(cur.join(' '));
  return items.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 1);
}

function tidy(items: string[]): string[] {
  return items
    .map((s) => s.replace(/^[\s•·▪●◦*–-]+/, '').replace(/\s+/g, ' ').trim().slice(0, 2000))
    .filter((s) => s.length > 1 && /[A-Za-zÅÄÖåäö]/.test(s))
    .slice(0, 200);
}

/** Finds all Styrkor/Förbättrings… blocks of one area section. */
export function findLists(section: string, nameWords: ReadonlySet<string> = new Set()): ListFinding {
  const out: ListFinding = { strengths: [], improvements: [], unsorted: [], start: null, review: [] };
  const starts: Array<{ at: number; len: number }> = [];
  STRENGTHS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STRENGTHS.exec(section)) !== null && starts.length < 20) {
    const word = m[1] ?? '';
    starts.push({ at: m.index + m[0].length - word.length, len: word.length });
  }
  if (starts.length === 0) {
    // Only an improvements list (some reports).
    const imp = IMPROVEMENTS.exec(section);
    if (imp && /^(?:[\n\f]|\s{2})?/.test(section.slice(Math.max(0, imp.index - 2), imp.index))) {
      const before = section.slice(Math.max(0, imp.index - 3), imp.index);
      if (/[\n\f.!?]\s{0,2}$/.test(before)) {
        out.start = imp.index;
        out.improvements = tidy(splitRunTogether(section.slice(imp.index + imp[0].length), nameWords));
      }
    }
    return out;
  }
  out.start = starts[0]?.at ?? null;
  starts.forEach((st, i) => {
    const blockEnd = starts[i + 1]?.at ?? section.length;
    const block = section.slice(st.at + st.len, blockEnd);
    const imp = IMPROVEMENTS.exec(block);
    const header = imp && imp.index < 20 && /^[\t ]*$/.test(block.slice(0, imp.index)) ? imp : null;
    if (header) {
      // Both column headers first. Tabbed rows: cell 1 strengths, cell 2 improvements.
      const rest = block.slice(header.index + header[0].length);
      const lines = rest.split('\n').filter((l) => l.trim().length > 0);
      const tabbed = lines.filter((l) => l.includes('\t'));
      const headerTabbed = block.slice(0, header.index).includes('\t');
      if (tabbed.length > 0 || headerTabbed) {
        // Cells of one column may wrap over several lines (PDF); join each column, then split items.
        const left: string[] = [];
        const right: string[] = [];
        for (const line of lines) {
          const cells = line.split('\t');
          left.push(cells[0] ?? '');
          right.push(cells.slice(1).join(' '));
        }
        out.strengths.push(...tidy(splitRunTogether(left.join('\n'), nameWords)));
        out.improvements.push(...tidy(splitRunTogether(right.join('\n'), nameWords)));
      } else {
        // Both headings, then the cells of both columns in one run: sort by wording, never drop.
        for (const item of sortRun(tidy(splitRunTogether(rest, nameWords)))) {
          const placed = item.column !== null && item.confidence >= PLACE_CONFIDENCE;
          if (placed && item.column === 'strength') out.strengths.push(item.text);
          else if (placed && item.column === 'improvement') out.improvements.push(item.text);
          else out.unsorted.push(item.text);
          out.review.push({ text: item.text, column: placed ? item.column : null, suggestion: item.column, confidence: item.confidence, reason: item.reason });
        }
      }
      return;
    }
    if (imp) {
      out.strengths.push(...tidy(splitRunTogether(block.slice(0, imp.index), nameWords)));
      out.improvements.push(...tidy(splitRunTogether(block.slice(imp.index + imp[0].length), nameWords)));
    } else {
      out.strengths.push(...tidy(splitRunTogether(block, nameWords)));
    }
  });
  return out;
}
