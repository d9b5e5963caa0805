/**
 * Text folding and tolerant matching for the importer. Pure.
 * `foldKeep` keeps string length (one char in, one char out) so positions found in the folded
 * text are positions in the original text.
 */
import { stripDiacritics } from '../domain/text.ts';

const FOLD_CACHE = new Map<number, string>();

function foldChar(code: number): string {
  let hit = FOLD_CACHE.get(code);
  if (hit === undefined) {
    const base = stripDiacritics(String.fromCharCode(code).toLowerCase());
    const b = base.length >= 1 ? base.charAt(0) : ' ';
    hit = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ? b : ' ';
    if (FOLD_CACHE.size < 5000) FOLD_CACHE.set(code, hit);
  }
  return hit;
}

/** Lower case, diacritics removed, anything but a-z/0-9 to a space; same length as the input (UTF-16 units). */
export function foldKeep(text: string): string {
  const out: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) out[i] = text.charAt(i);
    else if (code >= 65 && code <= 90) out[i] = String.fromCharCode(code + 32);
    else if (code < 128 || (code >= 0xd800 && code <= 0xdfff)) out[i] = ' ';
    else out[i] = foldChar(code);
  }
  return out.join('');
}

/** Folded words of a phrase: "Etik - hur hantera korruption?" → ["etik","hur","hantera","korruption"]. */
const WORDS_CACHE = new Map<string, string[]>();

export function foldWords(text: string): string[] {
  const hit = WORDS_CACHE.get(text);
  if (hit) return hit;
  const words = foldKeep(text).split(' ').filter((w) => w.length > 0);
  if (text.length <= 300) {
    if (WORDS_CACHE.size > 4000) WORDS_CACHE.clear();
    WORDS_CACHE.set(text, words);
  }
  return words;
}

/** Folded, space-collapsed key of a phrase. */
export function foldKey(text: string): string {
  return foldWords(text).join(' ');
}

/**
 * A regex that finds the phrase in folded text, words separated by any run of spaces.
 * Words are plain [a-z0-9] so the pattern has no nested quantifiers (no catastrophic backtracking).
 */
export function phraseRegex(phrase: string, flags = 'g'): RegExp | null {
  const words = foldWords(phrase);
  if (words.length === 0) return null;
  return new RegExp(`(?<![a-z0-9])${words.join(' +')}(?![a-z0-9])`, flags);
}

/** Damerau-Levenshtein (optimal string alignment) distance, stopped early above `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prev2: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur: number[] = new Array<number>(n + 1).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n] ?? limit + 1;
}

/** Similarity of two phrases in [0, 1] by shared folded words (order ignored), tolerant of one typo per long word. */
export function wordSimilarity(a: string, b: string): number {
  const wa = foldWords(a);
  const wb = foldWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const used = new Set<number>();
  let hits = 0;
  for (const w of wa) {
    let found = -1;
    for (let j = 0; j < wb.length; j += 1) {
      if (used.has(j)) continue;
      const v = wb[j] ?? '';
      if (v === w || (w.length >= 5 && v.length >= 5 && editDistance(w, v, 1) <= 1)) {
        found = j;
        break;
      }
    }
    if (found >= 0) {
      used.add(found);
      hits += 1;
    }
  }
  return (2 * hits) / (wa.length + wb.length);
}
