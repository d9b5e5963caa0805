/**
 * Normalises extracted report text: line ends, HTML remnants, page headers, and cuts out the report
 * itself when a web page wraps it (lists of other documents before "Transkript", excerpts after it).
 * Page headers become a form feed ("\f") so later steps know page boundaries. Pure.
 */

export interface NormalizedText {
  /** Normalised text of the report body; lines (\n), table cells (\t) and page breaks (\f) kept. */
  text: string;
  /** Dates printed in page headers, in order ("2013-07-04"). */
  headerDates: string[];
  /** Number of page headers removed. */
  pageHeaders: number;
  /** True when the body was cut out of a longer wrapper document. */
  wrapped: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Page headers such as "Sveriges Kommuner och Landsting 2013-07-04 24 (27)" or "25 Sveriges Kommuner och Landsting (39)". */
const PAGE_HEADER =
  /(?:^[ \t]{0,4}\d{1,3}[ \t]{1,4})?Sveriges Kommuner och (?:Landsting|Regioner)[ \t]{1,4}(?:(\d{4}-\d{2}-\d{2})[ \t]{1,4})?(?:\d{1,3}[ \t]{0,4})?\(\d{1,3}\)/gm;

const FOREIGN_TITLE = /^[ \t]{0,4}(?:\d{1,3}[ \t]{1,3})?Kommun[ \t]?Kompassen\b[^\n]{0,120}?\bANALYS AV\b/gim;

function basicClean(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/<\/?(?:ul|ol|li|p|br|div|span|table|tr|td|th|b|i|em|strong)\b[^<>\n]{0,300}>/gi, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? ' ')
    .replace(/&#(\d{1,6});/g, (_m, code: string) => {
      const n = Number(code);
      return n > 31 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
    })
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
  const text = body
    .replace(PAGE_HEADER, (_m, date: string | undefined) => {
      pageHeaders += 1;
      if (date) headerDates.push(date);
      return '\f';
    })
    .replace(/[ \u2000-\u200A\u3000]+/g, ' ');
  return { text, headerDates, pageHeaders, wrapped };
}
