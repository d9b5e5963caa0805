/**
 * Consistency of printed figures: subareas vs area, areas vs total, points vs max. The importer keeps the
 * printed figures and lists every disagreement beyond rounding. Pure.
 */
import { formatNumber } from '../domain/scoring.ts';
import type { ImportProblem, PreviewArea } from './types.ts';
import { AREA_COUNT } from '../domain/framework.ts';

const fmt = (n: number): string => formatNumber(Math.round(n * 100) / 100);

/** Each printed integer may be off by 0.5 from its decimal value; recovered decimals by 0.05. */
function tolerance(parts: number, recovered: boolean): number {
  return (recovered ? 0.05 * parts : 0.5 * parts) + 0.5 + 1e-9;
}

export function checkAreas(areas: readonly PreviewArea[], recoveredIds: ReadonlySet<string>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const a of areas) {
    for (const s of a.subareas) {
      if (s.achieved !== null && s.max !== null && s.achieved > s.max + 1e-9) {
        problems.push({ severity: 'warning', code: 'points-over-max', area: a.number, subarea: s.id, message: `Delområde ${s.id}: ${fmt(s.achieved)} poäng är mer än max ${fmt(s.max)}.` });
      }
    }
    const known = a.subareas.filter((s) => s.achieved !== null);
    if (a.score === null || known.length === 0 || known.length !== a.subareas.length) continue;
    const total = known.reduce((n, s) => n + (s.achieved ?? 0), 0);
    const recovered = known.every((s) => recoveredIds.has(s.id) || Number.isInteger(s.achieved));
    const allRecoveredOrExact = recovered && known.some((s) => recoveredIds.has(s.id));
    if (Math.abs(total - a.score) > tolerance(known.length, allRecoveredOrExact)) {
      problems.push({
        severity: 'warning',
        code: 'area-sum-mismatch',
        area: a.number,
        message: `Område ${a.number}: delområdenas poäng summerar till ${fmt(total)}, men området har ${fmt(a.score)} poäng i rapporten. De tryckta siffrorna behålls.`,
      });
    }
    const maxes = a.subareas.map((s) => s.max);
    if (maxes.every((m) => m !== null)) {
      const maxSum = maxes.reduce<number>((n, m) => n + (m ?? 0), 0);
      if (maxSum !== 100) {
        problems.push({ severity: 'warning', code: 'max-sum', area: a.number, message: `Område ${a.number}: delområdenas max summerar till ${fmt(maxSum)}, inte 100.` });
      }
    }
  }
  return problems;
}

export function checkTotal(areas: readonly PreviewArea[], printedTotal: number | null): ImportProblem[] {
  if (printedTotal === null) return [];
  const scores = areas.map((a) => a.score);
  if (scores.some((s) => s === null) || scores.length !== AREA_COUNT) return [];
  const sum = scores.reduce<number>((n, s) => n + (s ?? 0), 0);
  if (Math.abs(sum - printedTotal) > 0.5 * scores.length + 1e-9) {
    return [
      {
        severity: 'warning',
        code: 'total-mismatch',
        message: `Områdenas poäng summerar till ${fmt(sum)}, men totalpoängen i rapporten är ${fmt(printedTotal)}. De tryckta siffrorna behålls.`,
      },
    ];
  }
  if (sum !== printedTotal) {
    return [
      {
        severity: 'info',
        code: 'total-rounding',
        message: `Områdenas poäng summerar till ${fmt(sum)} och totalen är ${fmt(printedTotal)}: skillnaden beror på avrundning av decimalpoäng.`,
      },
    ];
  }
  return [];
}
