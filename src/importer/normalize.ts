/**
 * Normalises extracted report text: line ends, HTML remnants, page headers, and cuts out the report
 * itself when a web page wraps it (lists of other documents before "Transkript", excerpts after it).
 * Page headers become a form feed ("\f") so later steps know page boundaries. Pure.
 */

import { pageHeaderRegex } from './vocabulary.ts';
import { decodeHtmlEntities } from '../domain/text.ts';

export interface NormalizedText {
  /** Normalised text of the report body; lines (\n), table cells (\t) and page breaks (\f) kept. */
  text: string;
  /** Dates printed in page headers, in order ("2013-07-04"). */
  headerDates: string[];
  /** Number of page headers removed. */
  pageHeaders: number;
  /** True when the body was cut out of a longer wrapper document. */
  wrapped: boolean;
  /** Lines joined because the text was hard-wrapped at a fixed width (0 when it was not). */
  unwrappedLines: number;
  /** Words rejoined across a hyphen at a line end. */
  dehyphenated: number;
}

/** Words after a line-end hyphen that show the hyphen belongs to the word ("styr- och"). */
const KEEP_HYPHEN_BEFORE = /^(?:och|eller|samt|resp|respektive|till|som)\b/;

/** A line ending in a hyphen right after a letter or digit, and the next line starting with a letter. */
export function endsHyphenated(line: string, next: string): boolean {
  return /[A-Za-zÅÄÖåäöéüÉÜ0-9]-$/.test(line.trimEnd()) && /^[A-Za-zÅÄÖåäöéüÉÜ]/.test(next.trimStart());
}

/**
 * Joins a line ending in a hyphen with the next line. The hyphen is dropped for a word broken across the
 * lines ("utveck-" "ling"), kept without a space in a compound with a proper noun, an acronym or a short
 * prefix ("Malmö-" "Lundregionen", "LETA-" "programmet", "e-" "tjänster"), and kept with a space before
 * a conjunction ("styr-" "och"). `dropped` tells whether the hyphen was removed.
 */
export function joinHyphenated(line: string, next: string): { text: string; dropped: boolean } {
  const a = line.trimEnd();
  const b = next.trimStart();
  if (KEEP_HYPHEN_BEFORE.test(b)) return { text: `${a} ${b}`, dropped: false };
  const word = /([A-Za-zÅÄÖåäöéüÉÜ0-9]+)-$/.exec(a)?.[1] ?? '';
  const keep = /^[A-ZÅÄÖÉÜ]/.test(b) || /[A-ZÅÄÖÉÜ0-9]$/.test(word) || word.length <= 2;
  return keep ? { text: `${a}${b}`, dropped: false } : { text: `${a.slice(0, -1)}${b}`, dropped: true };
}

/** Joins a wrapped line with the next: mends a line-end hyphen, no space after a slash ("Medborgar-/" "brukarorienterad"). */
export function joinWrapped(line: string, next: string): string {
  if (endsHyphenated(line, next)) return joinHyphenated(line, next).text;
  if (/\S\/$/.test(line.trimEnd())) return `${line.trimEnd()}${next.trimStart()}`;
  return `${line.trimEnd()} ${next.trimStart()}`;
}

/** Joins the lines of a table cell (or a run of list items) into one line (see joinWrapped). */
export function joinCellLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    out = out ? joinWrapped(out, line) : line;
  }
  return out;
}

/**
 * Rejoins words hyphenated at a line end ("utveck-\nling" → "utveckling") and lines of a text
 * hard-wrapped at a fixed width: a line is joined with the next when the next line's first word would
 * not have fitted on it, which is why the line was broken. Short lines (headings, list items) stay.
 */
export function unwrapLines(text: string): { text: string; joined: number; dehyphenated: number } {
  const lines = text.split('\n');
  let dehyphenated = 0;
  const plain = lines.filter((l) => l.length > 0 && !l.includes('\t'));
  if (plain.length < 20) return { text, joined: 0, dehyphenated };
  const lengths = plain.map((l) => l.trimEnd().length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.95)] ?? 0;
  // Hard-wrapped: most long lines end close to one width, and no line is much longer.
  const near = plain.filter((l) => l.trimEnd().length >= width - 25 && l.trimEnd().length <= width).length;
  const max = lengths[lengths.length - 1] ?? 0;
  const wrappedText = width >= 30 && width <= 200 && near >= plain.length * 0.3 && max <= width + 20;
  const out: string[] = [];
  let joined = 0;
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i] ?? '';
    while (i + 1 < lines.length) {
      const next = lines[i + 1] ?? '';
      if (line.includes('\t') || next.includes('\t') || next.trim() === '' || line.trim() === '') break;
      const hyphen = endsHyphenated(line, next);
      const firstWord = next.trimStart().split(/\s/)[0] ?? '';
      const wouldNotFit = wrappedText && line.trimEnd().length + 1 + firstWord.length > width;
      if (hyphen && (wrappedText || line.trimEnd().length > 40)) {
        const joinedLine = joinHyphenated(line, next);
        line = joinedLine.text;
        if (joinedLine.dropped) dehyphenated += 1;
        joined += 1;
        i += 1;
        continue;
      }
      if (!wouldNotFit) break;
      line = joinWrapped(line, next);
      joined += 1;
      i += 1;
    }
    out.push(line);
  }
  return { text: out.join('\n'), joined: wrappedText ? joined : 0, dehyphenated };
}

/** Page headers such as "Sveriges Kommuner och Landsting 2013-07-04 24 (27)" or "25 Sveriges Kommuner och Landsting (39)" (see vocabulary.ts). */
const PAGE_HEADER = pageHeaderRegex();

const FOREIGN_TITLE = /^[ \t]{0,4}(?:\d{1,3}[ \t]{1,3})?Kommun[ \t]?Kompassen\b[^\n]{0,120}?\bANALYS AV\b/gim;

function basicClean(raw: string): string {
  const withoutTags = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/<\/?(?:ul|ol|li|p|br|div|span|table|tr|td|th|b|i|em|strong)\b[^<>\n]{0,300}>/gi, ' ');
  return decodeHtmlEntities(withoutTags)
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g, ' ');
}

/** Finds where the report starts and ends inside a wrapper page. */
function cutBody(text: string): { body: string; wrapped: boolean } {
  let start = 0;
  let wrapped = false;
  const transcript = /^[ \t]{0,4}Transkript:?[ \t]*$/im.exec(text);
  if (transcript) {
    start = transcript.index + transcript[0].length;
    wrapped = true;
  }
  let end = text.length;
  const readMore = /^[ \t]{0,4}Läs mer[ \t]*$/im;
  const rest = text.slice(start);
  const more = readMore.exec(rest);
  if (more) {
    end = Math.min(end, start + more.index);
    wrapped = true;
  }
  // A second report title well after the start is another document.
  FOREIGN_TITLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = FOREIGN_TITLE.exec(rest)) !== null) {
    seen += 1;
    if (m.index > 3000 && start + m.index < end) {
      end = start + m.index;
      wrapped = true;
      break;
    }
    if (seen > 1000) break;
  }
  return { body: text.slice(start, end), wrapped };
}

export function normalizeText(raw: string): NormalizedText {
  const cleaned = basicClean(raw);
  const { body, wrapped } = cutBody(cleaned);
  const headerDates: string[] = [];
  let pageHeaders = 0;
  // Page headers first: a header inserted into a wrapped line must not decide the line width.
  const noHeaders = body.replace(PAGE_HEADER, (_m, date: string | undefined) => {
    pageHeaders += 1;
    if (date) headerDates.push(date);
    return '\f';
  });
  const unwrapped = unwrapLines(noHeaders);
  const text = unwrapped.text.replace(/[ \u2000-\u200A\u3000]+/g, ' ');
  return { text, headerDates, pageHeaders, wrapped, unwrappedLines: unwrapped.joined, dehyphenated: unwrapped.dehyphenated };
}
