/**
 * Municipality name matching, tolerant of case, of å/ä/ö typed as a/o, of suffixes like
 * "kommun" / "stad" and of the genitive s ("Burlövs kommun"). Pure.
 */
import { foldName } from './text.ts';

export interface NamedPlace {
  code: string;
  name: string;
  kind: 'kommun' | 'region';
}

const SUFFIXES = /\s+(kommun|kommuns|stad|stads|municipality|kommunkoncern)$/;

/** Folded name with "kommun"/"stad" removed. */
export function foldMunicipalityName(text: string): string {
  let key = foldName(text);
  for (let i = 0; i < 2; i += 1) key = key.replace(SUFFIXES, '');
  return key;
}

export interface SearchHit<T extends NamedPlace> {
  place: T;
  rank: number;
}

/**
 * Searches by code (exact or prefix) or name. Ranks: exact code 0, exact name 1, name prefix 2,
 * word prefix 3, substring 4. Without a hit, a trailing genitive "s" is dropped and the search retried.
 */
export function searchPlaces<T extends NamedPlace>(places: readonly T[], query: string, limit = 20): T[] {
  const q = query.trim();
  if (!q) return places.slice(0, limit);
  if (/^\d{1,4}$/.test(q)) {
    return places
      .filter((p) => p.code.startsWith(q))
      .sort((a, b) => Number(b.code === q) - Number(a.code === q) || a.code.localeCompare(b.code))
      .slice(0, limit);
  }
  const run = (key: string): T[] => {
    if (!key) return [];
    const hits: SearchHit<T>[] = [];
    for (const place of places) {
      const name = foldName(place.name);
      let rank = -1;
      if (name === key) rank = 1;
      else if (name.startsWith(key)) rank = 2;
      else if (name.split(' ').some((w) => w.startsWith(key))) rank = 3;
      else if (name.includes(key)) rank = 4;
      if (rank >= 0) hits.push({ place, rank });
    }
    return hits
      .sort((a, b) => a.rank - b.rank || a.place.name.localeCompare(b.place.name, 'sv'))
      .map((h) => h.place)
      .slice(0, limit);
  };
  const key = foldMunicipalityName(q);
  const first = run(key);
  if (first.length > 0) return first;
  return key.endsWith('s') ? run(key.slice(0, -1)) : [];
}
