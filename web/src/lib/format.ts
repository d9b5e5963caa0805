/**
 * Number and date formatting for the UI. Swedish conventions (decimal comma, "82 %",
 * ISO dates 2020-12-08); English uses a decimal point but keeps ISO dates.
 */
import { clean, roundPoints } from '../../../src/domain/scoring.ts';
import { translate, useLang, type Lang } from '../i18n/i18n.tsx';

const NBSP = '\u00a0';

export interface Formatters {
  /** "16,4" — at most `decimals` decimals, no trailing zeros; null → "–". */
  number: (value: number | null | undefined, decimals?: number) => string;
  /** Points rounded to an integer as printed in reports; null → "–". */
  points: (value: number | null | undefined) => string;
  /** "82 %"; null → "–". */
  percent: (value: number | null | undefined) => string;
  /** Signed difference "+12" / "−3,5"; null → "–". */
  delta: (value: number | null | undefined) => string;
  /** ISO date "2020-12-08" from an ISO date or timestamp. */
  date: (value: string | null | undefined) => string;
  /** "2020-12-08 14:05" in local time. */
  dateTime: (value: string | null | undefined) => string;
  /** "december 2020" or "2020". */
  yearMonth: (year: number, month: number | null | undefined) => string;
  /** "2:a", "3:e" / "2nd", "3rd". */
  ordinal: (n: number) => string;
  /** Number input text as the user would type it back ("16,4"). */
  input: (value: number | null | undefined) => string;
}

export const UNKNOWN = '–';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A number as `Intl.NumberFormat(locale, { maximumFractionDigits, useGrouping: true })` writes it for
 * sv-SE, nb-NO ("−1 234,5", no-break space) and en-GB ("-1,234.5"), without Intl: building the first
 * Intl formatter of a locale loads its data, which costs more than the whole score table's render.
 * Rounds half away from zero on the decimal number, as Intl does.
 */
export function formatNumber(value: number, decimals: number, marks: { group: string; decimal: string; minus: string }): string {
  const abs = Math.abs(value);
  // Rounded on the number as written (1.005 → 1,01, as Intl does), not on its binary value (1.00499…).
  const shifted = String(abs).includes('e') ? abs * 10 ** decimals : Number(`${abs}e${decimals}`);
  const rounded = Math.round(shifted) / 10 ** decimals;
  const [int = '0', frac = ''] = rounded.toFixed(decimals).split('.');
  const fraction = frac.replace(/0+$/, '');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, marks.group);
  return `${value < 0 ? marks.minus : ''}${grouped}${fraction ? `${marks.decimal}${fraction}` : ''}`;
}

export function makeFormatters(lang: Lang): Formatters {
  let monthNames: string[] | undefined;
  const marks = lang === 'en' ? { group: ',', decimal: '.', minus: '-' } : { group: NBSP, decimal: ',', minus: '−' };
  const num = (value: number | null | undefined, decimals = 2) =>
    value === null || value === undefined || !Number.isFinite(value) ? UNKNOWN : formatNumber(clean(value), decimals, marks);
  return {
    number: num,
    points: (value) => (value === null || value === undefined ? UNKNOWN : num(roundPoints(value), 0)),
    percent: (value) => (value === null || value === undefined ? UNKNOWN : `${num(value, 0)}${NBSP}%`),
    delta: (value) => {
      if (value === null || value === undefined) return UNKNOWN;
      const v = clean(value);
      if (v === 0) return '±0';
      return `${v > 0 ? '+' : '−'}${num(Math.abs(v), 1)}`;
    },
    date: (value) => {
      if (!value) return UNKNOWN;
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      const d = new Date(value);
      if (Number.isNaN(d.getTime())) return value;
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    },
    dateTime: (value) => {
      if (!value) return UNKNOWN;
      const d = new Date(value);
      if (Number.isNaN(d.getTime())) return value;
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    },
    yearMonth: (year, month) => {
      if (!month) return String(year);
      monthNames ??= translate(lang, 'format.months').split(',');
      const name = monthNames[month - 1] ?? String(month);
      return `${name} ${year}`;
    },
    ordinal: (n) => {
      const d = n % 10;
      const h = n % 100;
      if (lang === 'sv') return `${n}:${(d === 1 || d === 2) && h !== 11 && h !== 12 ? 'a' : 'e'}`;
      if (lang === 'nb') return `${n}.`;
      const suffix = h >= 11 && h <= 13 ? 'th' : d === 1 ? 'st' : d === 2 ? 'nd' : d === 3 ? 'rd' : 'th';
      return `${n}${suffix}`;
    },
    input: (value) => (value === null || value === undefined ? '' : lang !== 'en' ? String(clean(value)).replace('.', ',') : String(clean(value))),
  };
}

/** One set of formatters per language for the whole app (every `Value` asks for them). */
const shared = new Map<Lang, Formatters>();
function formattersOf(lang: Lang): Formatters {
  let f = shared.get(lang);
  if (!f) {
    f = makeFormatters(lang);
    shared.set(lang, f);
  }
  return f;
}

export function useFormat(): Formatters {
  const [lang] = useLang();
  return formattersOf(lang);
}
