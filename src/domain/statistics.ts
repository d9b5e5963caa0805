/**
 * Descriptive statistics for benchmarking, as pure functions: distribution (n, mean, median, quartiles,
 * min, max), rank within a group (ties share the best rank) and distance to the best.
 * Percentiles interpolate linearly between the two nearest values, the same definition as PostgreSQL's
 * `percentile_cont`, so figures computed here and in SQL agree.
 */
import { clean } from './scoring.ts';

export interface Distribution {
  /** How many values the figures are based on. */
  n: number;
  mean: number;
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
}

/** The p-quantile (0 ≤ p ≤ 1) of values sorted ascending, linear interpolation (`percentile_cont`). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  if (p < 0 || p > 1) throw new RangeError('p must be within 0..1');
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return clean(a + (b - a) * (pos - lo));
}

/** The distribution of the known values; null when there are none. */
export function describe(values: readonly (number | null)[]): Distribution | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const total = known.reduce((s, v) => s + v, 0);
  return {
    n: known.length,
    mean: clean(total / known.length),
    median: quantile(known, 0.5),
    p25: quantile(known, 0.25),
    p75: quantile(known, 0.75),
    min: known[0] as number,
    max: known[known.length - 1] as number,
  };
}

export interface Rank {
  /** 1 = best. Equal values share the best rank ("1, 2, 2, 4"). */
  rank: number;
  /** How many in the group have a known value. */
  of: number;
  /** How many others have exactly the same value. */
  tiedWith: number;
}

/** Rank of `value` among the known values of a group (higher is better); null when the value is unknown. */
export function rankAmong(value: number | null, group: readonly (number | null)[]): Rank | null {
  if (value === null || !Number.isFinite(value)) return null;
  const known = group.filter((v): v is number => v !== null && Number.isFinite(v));
  const v = clean(value);
  const better = known.filter((x) => clean(x) > v).length;
  const same = known.filter((x) => clean(x) === v).length;
  // The value itself is normally one of the group's; count it when it is not.
  const includesSelf = same > 0;
  return { rank: better + 1, of: known.length + (includesSelf ? 0 : 1), tiedWith: includesSelf ? same - 1 : same };
}

/** How far `value` is below the best of the group (0 when it is the best); null when unknown. */
export function distanceToBest(value: number | null, group: readonly (number | null)[]): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const best = Math.max(value, ...group.filter((v): v is number => v !== null && Number.isFinite(v)));
  return clean(best - value);
}
