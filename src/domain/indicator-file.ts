/**
 * Indicator value files: Kolada's JSON (`{"values":[{"kpi","municipality","period","values":[{"gender","status","value"}]}]}`,
 * also with `count`/`next_page`, or a bare list of entries) and CSV. Pure: text in, rows or errors out.
 * Every error names the line and the entry (`values[2].period`), so a person can find it in the file.
 */
import type { ErrorDetail } from './errors.ts';
import { foldName } from './text.ts';

export const GENDERS = ['T', 'K', 'M'] as const;
export type Gender = (typeof GENDERS)[number];

export interface IndicatorRow {
  kpi: string;
  /** SCB code of the municipality; null when the file does not say (CSV without the column). */
  municipality: string | null;
  period: number;
  gender: Gender;
  value: number | null;
  status: string;
  /** Optional name of the indicator (CSV column "namn"). */
  name: string | null;
  line: number;
}

export interface FileError extends ErrorDetail {
  line: number;
}

export type ParseResult = { ok: true; format: 'kolada' | 'csv'; rows: IndicatorRow[] } | { ok: false; format: 'kolada' | 'csv' | 'unknown'; errors: FileError[] };

const MAX_ERRORS = 50;
const MAX_ROWS = 200_000;
const KPI = /^[A-Za-z0-9_-]{1,40}$/;
const CODE = /^\d{4}$|^\d{2}$/;

// ---------- a small JSON reader that remembers the line of every object and array ----------

class JsonSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

function readJson(text: string): { value: unknown; lineOf: WeakMap<object, number> } {
  const lineOf = new WeakMap<object, number>();
  let i = 0;
  let line = 1;
  const ws = (): void => {
    for (;;) {
      const c = text[i];
      if (c === '\n') line += 1;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') i += 1;
      else return;
    }
  };
  const fail = (what: string): never => {
    const got = i >= text.length ? 'filens slut' : `"${text.slice(i, i + 12)}"`;
    throw new JsonSyntaxError(`Rad ${line}: ogiltig JSON, väntade ${what} men fann ${got}.`, line);
  };
  const str = (): string => {
    const start = i;
    i += 1;
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n') {
        i = start;
        return fail('en avslutad sträng');
      }
      if (c === '"') {
        i += 1;
        return out;
      }
      if (c === '\\') {
        const n = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (n !== undefined && map[n] !== undefined) {
          out += map[n];
          i += 2;
        } else return fail('en giltig escape-sekvens');
      } else {
        out += c;
        i += 1;
      }
    }
  };
  const value = (depth: number): unknown => {
    if (depth > 64) fail('mindre djup nästling');
    ws();
    const c = text[i];
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      lineOf.set(obj, line);
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('ett fältnamn inom citattecken');
        const key = str();
        ws();
        if (text[i] !== ':') fail('":"');
        i += 1;
        obj[key] = value(depth + 1);
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return obj;
        }
        fail('"," eller "}"');
      }
    }
    if (c === '[') {
      const arr: unknown[] = [];
      lineOf.set(arr, line);
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return arr;
        }
        fail('"," eller "]"');
      }
    }
    if (c === '"') return str();
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (m) {
      i += m[0].length;
      return Number(m[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail('ett värde');
  };
  const v = value(0);
  ws();
  if (i < text.length) fail('filens slut');
  return { value: v, lineOf };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (typeof v === 'string' ? `"${v.slice(0, 40)}"` : JSON.stringify(v)?.slice(0, 40) ?? String(v));

/** Reads a Kolada JSON document. */
export function parseKoladaJson(text: string): ParseResult {
  let doc: { value: unknown; lineOf: WeakMap<object, number> };
  try {
    doc = readJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, format: 'kolada', errors: [{ line: e.line, path: '', message: e.message }] };
    throw e;
  }
  const root = doc.value;
  const entries = Array.isArray(root) ? root : isObj(root) ? root.values : undefined;
  if (!Array.isArray(entries)) {
    return { ok: false, format: 'kolada', errors: [{ line: 1, path: 'values', message: 'Rad 1: filen har ingen lista "values" med Kolada-poster ({"kpi", "municipality", "period", "values"}).' }] };
  }
  const prefix = Array.isArray(root) ? '' : 'values';
  const errors: FileError[] = [];
  const rows: IndicatorRow[] = [];
  const err = (line: number, path: string, message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ line, path, message: `Rad ${line}, post ${path}: ${message}` });
  };
  entries.forEach((entry, n) => {
    const path = `${prefix}[${n}]`;
    const line = isObj(entry) || Array.isArray(entry) ? (doc.lineOf.get(entry) ?? 1) : (doc.lineOf.get(entries) ?? 1);
    if (!isObj(entry)) return err(line, path, `en post ska vara ett objekt, inte ${show(entry)}.`);
    const { kpi, municipality, period, values } = entry;
    let ok = true;
    if (typeof kpi !== 'string' || !KPI.test(kpi)) {
      err(line, `${path}.kpi`, `"kpi" ska vara ett nyckeltals-id som "U07414", inte ${show(kpi)}.`);
      ok = false;
    }
    if (typeof municipality !== 'string' || !CODE.test(municipality)) {
      err(line, `${path}.municipality`, `"municipality" ska vara en kommunkod med fyra siffror som "1480", inte ${show(municipality)}.`);
      ok = false;
    }
    const year = typeof period === 'number' ? period : typeof period === 'string' && /^\d{4}$/.test(period) ? Number(period) : NaN;
    if (!Number.isInteger(year) || year < 1900 || year > 2100) {
      err(line, `${path}.period`, `"period" ska vara ett årtal som 2016, inte ${show(period)}.`);
      ok = false;
    }
    if (!Array.isArray(values)) {
      err(line, `${path}.values`, '"values" ska vara en lista med värden per kön ({"gender": "T", "value": 69}).');
      return;
    }
    values.forEach((v, k) => {
      const vPath = `${path}.values[${k}]`;
      const vLine = isObj(v) ? (doc.lineOf.get(v) ?? line) : line;
      if (!isObj(v)) return err(vLine, vPath, `ett värde ska vara ett objekt, inte ${show(v)}.`);
      const gender = v.gender ?? 'T';
      let vOk = ok;
      if (typeof gender !== 'string' || !(GENDERS as readonly string[]).includes(gender)) {
        err(vLine, `${vPath}.gender`, `"gender" ska vara T (totalt), K (kvinnor) eller M (män), inte ${show(gender)}.`);
        vOk = false;
      }
      const value = v.value;
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
        err(vLine, `${vPath}.value`, `"value" ska vara ett tal eller null, inte ${show(value)}.`);
        vOk = false;
      }
      const status = v.status ?? '';
      if (typeof status !== 'string') {
        err(vLine, `${vPath}.status`, `"status" ska vara text, inte ${show(status)}.`);
        vOk = false;
      }
      if (vOk && rows.length < MAX_ROWS) {
        rows.push({ kpi: kpi as string, municipality: municipality as string, period: year, gender: gender as Gender, value: value as number | null, status: status as string, name: null, line: vLine });
      }
    });
  });
  if (errors.length) return { ok: false, format: 'kolada', errors };
  if (rows.length === 0) return { ok: false, format: 'kolada', errors: [{ line: 1, path: prefix, message: 'Filen innehåller inga värden.' }] };
  return { ok: true, format: 'kolada', rows: dedupe(rows) };
}

/** The last value wins when a file lists the same KPI, municipality, period and gender twice. */
function dedupe(rows: IndicatorRow[]): IndicatorRow[] {
  const map = new Map<string, IndicatorRow>();
  for (const r of rows) map.set(`${r.kpi}|${r.municipality}|${r.period}|${r.gender}`, r);
  return [...map.values()];
}

// ---------- CSV ----------

const COLUMNS: Record<string, keyof IndicatorRow> = {
  kpi: 'kpi', nyckeltal: 'kpi', indikator: 'kpi', id: 'kpi',
  municipality: 'municipality', kommun: 'municipality', kommunkod: 'municipality',
  period: 'period', ar: 'period', year: 'period',
  value: 'value', varde: 'value',
  gender: 'gender', kon: 'gender',
  status: 'status',
  name: 'name', namn: 'name',
};

function splitCsvLine(line: string, sep: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === '') quoted = true;
    else if (c === sep) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (quoted) return null;
  out.push(cur.trim());
  return out;
}

const foldHeader = (h: string): string => foldName(h, { separator: '' });

/**
 * Reads CSV with a header line: kpi, period and value are required; municipality (kommunkod), gender (kön),
 * status and name (namn) are optional. Separator `;`, tab or `,`; with `;` or tab a decimal comma is allowed.
 */
export function parseIndicatorCsv(text: string): ParseResult {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  const headerLine = lines[headerIndex] ?? '';
  if (headerIndex < 0) return { ok: false, format: 'csv', errors: [{ line: 1, path: '', message: 'Rad 1: filen är tom.' }] };
  const sep = headerLine.includes(';') ? ';' : headerLine.includes('\t') ? '\t' : ',';
  const header = (splitCsvLine(headerLine, sep) ?? []).map(foldHeader);
  const index: Partial<Record<keyof IndicatorRow, number>> = {};
  header.forEach((h, i) => {
    const key = COLUMNS[h];
    if (key && index[key] === undefined) index[key] = i;
  });
  const missing = (['kpi', 'period', 'value'] as const).filter((k) => index[k] === undefined);
  const headerNo = headerIndex + 1;
  if (missing.length) {
    return {
      ok: false,
      format: 'csv',
      errors: [{ line: headerNo, path: 'header', message: `Rad ${headerNo}: rubrikraden saknar ${missing.map((m) => ({ kpi: '"kpi"', period: '"period" (år)', value: '"value" (värde)' })[m]).join(', ')}. Fann: ${header.join(', ') || 'inget'}.` }],
    };
  }
  const errors: FileError[] = [];
  const rows: IndicatorRow[] = [];
  const err = (line: number, col: string, message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ line, path: `rad ${line}.${col}`, message: `Rad ${line}, kolumn ${col}: ${message}` });
  };
  for (let n = headerIndex + 1; n < lines.length && rows.length < MAX_ROWS; n += 1) {
    const raw = lines[n] ?? '';
    if (raw.trim() === '') continue;
    const no = n + 1;
    const cells = splitCsvLine(raw, sep);
    if (!cells) {
      err(no, '–', 'ett citattecken avslutas inte.');
      continue;
    }
    const get = (k: keyof IndicatorRow): string | undefined => (index[k] === undefined ? undefined : cells[index[k] as number]);
    const kpi = get('kpi') ?? '';
    const periodText = get('period') ?? '';
    const valueText = (get('value') ?? '').replace(/\s/g, '');
    const gender = (get('gender') ?? '').toUpperCase() || 'T';
    const municipality = get('municipality') ?? '';
    let ok = true;
    if (!KPI.test(kpi)) {
      err(no, 'kpi', `nyckeltals-id saknas eller är ogiltigt: "${kpi}".`);
      ok = false;
    }
    if (!/^\d{4}$/.test(periodText)) {
      err(no, 'period', `perioden ska vara ett årtal som 2016, inte "${periodText}".`);
      ok = false;
    }
    let value: number | null = null;
    if (valueText !== '') {
      const normal = sep === ',' ? valueText : valueText.replace(',', '.');
      value = /^-?\d+(?:\.\d+)?$/.test(normal) ? Number(normal) : NaN;
      if (Number.isNaN(value)) {
        err(no, 'value', `värdet ska vara ett tal${sep === ',' ? ' med decimalpunkt' : ''}, inte "${valueText}".`);
        ok = false;
      }
    }
    if (!(GENDERS as readonly string[]).includes(gender)) {
      err(no, 'gender', `kön ska vara T, K eller M, inte "${gender}".`);
      ok = false;
    }
    if (municipality !== '' && !CODE.test(municipality)) {
      err(no, 'municipality', `kommunkoden ska ha fyra siffror, inte "${municipality}".`);
      ok = false;
    }
    if (ok) {
      rows.push({ kpi, municipality: municipality || null, period: Number(periodText), gender: gender as Gender, value, status: get('status') ?? '', name: get('name') || null, line: no });
    }
  }
  if (errors.length) return { ok: false, format: 'csv', errors };
  if (rows.length === 0) return { ok: false, format: 'csv', errors: [{ line: headerNo + 1, path: '', message: `Rad ${headerNo + 1}: filen har inga värden under rubrikraden.` }] };
  return { ok: true, format: 'csv', rows: dedupe(rows) };
}

/** Picks the reader by file name and content: JSON when it looks like JSON, CSV otherwise. */
export function parseIndicatorFile(fileName: string, text: string): ParseResult {
  const t = text.replace(/^\ufeff/, '').trimStart();
  if (/\.json$/i.test(fileName) || t.startsWith('{') || t.startsWith('[')) return parseKoladaJson(text);
  if (/\.(csv|txt|tsv)$/i.test(fileName) || /^[^\n]*[;,\t]/.test(t)) return parseIndicatorCsv(text);
  return { ok: false, format: 'unknown', errors: [{ line: 1, path: '', message: 'Filen är varken Kolada-JSON eller CSV. Ladda upp en .json-fil från Kolada eller en .csv med kolumnerna kpi, period och value.' }] };
}
