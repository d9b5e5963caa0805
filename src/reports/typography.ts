/**
 * Swedish typography for report text. Pure.
 * Swedish uses the same closing-style quote on both sides: ”citat” and ’citat’.
 */

/** Straight quotes → Swedish quotes, "--" → en dash, "..." → ellipsis. */
export function swedishTypography(text: string): string {
  return text
    .replace(/["“„]/g, '”')
    .replace(/(^|[\s([])'(?=\S)/g, '$1’')
    .replace(/'/g, '’')
    .replace(/‘/g, '’')
    .replace(/ -- /g, ' – ')
    .replace(/ - /g, ' – ')
    .replace(/\.\.\./g, '…');
}

/** Quotes a phrase the Swedish way. */
export function quoteSv(text: string): string {
  return `”${text}”`;
}

const ORDINALS = ['första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde', 'elfte', 'tolfte'];

/** 1 → "första", 2 → "andra", 13 → "13:e". */
export function ordinalSv(n: number): string {
  return ORDINALS[n - 1] ?? `${n}:${n % 10 === 1 || n % 10 === 2 ? (n % 100 === 11 || n % 100 === 12 ? 'e' : 'a') : 'e'}`;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export function monthNameSv(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "2020-12-08" → "8 december 2020". Returns the input when it is not an ISO date. */
export function formatDateSv(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${monthNameSv(Number(m[2]))} ${m[1]}`;
}

/** Joins a list the Swedish way: "A, B och C". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
