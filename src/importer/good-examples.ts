/**
 * Mentions of other municipalities as good examples ("… kan vara en förebild", "goda exempel finns i
 * Helsingborg"). Pure.
 */
import { foldMunicipalityName } from '../domain/municipality-search.ts';
import { municipalityByFoldedName } from './municipality.ts';
import type { PreviewGoodExample } from './types.ts';

const CUE = /(gott exempel|goda exempel|bra exempel|förebild|inspiration|inspireras|lära av|titta på|studiebesök)/i;

/** Finds sentences naming another municipality together with a good-example cue. */
export function findGoodExamples(
  text: string,
  ownCode: string | null,
  subareaAt: (offset: number) => string | null,
): PreviewGoodExample[] {
  const out: PreviewGoodExample[] = [];
  const seen = new Set<string>();
  const sentenceRe = /[^.!?\n\f]{10,800}[.!?]?/g;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = sentenceRe.exec(text)) !== null && guard < 5000 && out.length < 50) {
    guard += 1;
    const sentence = m[0];
    if (!CUE.test(sentence)) continue;
    const words = sentence.split(/[\s,;:()"”“]+/).filter(Boolean);
    for (let i = 1; i < words.length; i += 1) {
      const w = words[i] ?? '';
      if (!/^[A-ZÅÄÖ][a-zåäöé-]{1,25}$/.test(w)) continue;
      const next = words[i + 1] ?? '';
      const two = `${w} ${next}`;
      const hit =
        (/^[A-ZÅÄÖ]/.test(next) ? municipalityByFoldedName(foldMunicipalityName(two)) : undefined) ??
        municipalityByFoldedName(foldMunicipalityName(w)) ??
        (w.endsWith('s') ? municipalityByFoldedName(foldMunicipalityName(w.slice(0, -1))) : undefined);
      if (!hit || hit.code === ownCode) continue;
      const key = `${hit.code}:${m.index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ municipalityCode: hit.code, name: hit.name, subareaId: subareaAt(m.index), text: sentence.replace(/\s+/g, ' ').trim().slice(0, 2000) });
    }
  }
  return out;
}
