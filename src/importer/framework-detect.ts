/**
 * Recognises the framework version from area and subarea titles (accent-, case- and
 * punctuation-tolerant), or derives a new variant from the report's own score table. Pure.
 */
import { createHash } from 'node:crypto';
import { ABOUT_KOMMUNKOMPASSEN } from '../catalog/about.ts';
import { AREA_COUNT, AREA_NUMBERS, validateFramework, type FrameworkDef } from '../domain/framework.ts';
import { foldKeep, phraseRegex, wordSimilarity } from './fold.ts';
import type { ScoreTable } from './score-table.ts';

export interface FrameworkMatch {
  framework: FrameworkDef | null;
  derived: boolean;
  /** Why the choice was made, for the problem list. */
  notes: string[];
  /** Problems that stop the import. */
  errors: string[];
}

const SIMILAR = 0.55;

function countPhrase(folded: string, phrase: string): number {
  const re = phraseRegex(phrase);
  if (!re) return 0;
  let n = 0;
  while (re.exec(folded) !== null && n < 50) n += 1;
  return n;
}

/** Number of the framework's area titles (or aliases) found in the text. */
function areaHits(folded: string, fw: FrameworkDef): number {
  return fw.areas.filter((a) => [a.title, ...(a.aliases ?? [])].some((t) => countPhrase(folded, t) > 0)).length;
}

/** Share of the table's subarea rows whose question matches the framework's subarea at the same id. */
function tableSimilarity(table: ScoreTable, fw: FrameworkDef): { rows: number; matched: number; structural: boolean } {
  let rows = 0;
  let matched = 0;
  let structural = true;
  for (const ta of table.areas) {
    const fa = fw.areas.find((a) => a.number === ta.number);
    if (!fa) {
      structural = false;
      continue;
    }
    if (ta.rows.length !== fa.subareas.length) structural = false;
    for (const row of ta.rows) {
      rows += 1;
      const fs = fa.subareas.find((s) => s.id === row.id);
      if (!fs) continue;
      const sim = Math.max(wordSimilarity(row.title, fs.title), fs.heading ? wordSimilarity(row.title, fs.heading) : 0);
      if (sim >= SIMILAR) matched += 1;
    }
    const titleSim = Math.max(wordSimilarity(ta.title, fa.title), ...(fa.aliases ?? []).map((al) => wordSimilarity(ta.title, al)));
    if (titleSim < SIMILAR) structural = false;
  }
  return { rows, matched, structural };
}

function structureKey(fw: Pick<FrameworkDef, 'areas'>): string {
  return fw.areas
    .map((a) => `${a.number}:${foldKeep(a.title).replace(/ +/g, ' ').trim()}|${a.subareas.map((s) => `${s.id}=${foldKeep(s.title).replace(/ +/g, ' ').trim()}/${s.max ?? '?'}`).join(';')}`)
    .join('\n');
}

/** Builds a framework definition from a complete score table. Null when the table cannot define one. */
export function deriveFramework(table: ScoreTable, year: number | null, label: string): { framework: FrameworkDef | null; errors: string[] } {
  const errors: string[] = [];
  const numbers = table.areas.map((a) => a.number).join(',');
  if (numbers !== AREA_NUMBERS.join(',')) {
    errors.push(`Poängtabellen har områdena ${numbers || 'inga'}; en ny ramverksversion kräver alla ${AREA_COUNT} områden med sina delområden.`);
    return { framework: null, errors };
  }
  const areas = table.areas.map((ta) => ({
    number: ta.number,
    title: ta.title,
    introduction: '',
    subareas: ta.rows.map((r) => ({ id: r.id, title: r.title || `Delområde ${r.id}`, max: r.max !== null && r.max > 0 && r.max <= 100 ? r.max : null })),
  }));
  const key = structureKey({ areas });
  const id = `import-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
  const framework: FrameworkDef = {
    id,
    name: `Härledd version${year ? ` ${year}` : ''} (${label})`.slice(0, 200),
    year: year ?? new Date(0).getUTCFullYear(),
    origin: 'derived-import',
    needsReview: true,
    about: ABOUT_KOMMUNKOMPASSEN,
    notes: `Härledd från import, behöver granskas. Områden, delområden och maxpoäng är hämtade ur poängtabellen i ${label}.`,
    areas,
  };
  const issues = validateFramework(framework);
  if (issues.length > 0) {
    errors.push(`Ramverket som härleddes ur poängtabellen är ogiltigt: ${issues.slice(0, 5).map((i) => i.message).join(' ')}`);
    return { framework: null, errors };
  }
  return { framework, errors };
}

/**
 * Picks the known framework the report was made with. With a score table, its subarea questions decide;
 * without one, the area titles and subarea headings in the text. A table that matches no known version
 * defines a new variant (derived from import, needs review); a previously derived identical variant is reused.
 */
export function recognizeFramework(args: {
  text: string;
  table: ScoreTable | null;
  frameworks: readonly FrameworkDef[];
  year: number | null;
  label: string;
}): FrameworkMatch {
  const { text, table, frameworks, year, label } = args;
  const folded = foldKeep(text);
  const notes: string[] = [];
  const scored = frameworks.map((fw) => {
    const hits = areaHits(folded, fw);
    const sim = table && table.areas.length > 0 ? tableSimilarity(table, fw) : null;
    const headingHits = fw.areas.reduce(
      (n, a) => n + a.subareas.filter((s) => countPhrase(folded, s.heading ?? s.title) > 0 || countPhrase(folded, s.title) > 0).length,
      0,
    );
    const subTotal = fw.areas.reduce((n, a) => n + a.subareas.length, 0) || 1;
    const score = hits / AREA_COUNT + (sim && sim.rows > 0 ? sim.matched / sim.rows : headingHits / subTotal);
    return { fw, hits, sim, score, headingHits, subTotal };
  });
  scored.sort((a, b) => b.score - a.score || Number(b.fw.origin === 'catalog') - Number(a.fw.origin === 'catalog'));
  const best = scored[0];
  const hasRows = Boolean(table && table.areas.some((a) => a.rows.length > 0));
  if (best && hasRows && best.sim) {
    const share = best.sim.rows > 0 ? best.sim.matched / best.sim.rows : 0;
    if (share >= 0.75 && best.sim.structural) {
      notes.push(`Ramverksversion ${best.fw.name}: ${best.sim.matched} av ${best.sim.rows} delområden i poängtabellen känns igen.`);
      return { framework: best.fw, derived: false, notes, errors: [] };
    }
    // Unknown variant: derive it from the table when the table is complete.
    const derived = table ? deriveFramework(table, year, label) : { framework: null, errors: ['Poängtabellen saknas.'] };
    if (derived.framework) {
      const key = structureKey(derived.framework);
      const same = frameworks.find((fw) => structureKey(fw) === key);
      if (same) {
        notes.push(`Ramverksversion ${same.name} (tidigare härledd ur en import) känns igen i poängtabellen.`);
        return { framework: same, derived: same.origin === 'derived-import', notes, errors: [] };
      }
      const mergedInto = frameworks.find((fw) => fw.mergedVariants?.includes(derived.framework?.id ?? ''));
      if (mergedInto) {
        notes.push(`Poängtabellen är ramverksvarianten ${derived.framework.id}, som har slagits ihop med ${mergedInto.name}; utvärderingen läggs i ${mergedInto.name}.`);
        return { framework: mergedInto, derived: false, notes, errors: [] };
      }
      notes.push(
        `Poängtabellen stämmer inte med någon känd ramverksversion (bäst: ${best.fw.name}, ${best.sim.matched} av ${best.sim.rows} delområden). ` +
          `En ny version "${derived.framework.name}" har härletts ur tabellen och markerats som härledd från import, behöver granskas.`,
      );
      return { framework: derived.framework, derived: true, notes, errors: [] };
    }
    if (share >= 0.5 && best.hits >= 6) {
      notes.push(`Ramverksversion ${best.fw.name} antas: ${best.sim.matched} av ${best.sim.rows} delområden och ${best.hits} av ${AREA_COUNT} områden känns igen.`);
      return { framework: best.fw, derived: false, notes, errors: [] };
    }
    return { framework: null, derived: false, notes, errors: ['Ramverksversionen känns inte igen och poängtabellen räcker inte för att härleda en ny.', ...derived.errors] };
  }
  if (best && best.hits >= 6) {
    notes.push(`Ramverksversion ${best.fw.name}: ${best.hits} av ${AREA_COUNT} områdesrubriker och ${best.headingHits} av ${best.subTotal} delområdesrubriker känns igen.`);
    return { framework: best.fw, derived: false, notes, errors: [] };
  }
  return {
    framework: null,
    derived: false,
    notes,
    errors: [`Ramverksversionen känns inte igen: högst ${best?.hits ?? 0} av ${AREA_COUNT} områdesrubriker hittades.`],
  };
}
