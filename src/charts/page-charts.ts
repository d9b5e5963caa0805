/**
 * The specs of the public pages' own charts (evaluation: area bars and profile; municipality: trend),
 * built from the data the pages show. Pure, shared by the server, which draws them from the stored data
 * (`GET /api/evaluations/{id}/charts/{kind}.svg`, `GET /api/municipalities/{code}/charts/trend.svg`), and
 * the web app, which builds the same spec when a chart goes live in the browser. Unknown scores stay
 * `null` (gaps, never zero).
 */
import { AREA_MAX, TOTAL_MAX } from '../domain/framework.ts';
import type { ChartLabels, ChartStyle } from './definitions.ts';
import type { ChartSpec } from './specs.ts';

/** The words a page's charts need besides the chart labels, from the caller's language layer. */
export interface PageChartWords {
  labels: ChartLabels;
  /** Series name of the average of comparable evaluations ("Snitt (12 utv.)"). */
  average: (count: number) => string;
}

/** What the evaluation charts read of an evaluation's summary. */
export interface SummaryForCharts {
  municipality: { name: string };
  year: number;
  areas: Array<{ number: number; title: string; score: number | null; max: number; previous: number | null }>;
  previous: { year: number; sameFramework: boolean } | null;
  average: { count: number; areas: Array<{ number: number; score: number | null }> } | null;
}

export type EvaluationChartKind = 'areaBar' | 'profileRadar';
export const EVALUATION_CHART_KINDS: readonly EvaluationChartKind[] = ['areaBar', 'profileRadar'];

export function areaBarSpec(summary: Pick<SummaryForCharts, 'areas'>, labels: ChartLabels, style?: ChartStyle): ChartSpec {
  return {
    kind: 'areaBar',
    data: { areas: summary.areas.map((a) => ({ number: a.number, title: a.title, score: a.score })), max: AREA_MAX, labels, ...(style ? { style } : {}) },
  };
}

/** The profile's series: this evaluation, the average (when there is one), the previous evaluation of the same version. */
export function profileSeries(summary: SummaryForCharts, average: PageChartWords['average']): Array<{ name: string; values: Array<number | null> }> {
  const name = summary.municipality.name;
  const out: Array<{ name: string; values: Array<number | null> }> = [{ name: `${name} ${summary.year}`, values: summary.areas.map((a) => a.score) }];
  const avg = summary.average;
  if (avg && avg.count > 0) out.push({ name: average(avg.count), values: summary.areas.map((a) => avg.areas.find((x) => x.number === a.number)?.score ?? null) });
  // The previous evaluation only when made with the same framework version: other axes, other areas.
  if (summary.previous?.sameFramework) out.push({ name: `${name} ${summary.previous.year}`, values: summary.areas.map((a) => a.previous) });
  return out;
}

export function profileRadarSpec(summary: SummaryForCharts, words: PageChartWords, style?: ChartStyle): ChartSpec {
  return {
    kind: 'profileRadar',
    data: { indicators: summary.areas.map((a) => ({ name: `${a.number}. ${a.title}`, max: a.max })), series: profileSeries(summary, words.average), labels: words.labels, ...(style ? { style } : {}) },
  };
}

export function evaluationChartSpec(kind: EvaluationChartKind, summary: SummaryForCharts, words: PageChartWords, style?: ChartStyle): ChartSpec {
  return kind === 'areaBar' ? areaBarSpec(summary, words.labels, style) : profileRadarSpec(summary, words, style);
}

export interface TrendPoint {
  year: number;
  total: number | null;
  frameworkId: string;
  frameworkName: string;
}

/** A municipality's totals over the years (oldest first), framework versions marked. */
export function trendSpec(points: TrendPoint[], labels: ChartLabels, style?: ChartStyle): ChartSpec {
  return { kind: 'trend', data: { points, labels, max: TOTAL_MAX, ...(style ? { style } : {}) } };
}
