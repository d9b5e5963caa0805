/**
 * POST /api/charts/svg: a chart spec (src/charts/specs.ts) drawn to SVG by the server with the shared
 * definitions. Public pages show this SVG and load ECharts only when someone interacts with a chart.
 * Bounded: a spec holds at most a few hundred numbers and short labels.
 */
import { z } from 'zod';
import type { ChartSpec } from '../charts/specs.ts';
import { MunicipalityCode, safeText, TEXT_LIMITS } from './common.ts';

const Label = safeText(TEXT_LIMITS.name);
const Score = z.number().finite().min(0).max(10_000);
const Year = z.number().int().min(1900).max(2200);

const ChartLabelsIn = z.object({
  unknown: Label,
  points: Label,
  of: Label,
  total: Label,
  areaScores: Label,
  barDescription: Label,
  radarDescription: Label,
  trendDescription: Label,
  compareDescription: Label,
  frameworkChange: Label,
});

const ChartStyleIn = z
  .object({
    fontFamily: safeText(64).optional(),
    fontSize: z.number().int().min(8).max(32).optional(),
    compact: z.boolean().optional(),
  })
  .optional();

const RadarDataIn = z.object({
  indicators: z.array(z.object({ name: Label, max: Score })).min(1).max(12),
  series: z.array(z.object({ name: Label, values: z.array(Score.nullable()).max(12) })).min(1).max(5),
  labels: ChartLabelsIn,
  style: ChartStyleIn,
});

const Stats = z.object({ min: Score, p25: Score, median: Score, p75: Score, max: Score, n: z.number().int().min(0) });

export const ChartSpecIn = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('areaBar'),
    data: z.object({
      areas: z.array(z.object({ number: z.number().int().min(1).max(12), title: Label, score: Score.nullable() })).min(1).max(12),
      max: Score,
      labels: ChartLabelsIn,
      style: ChartStyleIn,
    }),
  }),
  z.object({ kind: z.literal('profileRadar'), data: RadarDataIn }),
  z.object({ kind: z.literal('compareRadar'), data: RadarDataIn.extend({ series: RadarDataIn.shape.series.min(2) }) }),
  z.object({
    kind: z.literal('trend'),
    data: z.object({
      points: z.array(z.object({ year: Year, total: Score.nullable(), frameworkId: safeText(64), frameworkName: Label })).max(100),
      labels: ChartLabelsIn,
      max: Score.optional(),
      style: ChartStyleIn,
    }),
  }),
  z.object({
    kind: z.literal('benchmarkRange'),
    data: z.object({
      rows: z.array(z.object({ label: Label, stats: Stats.nullable(), own: Score.nullable().optional() })).max(80),
      max: Score,
      names: z.object({ range: Label, middle: Label, median: Label, own: Label.optional() }),
      labels: ChartLabelsIn,
      style: ChartStyleIn,
    }),
  }),
]);

export const ChartSvgIn = z.object({
  spec: ChartSpecIn,
  /** Size of the drawing in CSS pixels (the chart's box on the page). */
  width: z.number().int().min(120).max(2400),
  height: z.number().int().min(120).max(1600),
});

export const ChartSvgOut = z.object({
  /** The chart as an SVG document (text as <text>, drawn in the Inter font). */
  svg: z.string(),
  /** Every value in words, for the chart's text alternative. */
  description: z.string(),
});

export type ChartSvgRequest = z.infer<typeof ChartSvgIn>;
export type ChartSvgReply = z.infer<typeof ChartSvgOut>;

// The contract accepts exactly the specs the definitions draw.
type Accepts<T extends ChartSpec> = T;
export type _SpecMatches = Accepts<z.infer<typeof ChartSpecIn>>;

// ---------- a page's own charts, drawn from the stored data ----------

/** GET /api/evaluations/{id}/charts/{file}: the evaluation page's charts. */
export const EvaluationChartParams = z.object({
  id: z.uuid('id ska vara ett UUID'),
  file: z.enum(['areaBar.svg', 'profileRadar.svg'], { error: 'diagrammet finns inte: areaBar.svg eller profileRadar.svg' }),
});

/** GET /api/municipalities/{code}/charts/{file}: the municipality page's trend. */
export const MunicipalityChartParams = z.object({
  code: MunicipalityCode,
  file: z.enum(['trend.svg'], { error: 'diagrammet finns inte: trend.svg' }),
});

/** Language of the chart's words, and the size of its box on the page in CSS pixels. */
export const PageChartQuery = z.object({
  lang: z.enum(['sv', 'en', 'nb']).default('sv'),
  width: z.coerce.number().int().min(120).max(2400).default(640),
  height: z.coerce.number().int().min(120).max(1600).default(360),
  compact: z.enum(['true', 'false']).default('false'),
});
