/**
 * Finds the evaluated municipality: names in the title ("ANALYS AV BORÅS STAD 2013"), in
 * "Utvärderingen av Örebro kommun genomfördes" and "X i förhållande till Kommunkompassen".
 * Tolerant of case, accents, "kommun"/"stad", the genitive s and one or two typos ("Örbro"). Pure.
 */
import { MUNICIPALITIES, type MunicipalityRecord } from '../catalog/municipalities.ts';
import { foldMunicipalityName } from '../domain/municipality-search.ts';
import { editDistance } from './fold.ts';

export interface PlaceRef {
  code: string;
  name: string;
}

const KOMMUNER = MUNICIPALITIES.filter((m) => m.kind === 'kommun');
const BY_KEY = new Map<string, MunicipalityRecord>(KOMMUNER.map((m) => [foldMunicipalityName(m.name), m]));

/** Resolves a name to a municipality, or null. Exact folded match first, then genitive, then typos. */
export function resolveMunicipality(name: string): PlaceRef | null {
  const key = foldMunicipalityName(name).replace(/^(?:analys av|utvarderingen av)\s+/, '');
  if (key.length < 2 || key.length > 40) return null;
  const exact = BY_KEY.get(key) ?? (key.endsWith('s') ? BY_KEY.get(key.slice(0, -1)) : undefined);
  if (exact) return { code: exact.code, name: exact.name };
  if (key.length < 4) return null;
  const limit = key.length >= 8 ? 2 : 1;
  let best: MunicipalityRecord | null = null;
  let bestD = limit + 1;
  let tie = false;
  for (const [k, m] of BY_KEY) {
    const d = Math.min(editDistance(key, k, limit), key.endsWith('s') ? editDistance(key.slice(0, -1), k, limit) : limit + 1);
    if (d < bestD) {
      best = m;
      bestD = d;
      tie = false;
    } else if (d === bestD && best && m.code !== best.code) {
      tie = true;
    }
  }
  return best && bestD <= limit && !tie ? { code: best.code, name: best.name } : null;
}

const NAME = "[A-ZÅÄÖÉÜa-zåäöéü][A-Za-zÅÄÖÉÜåäöéü'-]{1,30}(?: [A-ZÅÄÖÉÜa-zåäöéü][A-Za-zÅÄÖÉÜåäöéü-]{1,30})?";
/** Patterns led by a literal; the name is read from the capture. */
const PATTERNS: Array<{ re: RegExp; weight: number }> = [
  { re: new RegExp(`ANALYS AV\\s{1,3}(${NAME})\\s{1,3}(?:KOMMUN|STAD|kommun|stad)\\b`, 'g'), weight: 3 },
  { re: new RegExp(`Kommun ?Kompassen\\s{1,3}(${NAME})\\s{1,3}(?:KOMMUN|STAD)\\b`, 'gi'), weight: 2 },
  { re: new RegExp(`Analys av\\s{1,3}(${NAME})\\s{1,3}(?:kommun|stad)\\b`, 'gi'), weight: 3 },
  { re: new RegExp(`Utvärderingen av\\s{1,3}(${NAME})\\s{1,3}(?:kommun|stad)\\b`, 'gi'), weight: 3 },
];
/** Patterns that end in a literal; the name is read from the text just before the match. */
const SUFFIX_PATTERNS: Array<{ re: RegExp; weight: number }> = [
  { re: /\s{1,3}(?:kommun|stad)\s{1,3}i förhållande till Kommunkompassen/gi, weight: 2 },
  { re: /\s{1,3}(?:kommun|stad)\s{1,3}genomförde\b/gi, weight: 1 },
];
const NAME_BEFORE = new RegExp(`(${NAME})$`);

export interface MunicipalityFinding {
  place: PlaceRef | null;
  /** Names seen that could not be resolved. */
  unresolved: string[];
  /** Other municipalities that competed (ambiguous document). */
  others: PlaceRef[];
}

/** Looks at the start of the report (title, summary), where the evaluated municipality is named. */
export function detectMunicipality(text: string): MunicipalityFinding {
  const head = text.slice(0, 20_000);
  const votes = new Map<string, { place: PlaceRef; score: number; first: number }>();
  const unresolved: string[] = [];
  const matches: Array<{ raw: string; at: number; weight: number }> = [];
  for (const { re, weight } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(head)) !== null && matches.length < 400) matches.push({ raw: m[1] ?? '', at: m.index, weight });
  }
  for (const { re, weight } of SUFFIX_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(head)) !== null && matches.length < 400) {
      const before = NAME_BEFORE.exec(head.slice(Math.max(0, m.index - 70), m.index));
      if (before) matches.push({ raw: before[1] ?? '', at: m.index, weight });
    }
  }
  {
    for (const { raw, at, weight } of matches) {
      // Try the two-word name first ("Upplands Väsby"), then the last word alone ("Borås").
      const words = raw.split(' ');
      const candidates = words.length > 1 ? [raw, words[words.length - 1] ?? raw] : [raw];
      let place: PlaceRef | null = null;
      for (const c of candidates) {
        place = resolveMunicipality(c);
        if (place) break;
      }
      if (!place) {
        if (unresolved.length < 10) unresolved.push(raw);
        continue;
      }
      const v = votes.get(place.code);
      if (v) v.score += weight;
      else votes.set(place.code, { place, score: weight, first: at });
    }
  }
  const ranked = [...votes.values()].sort((a, b) => b.score - a.score || a.first - b.first);
  return {
    place: ranked[0]?.place ?? null,
    unresolved,
    others: ranked.slice(1).map((r) => r.place),
  };
}

/** Municipality records by folded name, for finding mentions of other municipalities. */
export function municipalityByFoldedName(key: string): MunicipalityRecord | undefined {
  return BY_KEY.get(key);
}
