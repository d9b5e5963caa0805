/**
 * Recovers the decimal points a report rounded away, from the printed percentage.
 * Reports print achieved points as integers and the percent of max as an integer
 * (Borås 2013, 1.2: "16 20 82 %" is really 16.4). Pure.
 */
import { percentOf, roundPoints } from '../domain/scoring.ts';

export interface Recovered {
  /** Points to keep: the printed integer, or the decimal value the percentage implies. */
  value: number;
  /** True when a decimal value was recovered. */
  recovered: boolean;
  /** False when no value rounds both to the printed points and to the printed percent. */
  consistent: boolean;
}

/** `achieved` and `percent` as printed (integers or decimals), `max` the subarea maximum. */
export function recoverPoints(achieved: number, max: number, percent: number): Recovered {
  if (!(max > 0) || !Number.isFinite(achieved) || !Number.isFinite(percent)) {
    return { value: achieved, recovered: false, consistent: false };
  }
  const printedIsInteger = Number.isInteger(achieved);
  if (!printedIsInteger || !Number.isInteger(percent)) {
    return { value: achieved, recovered: false, consistent: Math.abs((achieved / max) * 100 - percent) < 0.5 + 1e-9 };
  }
  if (percentOf(achieved, max) === percent) return { value: achieved, recovered: false, consistent: true };
  // Search tenths that round to the printed points and the printed percent; closest to percent × max.
  const targetHundredths = percent * max; // = 100 × (percent/100 × max) in hundredths of a point
  const lowTenth = Math.max(0, (achieved - 1) * 10);
  const highTenth = (achieved + 1) * 10;
  let best: number | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  for (let t = lowTenth; t <= highTenth; t += 1) {
    const v = t / 10;
    if (v > max) break;
    if (roundPoints(v) !== achieved || percentOf(v, max) !== percent) continue;
    const gap = Math.abs(t * 10 - targetHundredths);
    if (gap < bestGap) {
      best = v;
      bestGap = gap;
    }
  }
  if (best === null) return { value: achieved, recovered: false, consistent: false };
  return { value: best, recovered: true, consistent: true };
}
