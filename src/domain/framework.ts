/**
 * Framework (method version) definitions and their validation.
 * Pure: no I/O. A framework is data; the catalog ships two, imports may derive more.
 */

export interface SubareaDef {
  /** Stable id "area.sub", e.g. "1.2". */
  id: string;
  /** Title as printed in the score table of the version. */
  title: string;
  /** Short heading used in the area section, when it differs from the title. */
  heading?: string | undefined;
  /** Maximum points, or null when the sources do not give it (never invented). */
  max: number | null;
}

export interface AreaDef {
  number: number;
  title: string;
  /** Other names the area is printed under in real reports. */
  aliases?: string[] | undefined;
  /** General introduction, the same for every municipality in this version (editable data). */
  introduction: string;
  subareas: SubareaDef[];
}

export type FrameworkOrigin = 'catalog' | 'derived-import' | 'custom';

/** Languages the area and subarea titles may be translated into (unofficially: SKR writes them in Swedish). */
export const TITLE_LANGS = ['en', 'nb'] as const;
export type TitleLang = (typeof TITLE_LANGS)[number];

/** One language's titles of a version: area number ("1") or subarea id ("1.2") → title, and the note shown with them. */
export interface TitleTranslation {
  /** Shown beside translated titles: these are not SKR's own wording. */
  note: string;
  areas: Readonly<Record<string, string>>;
  subareas: Readonly<Record<string, string>>;
}
export type FrameworkTranslations = Partial<Record<TitleLang, TitleTranslation>>;

/** A version's titles in one language, as the pages and reports use them. */
export interface TitleTable extends TitleTranslation {
  lang: TitleLang;
}

export interface FrameworkDef {
  id: string;
  name: string;
  /** Year the revision was introduced. */
  year: number;
  origin: FrameworkOrigin;
  needsReview: boolean;
  /** Text for the report's chapter "What Kommunkompassen is", kept per version. */
  about: string;
  /** Free-text notes, e.g. where the definition came from. */
  notes: string;
  areas: AreaDef[];
  /** Unofficial translations of the area and subarea titles (editable data, per version). */
  translations?: FrameworkTranslations | undefined;
  /** Variants derived from imports that were merged into this version (their ids): an import deriving one of them again is mapped here. */
  mergedVariants?: string[] | undefined;
}

export interface FrameworkIssue {
  path: string;
  message: string;
}

/** Every framework version has this many areas, numbered 1..AREA_COUNT; every other "8" derives from it. */
export const AREA_COUNT = 8;
export const AREA_MAX = 100;
/** The most points an evaluation can have (800). */
export const TOTAL_MAX = AREA_COUNT * AREA_MAX;
/** The area numbers in order: [1, 2, …, AREA_COUNT]. */
export const AREA_NUMBERS: readonly number[] = Array.from({ length: AREA_COUNT }, (_, i) => i + 1);
/** "1–8", for messages. */
export const AREA_RANGE = `1–${AREA_COUNT}`;
/** A regular-expression class matching one area number digit ("[1-8]"), for patterns over report text and ids. */
export const AREA_DIGIT = `[1-${AREA_COUNT}]`;
/** A subarea id "3.2": area number, a dot, the subarea's place 1–9 in its area. */
export const SUBAREA_ID = new RegExp(`^(${AREA_DIGIT})\\.([1-9])$`);

export function isAreaNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= AREA_COUNT;
}

/** Validates the rules every framework version must satisfy. Returns all problems, Swedish messages. */
export function validateFramework(fw: FrameworkDef): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(fw.id)) {
    issues.push({ path: 'id', message: `Ogiltigt id "${fw.id}": använd små bokstäver, siffror och bindestreck.` });
  }
  if (fw.areas.length !== AREA_COUNT) {
    issues.push({ path: 'areas', message: `En ramverksversion ska ha ${AREA_COUNT} områden, inte ${fw.areas.length}.` });
  }
  const seen = new Set<string>();
  fw.areas.forEach((area, i) => {
    const path = `areas[${i}]`;
    if (area.number !== i + 1) {
      issues.push({ path: `${path}.number`, message: `Område på plats ${i + 1} har nummer ${area.number}; områdena ska numreras ${AREA_RANGE} i ordning.` });
    }
    if (!area.title.trim()) issues.push({ path: `${path}.title`, message: `Område ${area.number} saknar titel.` });
    if (area.subareas.length < 1) {
      issues.push({ path: `${path}.subareas`, message: `Område ${area.number} har inga delområden.` });
    }
    let knownSum = 0;
    let allKnown = true;
    area.subareas.forEach((sub, j) => {
      const spath = `${path}.subareas[${j}]`;
      const m = SUBAREA_ID.exec(sub.id);
      if (!m || Number(m[1]) !== area.number || Number(m[2]) !== j + 1) {
        issues.push({ path: `${spath}.id`, message: `Delområde "${sub.id}" i område ${area.number} ska ha id ${area.number}.${j + 1}.` });
      }
      if (seen.has(sub.id)) issues.push({ path: `${spath}.id`, message: `Delområdes-id ${sub.id} förekommer flera gånger.` });
      seen.add(sub.id);
      if (!sub.title.trim()) issues.push({ path: `${spath}.title`, message: `Delområde ${sub.id} saknar titel.` });
      if (sub.max === null) {
        allKnown = false;
      } else if (!Number.isFinite(sub.max) || sub.max <= 0 || sub.max > AREA_MAX) {
        issues.push({ path: `${spath}.max`, message: `Delområde ${sub.id}: max ${sub.max} ska vara ett tal mellan 1 och ${AREA_MAX}.` });
      } else {
        knownSum += sub.max;
      }
    });
    if (allKnown && knownSum !== AREA_MAX) {
      issues.push({ path: `${path}.subareas`, message: `Område ${area.number}: delområdenas max summerar till ${knownSum}, ska vara ${AREA_MAX}.` });
    }
    if (!allKnown && knownSum > AREA_MAX) {
      issues.push({ path: `${path}.subareas`, message: `Område ${area.number}: kända max summerar till ${knownSum}, mer än ${AREA_MAX}.` });
    }
  });
  for (const [lang, table] of Object.entries(fw.translations ?? {})) {
    if (!table) continue;
    for (const key of Object.keys(table.areas)) {
      if (!fw.areas.some((a) => String(a.number) === key)) issues.push({ path: `translations.${lang}.areas.${key}`, message: `Översättningen (${lang}) har en titel för område ${key}, som inte finns.` });
    }
    for (const key of Object.keys(table.subareas)) {
      if (!seen.has(key)) issues.push({ path: `translations.${lang}.subareas.${key}`, message: `Översättningen (${lang}) har en titel för delområde ${key}, som inte finns.` });
    }
  }
  return issues;
}

/** Translations as stored: titles trimmed, empty ones (and languages left without any title) dropped. */
export function cleanTranslations(translations: FrameworkTranslations | undefined): FrameworkTranslations {
  const out: FrameworkTranslations = {};
  for (const lang of TITLE_LANGS) {
    const t = translations?.[lang];
    if (!t) continue;
    const keep = (r: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.trim()] as const).filter(([, v]) => v !== ''));
    const areas = keep(t.areas);
    const subareas = keep(t.subareas);
    if (Object.keys(areas).length > 0 || Object.keys(subareas).length > 0) out[lang] = { note: t.note.trim(), areas, subareas };
  }
  return out;
}

/** A version's titles in a language, or null (then titles stay Swedish). */
export function titleTableOf(framework: { translations?: FrameworkTranslations | undefined } | null | undefined, lang: string): TitleTable | null {
  if (lang !== 'en' && lang !== 'nb') return null;
  const t = framework?.translations?.[lang];
  return t && (Object.keys(t.areas).length > 0 || Object.keys(t.subareas).length > 0) ? { ...t, lang } : null;
}

/** A title in the language when translated, else as given, with the language it is in. */
export function localTitle(table: TitleTable | null, key: number | string, swedish: string): { text: string; lang: 'sv' | TitleLang } {
  const t = table ? (typeof key === 'number' ? table.areas[String(key)] : table.subareas[key]) : undefined;
  return t && table ? { text: t, lang: table.lang } : { text: swedish, lang: 'sv' };
}

export function findSubarea(fw: FrameworkDef, subareaId: string): { area: AreaDef; subarea: SubareaDef } | undefined {
  for (const area of fw.areas) {
    const subarea = area.subareas.find((s) => s.id === subareaId);
    if (subarea) return { area, subarea };
  }
  return undefined;
}

export function frameworkMax(fw: FrameworkDef): number {
  return fw.areas.length * AREA_MAX;
}
