/**
 * Builds a report in a framework variant the catalog does not know, from the Burlöv seed: the score
 * table's area and subarea titles are replaced (as a 2015-style update would change them).
 */
import { readSeed } from './seeds.ts';

export function unknownVariantReport(): string {
  const text = readSeed('001');
  const at = text.lastIndexOf('4. Översikt av poängfördelning');
  const head = text.slice(0, at);
  const table = text
    .slice(at)
    .replace(/^(\d)\. [^\t\n]+\tUppnått/gm, (_m, n: string) => `${n}. Variantområde nummer ${n}\tUppnått`)
    .replace(/^(\d\.\d) [^\t\n]+\t/gm, (_m, id: string) => `${id} Hur arbetar kommunen med variantfråga ${id.replace('.', ' punkt ')}?\t`);
  return head + table;
}
