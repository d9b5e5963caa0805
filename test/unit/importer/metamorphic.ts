/**
 * Metamorphic corpus: variants of the seed reports generated at run time, each a plausible way another
 * office or PDF converter writes the same report (other words, case, CRLF, hard wrapping, hyphenation,
 * page headers anywhere, a two-column table flattened into one run, a section removed). For every part
 * of the report, `compareParts` tells whether the variant's import found it (at least 90 % of the
 * original's items) or warned about it. Used by the unit test and by `npm run bench import`.
 */
import { CATALOG_FRAMEWORKS } from '../../../src/catalog/frameworks.ts';
import { foldKey } from '../../../src/importer/fold.ts';
import { importReportText } from '../../../src/importer/import-report.ts';
import type { ImportPreview, ImportResult } from '../../../src/importer/types.ts';
import { readSeed } from './seeds.ts';
import { seededRandom as rng } from '../../../src/domain/random.ts';
export { rng };


/** Hard-wraps lines without tabs at `width`, optionally hyphenating long words that would overflow. */
export function wrap(text: string, width: number, hyphenate = false): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.includes('\t') || line.length <= width) return line;
      const out: string[] = [];
      let cur = '';
      for (const w of line.split(' ')) {
        if (cur.length + 1 + w.length <= width || cur.length === 0) {
          cur = cur ? `${cur} ${w}` : w;
          continue;
        }
        const room = width - cur.length - 2;
        if (hyphenate && w.length >= 10 && room >= 4 && /^[a-zåäö]+$/.test(w.slice(0, room))) {
          out.push(`${cur} ${w.slice(0, room)}-`);
          cur = w.slice(room);
        } else {
          out.push(cur);
          cur = w;
        }
      }
      if (cur) out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/** Inserts page headers of the SKR kind between words at random (seeded) places. */
export function insertPageHeaders(text: string, count: number, seed: number): string {
  const r = rng(seed);
  const spaces: number[] = [];
  // Not inside a page header the report already has.
  const inHeader = (i: number): boolean => /Sveriges|Kommuner och|Landsting|Regioner/.test(text.slice(Math.max(0, i - 40), i + 40));
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 32 && !inHeader(i)) spaces.push(i);
  const picks = new Set<number>();
  while (picks.size < Math.min(count, spaces.length)) picks.add(spaces[Math.floor(r() * spaces.length)] ?? 0);
  let out = '';
  let last = 0;
  let page = 2;
  for (const at of [...picks].sort((a, b) => a - b)) {
    const header = page % 2 === 0 ? `Sveriges Kommuner och Regioner 2020-12-08 ${page} (40)` : `${page} Sveriges Kommuner och Landsting (39)`;
    out += `${text.slice(last, at)} ${header} `;
    last = at + 1;
    page += 1;
  }
  return out + text.slice(last);
}

/**
 * Flattens the tab-separated Styrkor/Förbättringsmöjligheter tables (Word export) into one run, as PDF
 * extraction gives them: both headings, then the cells of the left column, then those of the right.
 */
export function flattenTables(text: string): string {
  return text.replace(/^Styrkor\tFörbättringsmöjligheter\n((?:[^\n]*\t[^\n]*\n?)+)/gm, (_m, rows: string) => {
    const left: string[] = [];
    const right: string[] = [];
    for (const row of rows.split('\n')) {
      const [l, ...rest] = row.split('\t');
      left.push(l ?? '');
      right.push(rest.join(' '));
    }
    const cells = [...left, ...right].join(' ').replace(/<[^>]*>/g, ' ').replace(/[•]/g, ' ').replace(/\s+/g, ' ');
    return `Styrkor Förbättringsmöjligheter ${cells.trim()}\n`;
  });
}

export interface Variant {
  seed: string;
  name: string;
  text: string;
}

const SEEDS: Record<string, string> = { '001': 'Burlöv 2020', '002': 'Borås 2013', '004': 'Örebro 2015' };

export function variantsOf(seed: string): Variant[] {
  const text = readSeed(seed);
  const v = (name: string, t: string): Variant => ({ seed, name: `${SEEDS[seed] ?? seed}: ${name}`, text: t });
  return [
    v('Starka sidor / Utvecklingsområden', text.replace(/\bStyrkor\b/g, 'Starka sidor').replace(/\bFörbättrings(?:möjligheter|områden)\b/g, 'Utvecklingsområden')),
    v('Styrkeområden / Utvecklingsmöjligheter', text.replace(/\bStyrkor\b/g, 'Styrkeområden').replace(/\bFörbättrings(?:möjligheter|områden)\b/g, 'Utvecklingsmöjligheter')),
    v('Poäng Max %', text.replace(/Uppnått(\s+)Max(\s+)Procent/g, 'Poäng$1Max$2%')),
    v('OMRÅDE N', text.replace(/\bOmråde ([1-8])\b/g, 'OMRÅDE $1')),
    v('Huvudområde N', text.replace(/\bOmråde ([1-8])\b/g, 'Huvudområde $1')),
    v('rubriker i versaler', text.replace(/\bStyrkor\b/g, 'STYRKOR').replace(/\bFörbättrings(möjligheter|områden)\b/g, (_m, s: string) => `FÖRBÄTTRINGS${s.toUpperCase()}`).replace(/\bRubriker\b/g, 'RUBRIKER')),
    v('rubriker i gemener', text.replace(/\bStyrkor\b/g, 'styrkor').replace(/\bFörbättrings(möjligheter|områden)\b/g, 'förbättrings$1')),
    v('CRLF', text.replace(/\n/g, '\r\n')),
    v('radbruten vid 70', wrap(text, 70)),
    v('radbruten vid 90', wrap(text, 90)),
    v('radbruten vid 120', wrap(text, 120)),
    v('avstavad vid 80', wrap(text, 80, true)),
    v('sidhuvuden på slumpade ställen', insertPageHeaders(text, 40, Number(seed) + 7)),
    v('tvåkolumnstabeller i en följd', flattenTables(text)),
    v('sammanfattningen borttagen', text.replace(/Sammanfattande kommentar(?:er)?/g, 'Övrigt')),
    v('utvärderarna borttagna', text.replace(/Utvärderare:?[^\n]{0,200}/g, ' ').replace(/(ANALYS AV\.?)[^\n]{0,300}?(?=(?:19|20)\d\d-\d\d-\d\d|\n|$)/g, '$1 ')),
  ];
}

export function importText(text: string, name: string): ImportResult {
  return importReportText(text, { fileName: `${name}.txt`, frameworks: CATALOG_FRAMEWORKS });
}

export interface PartOutcome {
  part: string;
  area?: number;
  original: number;
  found: number;
  /** The variant's preview warns about this part. */
  warned: boolean;
  ok: boolean;
}

const norm = (s: string): string => foldKey(s);

function itemsFound(orig: readonly string[], got: readonly string[]): number {
  const keys = new Set(got.map(norm));
  return orig.filter((o) => keys.has(norm(o))).length;
}

/** Items whose text is still visible somewhere in the lists (whole, or run together with a neighbour). */
function itemsVisible(orig: readonly string[], got: readonly string[]): number {
  const keys = got.map(norm);
  return orig.filter((o) => {
    const k = norm(o);
    return keys.some((g) => g === k || g.includes(k) || (k.includes(g) && g.length >= 12));
  }).length;
}

function warnedAbout(p: ImportPreview, codes: readonly string[], area?: number, part?: string): boolean {
  return p.problems.some((x) => codes.includes(x.code) && (area === undefined || x.area === area) && (part === undefined || x.code !== 'missing-part' || x.message.length > 0));
}

/** Compares every part of a variant's preview with the original's. */
export function compareParts(original: ImportPreview, variant: ImportPreview): PartOutcome[] {
  const out: PartOutcome[] = [];
  const push = (part: string, orig: number, found: number, warned: boolean, area?: number): void => {
    out.push({ part, ...(area !== undefined ? { area } : {}), original: orig, found, warned, ok: orig === 0 || found >= Math.ceil(orig * 0.9) || warned });
  };
  const missing = (re: RegExp, area?: number): boolean => variant.problems.some((x) => x.code === 'missing-part' && re.test(x.message) && (area === undefined || x.area === area));
  push('utvärderare', original.evaluators.length, itemsFound(original.evaluators.map((e) => `${e.name} ${e.organisation}`), variant.evaluators.map((e) => `${e.name} ${e.organisation}`)), missing(/Utvärderarna/));
  push('sammanfattning', original.summary ? 1 : 0, variant.summary ? 1 : 0, missing(/sammanfattande/i));
  const origSubs = original.areas.flatMap((a) => a.subareas).filter((s) => s.achieved !== null);
  const varSubs = new Map(variant.areas.flatMap((a) => a.subareas).map((s) => [s.id, s.achieved]));
  push('poängtabell', origSubs.length, origSubs.filter((s) => varSubs.get(s.id) === s.achieved).length, missing(/Poängtabellen/) || warnedAbout(variant, ['table-numbers-missing']));
  push('tidigare resultat', original.earlier.length, variant.earlier.filter((e) => original.earlier.some((o) => o.year === e.year && o.total === e.total)).length, missing(/tidigare resultat/));
  for (const oa of original.areas) {
    const va = variant.areas.find((a) => a.number === oa.number);
    const n = oa.number;
    const sectionMissing = missing(/avsnittet hittades inte/, n);
    const lists = [...(va?.strengths ?? []), ...(va?.improvements ?? []), ...(va?.unsorted ?? [])];
    const listWarned = sectionMissing || warnedAbout(variant, ['check-items', 'unsorted-items'], n);
    for (const [part, key] of [['styrkor', 'strengths'], ['förbättringsmöjligheter', 'improvements']] as const) {
      const orig = oa[key];
      const same = itemsFound(orig, va?.[key] ?? []);
      // Items sorted by wording or left unsorted count as found only where the preview says so.
      const anywhere = itemsVisible(orig, lists);
      const warned = missing(new RegExp(`inga ${part}`), n) || sectionMissing || (listWarned && anywhere >= Math.ceil(orig.length * 0.9));
      push(part, orig.length, same, warned, n);
    }
    const origTexts = Object.keys(oa.texts);
    const varTexts = Object.keys(va?.texts ?? {});
    const textWarned =
      sectionMissing ||
      missing(/ingen text per delområde/, n) ||
      origTexts.filter((id) => !varTexts.includes(id)).every((id) => variant.problems.some((x) => x.code === 'subarea-heading-missing' && x.subarea === id));
    push('text per delområde', origTexts.length, origTexts.filter((id) => varTexts.includes(id)).length, textWarned, n);
    push('delområdesrubriker', oa.headings.length, va?.headings.length ?? 0, sectionMissing || missing(/rubriker hittades inte/, n), n);
    push('områdespoäng', oa.score === null ? 0 : 1, va?.score === oa.score ? 1 : 0, sectionMissing || variant.problems.some((x) => x.area === n && /score|table/.test(x.code)), n);
    push('goda exempel', oa.goodExamples.length, itemsFound(oa.goodExamples.map((g) => g.name), va?.goodExamples.map((g) => g.name) ?? []), variant.problems.some((x) => x.code === 'missing-part' && /goda exempel/.test(x.message)), n);
  }
  return out;
}

export interface CorpusResult {
  variants: number;
  /** Per part: items in the originals and items found in the variants (same list, same subarea). */
  recall: Map<string, { original: number; found: number }>;
  failures: Array<{ variant: string; outcome: PartOutcome }>;
}

/** Imports every variant of the seeds and collects recall per part and every silent loss. */
export function runCorpus(seeds: readonly string[] = ['001', '002', '004']): CorpusResult {
  const recall = new Map<string, { original: number; found: number }>();
  const failures: CorpusResult['failures'] = [];
  let variants = 0;
  for (const seed of seeds) {
    const original = importText(readSeed(seed), seed).preview;
    for (const v of variantsOf(seed)) {
      variants += 1;
      const result = importText(v.text, v.name);
      for (const o of compareParts(original, result.preview)) {
        const r = recall.get(o.part) ?? { original: 0, found: 0 };
        r.original += o.original;
        r.found += Math.min(o.found, o.original);
        recall.set(o.part, r);
        if (!o.ok) failures.push({ variant: v.name, outcome: o });
      }
    }
  }
  return { variants, recall, failures };
}
