/**
 * Sorts list items into strengths and improvement opportunities when the layout does not tell
 * (a two-column table flattened into one run of text). Improvement opportunities are usually phrased
 * as imperatives or proposals ("Utveckla …", "Se över …", "… bör …"); strengths describe a present state.
 * Every decision carries a confidence; nothing is dropped. Pure.
 */
import { IMPROVEMENT_CUES, IMPROVEMENT_OPENERS, STRENGTH_CUES } from './vocabulary.ts';

export type Column = 'strength' | 'improvement';

export interface ItemGuess {
  column: Column | null;
  /** 0..1; 0 when nothing in the wording tells. */
  confidence: number;
  /** What decided: the opening word, a cue inside the item, the item's place in the run, or nothing. */
  reason: 'opener' | 'cue' | 'position' | 'none';
}

/** Openers that are adjectives or nouns rather than imperatives ("Ökat fokus …" can be a strength). */
const WEAK_OPENERS = new Set(['tydligare', 'bättre', 'ökad', 'ökat', 'ökade', 'mer', 'fler', 'större', 'överskådlighet', 'översyn', 'effektivisering', 'uppföljning av', 'fortsatt', 'fortsatta']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-zåäöéüæø0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function startsWithPhrase(ws: readonly string[], phrase: string): boolean {
  const ps = phrase.split(' ');
  return ps.every((p, i) => ws[i] === p);
}

function containsPhrase(ws: readonly string[], phrase: string): boolean {
  const ps = phrase.split(' ');
  for (let i = 0; i + ps.length <= ws.length; i += 1) if (ps.every((p, j) => ws[i + j] === p)) return true;
  return false;
}

/** Guesses the column of one item from its wording alone. */
export function classifyItem(text: string): ItemGuess {
  const ws = words(text);
  if (ws.length === 0) return { column: null, confidence: 0, reason: 'none' };
  const opener = IMPROVEMENT_OPENERS.find((o) => startsWithPhrase(ws, o));
  if (opener && !WEAK_OPENERS.has(opener)) return { column: 'improvement', confidence: 0.9, reason: 'opener' };
  const improvementCue = IMPROVEMENT_CUES.some((c) => containsPhrase(ws, c));
  if (improvementCue) return { column: 'improvement', confidence: opener ? 0.8 : 0.7, reason: 'cue' };
  if (opener) return { column: 'improvement', confidence: 0.6, reason: 'opener' };
  const strengthCue = STRENGTH_CUES.some((c) => containsPhrase(ws, c));
  if (strengthCue) return { column: 'strength', confidence: 0.6, reason: 'cue' };
  return { column: null, confidence: 0, reason: 'none' };
}

export interface SortedItem extends ItemGuess {
  text: string;
}

const signed = (g: ItemGuess, column: Column): number => (g.column === null ? 0 : g.column === column ? g.confidence : -g.confidence);

/**
 * Sorts the items of a flattened two-column run. Cells come column by column (all strengths, then all
 * improvements) in most extractions, so the run is split where the wording agrees best; items whose own
 * wording tells keep it, the others get the side of the split with a low confidence (reason "position").
 * Without wording support on both sides of the split, undecided items stay unsorted (column null).
 */
export function sortRun(items: readonly string[]): SortedItem[] {
  const guesses = items.map((t) => ({ text: t, ...classifyItem(t) }));
  const decided = guesses.filter((g) => g.column !== null);
  if (decided.length === 0) return guesses;
  const scores = guesses.map((_, k) => k).concat(guesses.length).map((k) => guesses.reduce((n, g, i) => n + signed(g, i < k ? 'strength' : 'improvement'), 0));
  const bestScore = Math.max(...scores);
  // Undecided items between the last strength and the first improvement: split the gap in the middle.
  const ties = scores.flatMap((v, k) => (Math.abs(v - bestScore) < 1e-9 ? [k] : []));
  const bestK = ties[Math.floor(ties.length / 2)] ?? 0;
  // A split is only believable when both sides have support from the wording, or one side is empty.
  const left = guesses.slice(0, bestK);
  const right = guesses.slice(bestK);
  const leftSupport = left.some((g) => g.column === 'strength');
  const rightSupport = right.some((g) => g.column === 'improvement');
  const trustSplit = leftSupport && rightSupport && bestScore > 0;
  return guesses.map((g, i) => {
    if (g.column !== null) return g;
    if (!trustSplit) return g;
    return { ...g, column: i < bestK ? 'strength' : 'improvement', confidence: 0.45, reason: 'position' };
  });
}

/** Items sorted with at least this confidence are placed in their column (marked "kontrollera"); the rest stay unsorted with a suggestion. */
export const PLACE_CONFIDENCE = 0.6;
