/**
 * Facts from the summary chapter and title: when, which evaluation in order, interviews, evaluators. Pure.
 */

export const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTH_RE = MONTHS.join('|');

const ORDINAL_WORDS: Record<string, number> = {
  första: 1, andra: 2, tredje: 3, fjärde: 4, femte: 5, sjätte: 6, sjunde: 7, åttonde: 8, nionde: 9, tionde: 10,
  elfte: 11, tolfte: 12,
};

export interface WhenFinding {
  year: number | null;
  month: number | null;
  reportDate: string | null;
}

function validDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1990 && y <= 2100;
}

/** Year and month of the evaluation ("genomfördes i maj år 2013"), report date (title or page headers). */
export function detectWhen(text: string, headerDates: readonly string[]): WhenFinding {
  const head = text.slice(0, 30_000);
  let year: number | null = null;
  let month: number | null = null;
  const done = new RegExp(`genomfördes\\s{1,3}(?:under\\s{1,3})?(?:i\\s{1,3})?(${MONTH_RE})\\s{1,3}(?:år\\s{1,3})?((?:19|20)\\d\\d)`, 'i').exec(head);
  if (done) {
    month = MONTHS.indexOf((done[1] ?? '').toLowerCase()) + 1 || null;
    year = Number(done[2]);
  }
  if (year === null) {
    const title = /ANALYS AV[^\n]{0,60}?\b((?:19|20)\d\d)\b/i.exec(head) ?? /Kommun ?Kompassen[^\n]{0,80}?\b((?:19|20)\d\d)\b/i.exec(head);
    if (title) year = Number(title[1]);
  }
  if (month === null && year !== null) {
    const m = new RegExp(`\\b(${MONTH_RE})\\s{1,3}(?:år\\s{1,3})?${year}\\b`, 'i').exec(head.slice(0, 3000));
    if (m) month = MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1 || null;
  }
  // Report date: a date on the title page, else the date most page headers carry.
  let reportDate: string | null = null;
  const first = /\b((?:19|20)\d\d-[01]\d-[0-3]\d)\b/.exec(head.slice(0, 1500));
  if (first && validDate(first[1] ?? '')) reportDate = first[1] ?? null;
  if (!reportDate && headerDates.length > 0) {
    const counts = new Map<string, number>();
    for (const d of headerDates) counts.set(d, (counts.get(d) ?? 0) + 1);
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best && validDate(best[0])) reportDate = best[0];
  }
  if (year === null && reportDate) year = Number(reportDate.slice(0, 4));
  if (year !== null && (year < 1990 || year > 2100)) year = null;
  return { year, month, reportDate };
}

/** "var kommunens femte utvärdering", "den 5:e utvärderingen", "sin andra Kommunkompass". */
export function detectOrdinal(text: string): number | null {
  const head = text.slice(0, 30_000);
  const words = Object.keys(ORDINAL_WORDS).join('|');
  const re = new RegExp(`\\b(?:kommunens|sin|dess|den|var)\\s{1,3}(${words}|\\d{1,2}\\s?:\\s?[ae])\\s{1,3}(?:utvärdering|Kommunkompass)`, 'i');
  const m = re.exec(head);
  if (!m) return null;
  const token = (m[1] ?? '').toLowerCase().replace(/\s/g, '');
  const n = ORDINAL_WORDS[token] ?? (/^\d{1,2}:[ae]$/.test(token) ? Number(token.split(':')[0]) : NaN);
  return Number.isInteger(n) && n >= 1 && n <= 50 ? n : null;
}

/** "intervjuer med ett 40-tal personer" → about 40; "intervjuer med 35 personer" → 35. */
export function detectInterviews(text: string): { count: number | null; approx: boolean } {
  const head = text.slice(0, 30_000);
  const m = /intervju(?:er|at)?\s{1,3}(?:med\s{1,3})?(?:(ett|cirka|ca\.?|drygt|omkring|närmare|knappt)\s{1,3})?(\d{1,4})(-tal)?\s{1,3}(?:personer|tjänste|politiker|intervju)/i.exec(head);
  if (!m) return { count: null, approx: false };
  const count = Number(m[2]);
  if (!Number.isInteger(count) || count > 10_000) return { count: null, approx: false };
  // "ett 40-tal", "cirka 40", "drygt 40" are approximate; "40 personer" is exact.
  const qualifier = (m[1] ?? '').toLowerCase();
  return { count, approx: Boolean(m[3]) || (qualifier !== '' && qualifier !== 'ett') };
}

export interface EvaluatorFinding {
  name: string;
  organisation: string;
  isLead: boolean;
}

const OWNER_LONG = /Sveriges\s{1,3}Kommuner\s{1,3}och\s{1,3}(Landsting|Regioner)/gi;
const CAP = /^[A-ZÅÄÖÉÜ][a-zåäöéüA-ZÅÄÖÉÜ'-]*$/;
const ORG_SUFFIX = /^(?:kommun|stad|kommuner|landsting|region)$/i;

export interface EvaluatorOptions {
  /** Whether a word is a known municipality name (recognised as an organisation when it stands alone). */
  isMunicipality?: (name: string) => boolean;
}

type Entity = { kind: 'person'; name: string } | { kind: 'org'; name: string; labelled: boolean };

/** Organisations at the start of a run of words: SKL/SKR, "X kommun", "X stad", "Region X", "konsult". */
function orgAt(ws: readonly string[], i: number, opts: EvaluatorOptions, wholeChunk: boolean): { name: string; len: number } | null {
  const w = ws[i] ?? '';
  if (/^(?:SKL|SKR)$/i.test(w)) return { name: w.toUpperCase(), len: 1 };
  if (/^konsult$/i.test(w)) return { name: 'konsult', len: 1 };
  if (/^region$/i.test(w) && CAP.test(ws[i + 1] ?? '')) return { name: `Region ${ws[i + 1]}`, len: 2 };
  for (const n of [2, 1]) {
    const nameWords = ws.slice(i, i + n);
    const suffix = ws[i + n] ?? '';
    if (nameWords.length === n && nameWords.every((x) => CAP.test(x)) && ORG_SUFFIX.test(suffix)) {
      return { name: `${nameWords.join(' ')} ${suffix}`, len: n + 1 };
    }
  }
  if (wholeChunk && CAP.test(w) && ws.length <= 2 && opts.isMunicipality?.(ws.join(' '))) return { name: ws.join(' '), len: ws.length };
  return null;
}

/**
 * Splits a line of evaluators into people with organisations, in any order and punctuation:
 * "Name, Org", "Name, Name, Org", "Name (Org)", "Org: Name, Name", and runs without separators between
 * one person's organisation and the next person ("Anna Andersson, SKL Berit Berg, Borås Stad").
 * Organisations are recognised as such (SKL/SKR, "… kommun", "… stad", "Region …", municipality names).
 */
export function parseEvaluatorList(segment: string, opts: EvaluatorOptions = {}): EvaluatorFinding[] {
  const text = segment.replace(OWNER_LONG, (_m, kind: string) => (/^l/i.test(kind) ? 'SKL' : 'SKR')).replace(/\bf\.d\.\s?/gi, '').replace(/(?:senior\s)?konsult\s{0,2}\((SKL|SKR)\)/gi, '$1');
  const entities: Entity[] = [];
  // Chunks between separators; a colon after a chunk labels the people that follow it.
  const chunkRe = /([^,;:()&\n]+)([,;:()&\n]?)/g;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = chunkRe.exec(text)) !== null && guard < 200) {
    guard += 1;
    if (m[0].length === 0) {
      chunkRe.lastIndex += 1;
      continue;
    }
    const sep = m[2] ?? '';
    for (const part of (m[1] ?? '').split(/\s+och\s+|\s+samt\s+/)) {
      const ws = part.trim().split(/\s+/).filter(Boolean);
      let run: string[] = [];
      const flush = (): void => {
        // Capitalised words in a row: one person of 2–3 words, or two persons of 2 words each.
        while (run.length >= 2) {
          const take = run.length === 4 ? 2 : Math.min(3, run.length);
          entities.push({ kind: 'person', name: run.slice(0, take).join(' ') });
          run = run.slice(take);
        }
        run = [];
      };
      for (let i = 0; i < ws.length; i += 1) {
        const org = orgAt(ws, i, opts, ws.length <= 2 && run.length === 0);
        if (org) {
          flush();
          entities.push({ kind: 'org', name: org.name, labelled: sep === ':' && i + org.len >= ws.length });
          i += org.len - 1;
          continue;
        }
        const w = ws[i] ?? '';
        if (CAP.test(w) && !/^\d/.test(w) && w.length > 1) run.push(w);
        else flush();
      }
      flush();
    }
  }
  // Each person takes the organisation after them, or the labelled one before them ("SKL: A, B").
  const out: EvaluatorFinding[] = [];
  let label: string | null = null;
  let pending: EvaluatorFinding[] = [];
  for (const e of entities) {
    if (e.kind === 'person') {
      const f = { name: e.name, organisation: label ?? '', isLead: false };
      out.push(f);
      if (!label) pending.push(f);
      continue;
    }
    if (e.labelled) {
      pending = [];
      label = e.name;
      continue;
    }
    for (const p of pending) p.organisation = e.name;
    pending = [];
    label = null;
  }
  const lead = out.find((e) => /^(SKL|SKR)$/.test(e.organisation)) ?? out[0];
  if (lead) lead.isLead = true;
  const seen = new Set<string>();
  return out.filter((e) => (seen.has(e.name) ? false : (seen.add(e.name), true))).slice(0, 20);
}

/** Evaluators from the title page ("Utvärderare: …" or the names after the title). */
export function detectEvaluators(text: string, municipalityNames: readonly string[], opts: EvaluatorOptions = {}): EvaluatorFinding[] {
  const head = text.slice(0, 3000);
  const labelled = /(?:^|[\n\f]|\d\s)[ \t]{0,3}Utvärderare:?\s{1,3}([^\n\f]{3,300})/.exec(head);
  let segment = labelled?.[1] ?? '';
  if (!segment) {
    const title = /ANALYS AV\b([^\n\f]{3,300})/.exec(head);
    segment = title?.[1] ?? '';
  }
  // Drop the municipality's own name ("Borås stad") so it is not read as an organisation of nobody.
  for (const n of municipalityNames) {
    if (!n) continue;
    segment = segment.replace(new RegExp(`^[^,]{0,40}?\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\s{1,3}(?:kommun|stad|KOMMUN|STAD)\\b(?:\\s{1,3}(?:19|20)\\d\\d)?`, 'i'), ' ');
  }
  segment = segment.replace(/\b(?:19|20)\d\d-\d\d-\d\d\b.*$/, '');
  return parseEvaluatorList(segment.replace(/\s+/g, ' ').trim(), opts);
}
