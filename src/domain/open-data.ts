/**
 * Open data: the rows and columns of the bulk downloads of published scores, the licence, and CSV for
 * Swedish spreadsheet programs (UTF-8 with BOM, `;` between fields, decimal comma, CRLF). Pure.
 * Municipality and county codes are SCB's (the keys Kolada uses), always as text ("0114", not 114).
 */
import type { FrameworkDef } from './framework.ts';
import { AREA_MAX } from './framework.ts';
import { clean } from './scoring.ts';

export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.sv',
  attribution: 'Källa: Kommunkompassen, publicerade utvärderingar (kompass)',
  notice:
    'Data får användas, delas och bearbetas fritt, även kommersiellt, om källan anges: "Källa: Kommunkompassen, publicerade utvärderingar (kompass)". Licens: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/deed.sv',
} as const;

export const OPEN_DATA_LEVELS = ['evaluation', 'area', 'subarea'] as const;
export type OpenDataLevel = (typeof OPEN_DATA_LEVELS)[number];

export interface OpenDataRow {
  evaluationId: string;
  municipalityCode: string;
  municipalityName: string;
  countyCode: string;
  countyName: string;
  year: number;
  month: number | null;
  reportDate: string | null;
  frameworkId: string;
  frameworkName: string;
  level: OpenDataLevel;
  area: number | null;
  subarea: string | null;
  title: string | null;
  points: number | null;
  max: number | null;
  percent: number | null;
  /** Where the number comes from: subareas, stated (printed in the report), partial, unknown, computed. */
  source: string;
}

export interface Column {
  key: string;
  header: string;
  kind: 'text' | 'number';
}

const C = (key: keyof OpenDataRow & string, header: string, kind: Column['kind'] = 'text'): Column => ({ key, header, kind });

const HEAD: Column[] = [
  C('evaluationId', 'Utvärdering-id'),
  C('municipalityCode', 'Kommunkod'),
  C('municipalityName', 'Kommun'),
  C('countyCode', 'Länskod'),
  C('countyName', 'Län'),
  C('year', 'År', 'number'),
  C('month', 'Månad', 'number'),
  C('reportDate', 'Rapportdatum'),
  C('frameworkId', 'Ramverk-id'),
  C('frameworkName', 'Ramverk'),
];
const TAIL: Column[] = [C('points', 'Poäng', 'number'), C('max', 'Max', 'number'), C('percent', 'Procent', 'number'), C('source', 'Källa')];

export const OPEN_DATA_COLUMNS: Record<OpenDataLevel, Column[]> = {
  evaluation: [...HEAD, ...TAIL],
  area: [...HEAD, C('area', 'Område', 'number'), C('title', 'Rubrik'), ...TAIL],
  subarea: [...HEAD, C('area', 'Område', 'number'), C('subarea', 'Delområde'), C('title', 'Rubrik'), ...TAIL],
};

/** The comparison export: the evaluation's columns as in the bulk downloads, the compared area in its own version, how it corresponds. */
export const COMPARISON_COLUMNS: Column[] = [
  { key: 'row', header: 'Jämförelserad', kind: 'text' },
  ...HEAD.filter((c) => ['evaluationId', 'municipalityCode', 'municipalityName', 'year', 'frameworkName'].includes(c.key)),
  { key: 'area', header: 'Område i versionen', kind: 'number' },
  { key: 'title', header: 'Rubrik i versionen', kind: 'text' },
  ...TAIL.filter((c) => c.key !== 'source'),
  { key: 'relation', header: 'Motsvarighet', kind: 'text' },
  { key: 'caveat', header: 'Anmärkning', kind: 'text' },
];

/** Percent of max with one decimal; null when unknown. */
export function percentOneDecimal(points: number | null, max: number | null): number | null {
  if (points === null || max === null || max <= 0) return null;
  return clean(Math.round((points / max) * 1000) / 10);
}

export interface EvaluationScores {
  evaluation: Omit<OpenDataRow, 'frameworkName' | 'level' | 'area' | 'subarea' | 'title' | 'points' | 'max' | 'percent' | 'source'>;
  /** `total:` / `area:N` / `subarea:N.M` → score and source. */
  values: ReadonlyMap<string, { score: number | null; source: string }>;
}

/** The rows of one evaluation at one level, in framework order (unknown scores stay empty, never 0). */
export function openDataRows(fw: FrameworkDef, { evaluation, values }: EvaluationScores, level: OpenDataLevel): OpenDataRow[] {
  const base = { ...evaluation, frameworkName: fw.name, level };
  const none = { area: null, subarea: null, title: null };
  if (level === 'evaluation') {
    const v = values.get('total:');
    const max = fw.areas.length * AREA_MAX;
    return [{ ...base, ...none, points: v?.score ?? null, max, percent: percentOneDecimal(v?.score ?? null, max), source: v?.source ?? 'unknown' }];
  }
  if (level === 'area') {
    return fw.areas.map((a) => {
      const v = values.get(`area:${a.number}`);
      return { ...base, ...none, area: a.number, title: a.title, points: v?.score ?? null, max: AREA_MAX, percent: percentOneDecimal(v?.score ?? null, AREA_MAX), source: v?.source ?? 'unknown' };
    });
  }
  return fw.areas.flatMap((a) =>
    a.subareas.map((s) => {
      const v = values.get(`subarea:${s.id}`);
      return { ...base, area: a.number, subarea: s.id, title: s.title, points: v?.score ?? null, max: s.max, percent: percentOneDecimal(v?.score ?? null, s.max), source: v ? 'subareas' : 'unknown' };
    }),
  );
}

// ---------- CSV for Swedish Excel ----------

export const CSV_BOM = '\uFEFF';

/** "16,4": decimal comma, no thousands separator, at most 6 decimals. */
export function decimalComma(value: number): string {
  return String(clean(value)).replace('.', ',');
}

/** One CSV field: numbers with decimal comma; text quoted when needed; formula-like text made inert. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? decimalComma(value) : '';
  // A cell starting with = + - @ would be run as a formula by a spreadsheet program.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(csvField).join(';')}\r\n`;
}

export function csvHeader(columns: readonly Column[]): string {
  return csvLine(columns.map((c) => c.header));
}

export function csvRow(columns: readonly Column[], row: object): string {
  const r = row as Readonly<Record<string, unknown>>;
  return csvLine(columns.map((c) => r[c.key] as string | number | null | undefined));
}
