/**
 * Text helpers every layer shares: folding names for comparison, HTML/XML escaping and entity
 * decoding. Pure; one implementation each (the importer, the reports, the HTTP head and the domain
 * rules all use these).
 */

const COMBINING = /[\u0300-\u036f]/g;

/** Removes diacritics, keeping case: "Åre Östersund Malmö" → "Are Ostersund Malmo". */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '');
}

export interface FoldOptions {
  /** What a run of other characters becomes (default one space; "" drops them, "-" makes a slug). */
  separator?: string;
  /** Characters kept besides a-z and 0-9 (e.g. "." to keep subarea ids "1.2"). */
  keep?: string;
}

/**
 * Folds a name for comparison: lower case, diacritics removed (å/ä→a, ö→o, é→e), every run of
 * other characters to one separator, none at the ends. "Burlövs kommun!" → "burlovs kommun".
 */
export function foldName(text: string, options: FoldOptions = {}): string {
  const separator = options.separator ?? ' ';
  const keep = (options.keep ?? '').replace(/[\\\]^-]/g, '\\$&');
  let folded = stripDiacritics(text.toLowerCase()).replace(new RegExp(`[^a-z0-9${keep}]+`, 'g'), separator);
  if (separator && folded.startsWith(separator)) folded = folded.slice(separator.length);
  if (separator && folded.endsWith(separator)) folded = folded.slice(0, -separator.length);
  return folded;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML or XML text node or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#(\d{1,10})|#[xX]([0-9a-fA-F]{1,8})|(amp|lt|gt|quot|apos|nbsp));/g;

/** A code point an entity may stand for: tab, newline and printable characters; no surrogate halves. */
const allowedCodePoint = (n: number): boolean => (n === 9 || n === 10 || n > 31) && n < 0x110000 && (n < 0xd800 || n > 0xdfff);

/**
 * Decodes HTML entities in one pass, so "&amp;lt;" becomes "&lt;" (not "<"): the named ones
 * markup tools write (`&amp; &lt; &gt; &quot; &apos; &nbsp;`) and numeric ones (`&#39;`, `&#x27;`).
 * A number that is no allowed character (a control character, a surrogate, beyond U+10FFFF) becomes
 * U+FFFD. `nbsp` says what `&nbsp;` becomes (default a no-break space).
 */
export function decodeHtmlEntities(text: string, options: { nbsp?: string } = {}): string {
  return text.replace(ENTITY, (_m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return name === 'nbsp' ? (options.nbsp ?? NAMED.nbsp ?? '') : (NAMED[name] ?? '');
    const n = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return allowedCodePoint(n) ? String.fromCodePoint(n) : '\ufffd';
  });
}
