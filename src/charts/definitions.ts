/**
 * ECharts option builders shared by the web UI and the server-rendered reports.
 *
 * Pure: no DOM, no I/O, only types from echarts and the domain's rounding, so the same module runs in
 * the browser and in Node.
 * Labels that must look as printed in a report ("64", "okänt") are put on each data item as plain
 * strings, so the web and the PDF show the same figures. Only the trend's year axis uses a formatter
 * function (no thousands separator in years).
 */
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import { TOTAL_MAX } from '../domain/framework.ts';
import { roundPoints } from '../domain/scoring.ts';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  PolarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

export type { EChartsCoreOption };

type Option = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | PolarComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** Translated strings the builders need; the caller passes them from its i18n layer. */
export interface ChartLabels {
  /** Shown where a value is not known ("okänt"). */
  unknown: string;
  /** Unit after points ("poäng"). */
  points: string;
  /** "av" in "64 av 100". */
  of: string;
  /** Axis name / series name for totals ("Totalpoäng"). */
  total: string;
  /** Name of the bar series ("Poäng per område"). */
  areaScores: string;
  /** Description prefixes for screen readers and alt text. */
  barDescription: string;
  radarDescription: string;
  trendDescription: string;
  compareDescription: string;
  /** Label of the line marking a new framework version ("Ny version av metoden"). */
  frameworkChange: string;
}

export const svChartLabels: ChartLabels = {
  unknown: 'okänt',
  points: 'poäng',
  of: 'av',
  total: 'Totalpoäng',
  areaScores: 'Poäng per område',
  barDescription: 'Stapeldiagram över poäng per område',
  radarDescription: 'Profildiagram (radar) över poäng per område',
  trendDescription: 'Linjediagram över totalpoäng per utvärdering',
  compareDescription: 'Profildiagram som jämför utvärderingar område för område',
  frameworkChange: 'Ny version av metoden',
};

/**
 * Series colours. Each has at least 4.5:1 contrast against white (WCAG AA for text, and so also for
 * graphics), and neighbours differ in hue and lightness so they can be told apart in greyscale print.
 */
export const chartPalette = ['#1f4e89', '#b04a00', '#2c6e2f', '#6b3fa0', '#a3133f', '#00677f'] as const;
/** Colour of the comparison average (dark grey, 7:1). */
export const averageColor = '#595959';
/** Text and axis colours. */
export const textColor = '#1a1a1a';
export const axisColor = '#6b6b6b';
export const gridLineColor = '#d9d9d9';

/** Font family the charts ask for; the server renderers load a matching TTF. */
export const chartFontFamily = 'Inter';

export interface ChartStyle {
  /** Font family written into the option (default "Inter"). */
  fontFamily?: string;
  /** Base font size in px (default 12). */
  fontSize?: number;
  /** Narrow screen: short axis labels (area numbers), full names in the tooltip and the data table. */
  compact?: boolean;
}

/** A label as a report prints points (`roundPoints`: integer, halves up). */
export function printedPoints(value: number): string {
  return String(roundPoints(value));
}

/** The year axis of the trend and indicator charts: whole years only, printed without a thousands separator, half a year of room at each end. */
function yearAxis(first: number, last: number, fontSize: number) {
  return {
    type: 'value' as const,
    min: first - 0.5,
    max: last + 0.5,
    minInterval: 1,
    axisLabel: { color: textColor, fontSize, showMinLabel: false, showMaxLabel: false, formatter: (value: number) => (Number.isInteger(value) ? String(value) : '') },
    splitLine: { show: false },
    axisLine: { lineStyle: { color: axisColor } },
  };
}

/** A value axis named at its top (points, an indicator's unit). */
function valueAxis(min: number, max: number, name: string, fontSize: number) {
  return {
    type: 'value' as const,
    min,
    max,
    name,
    nameTextStyle: { color: axisColor, fontSize: fontSize - 1, align: 'left' as const },
    axisLabel: { color: axisColor, fontSize: fontSize - 1 },
    splitLine: { lineStyle: { color: gridLineColor } },
  };
}

function base(style: ChartStyle | undefined, description: string): Option {
  const fontFamily = style?.fontFamily ?? chartFontFamily;
  const fontSize = style?.fontSize ?? 12;
  return {
    animation: false,
    color: [...chartPalette],
    backgroundColor: '#ffffff',
    textStyle: { fontFamily, fontSize, color: textColor },
    aria: { enabled: true, label: { enabled: true, description } },
  };
}

// ---------- area bar chart ----------

export interface AreaBarData {
  areas: Array<{ number: number; title: string; score: number | null }>;
  /** Maximum of each area (100). */
  max: number;
  labels: ChartLabels;
  style?: ChartStyle;
}

export function describeAreaBar(data: AreaBarData): string {
  const l = data.labels;
  const parts = [...data.areas]
    .sort((a, b) => a.number - b.number)
    .map((a) => `${a.number} ${a.title}: ${a.score === null ? l.unknown : `${printedPoints(a.score)} ${l.of} ${data.max}`}`);
  return `${l.barDescription}. ${parts.join('. ')}.`;
}

/** Eight horizontal bars, area 1 at the top; value labels rounded as printed; unknown = no bar, "okänt". */
export function areaBarOption(data: AreaBarData): EChartsCoreOption {
  const areas = [...data.areas].sort((a, b) => a.number - b.number);
  const fontSize = data.style?.fontSize ?? 12;
  const compact = data.style?.compact === true;
  const option: Option = {
    ...base(data.style, describeAreaBar(data)),
    grid: { left: 8, right: compact ? 36 : 48, top: 8, bottom: 24 },
    ...(compact ? { tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } } } : {}),
    xAxis: {
      type: 'value',
      min: 0,
      max: data.max,
      // Fewer ticks on a phone so the axis labels never run together ("0 255075").
      interval: compact ? data.max / 2 : data.max / 4,
      axisLabel: { color: axisColor, fontSize: fontSize - 1 },
      splitLine: { lineStyle: { color: gridLineColor } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: areas.map((a) => `${a.number}. ${a.title}`),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: axisColor } },
      axisLabel: compact
        ? { color: textColor, fontSize, formatter: (value: string) => /^\d+/.exec(value)?.[0] ?? value }
        : { color: textColor, width: 230, overflow: 'break', lineHeight: fontSize + 2, fontSize },
    },
    series: [
      {
        type: 'bar',
        name: data.labels.areaScores,
        barMaxWidth: 22,
        itemStyle: { color: chartPalette[0] },
        label: { show: true, position: 'right', color: textColor, fontSize },
        data: areas.map((a) =>
          a.score === null
            ? {
                value: 0,
                itemStyle: { color: 'transparent' },
                label: { show: true, position: 'insideLeft', formatter: data.labels.unknown, color: axisColor, fontStyle: 'italic' },
              }
            : { value: a.score, label: { formatter: printedPoints(a.score) } },
        ),
      },
    ],
  };
  return option;
}

// ---------- radar charts ----------

export interface RadarData {
  indicators: Array<{ name: string; max: number }>;
  /** First series is the evaluation itself; the rest are comparisons. Values align with indicators. */
  series: Array<{ name: string; values: Array<number | null> }>;
  labels: ChartLabels;
  style?: ChartStyle;
}

function describeRadar(prefix: string, data: RadarData): string {
  const l = data.labels;
  const parts = data.series.map((s) => {
    const values = s.values.map((v, i) => `${data.indicators[i]?.name ?? i + 1} ${v === null ? l.unknown : printedPoints(v)}`);
    return `${s.name}: ${values.join(', ')}`;
  });
  return `${prefix}. ${parts.join('. ')}.`;
}

export function describeProfileRadar(data: RadarData): string {
  return describeRadar(data.labels.radarDescription, data);
}

/** Breaks a label into lines of at most `width` characters at spaces (ECharts SSR does not wrap radar names). */
export function wrapLabel(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

interface RadarStyle {
  color: string;
  type: 'solid' | 'dashed' | 'dotted';
  fill: boolean;
  symbol: string;
}

/**
 * A profile ("radar") chart drawn as lines on polar axes: one spoke per area, the evaluation's points
 * joined around the circle. A value that is not known is a gap in the line (ECharts' radar series would
 * draw it at the centre, which reads as zero), and the spoke's label says "(okänt)" when the first
 * series does not know it. On narrow screens (`compact`) the spokes are labelled with the area number
 * only; the tooltip and the data table beside the chart give the full names.
 */
function radarOption(data: RadarData, description: string, styles: RadarStyle[]): EChartsCoreOption {
  const fontSize = data.style?.fontSize ?? 12;
  const compact = data.style?.compact === true;
  const n = data.indicators.length;
  const step = 360 / Math.max(1, n);
  const max = Math.max(1, ...data.indicators.map((ind) => ind.max));
  const firstValues = data.series[0]?.values ?? [];
  const names = data.indicators.map((ind, i) => (firstValues[i] === null ? `${ind.name} (${data.labels.unknown})` : ind.name));
  const shortNames = data.indicators.map((ind, i) => {
    const short = /^\d+/.exec(ind.name)?.[0] ?? String(i + 1);
    return firstValues[i] === null ? `${short} (${data.labels.unknown})` : short;
  });
  const series: LineSeriesOption[] = data.series.map((s, i) => {
    const st = styles[i % styles.length] ?? { color: chartPalette[0], type: 'solid', fill: false, symbol: 'circle' };
    const incomplete = s.values.some((v) => v === null);
    // Closed around the circle: the first value is repeated at 360°. Unknown = '-' (a gap, never 0).
    const points = [...s.values, s.values[0] ?? null].map((v, k) => [v === null || v === undefined ? '-' : v, k * step]);
    return {
      type: 'line',
      coordinateSystem: 'polar',
      name: s.name,
      connectNulls: false,
      symbol: st.symbol,
      symbolSize: 6,
      lineStyle: { color: st.color, type: st.type, width: i === 0 ? 2.5 : 1.75 },
      itemStyle: { color: st.color },
      ...(st.fill && !incomplete ? { areaStyle: { color: st.color, opacity: 0.12 } } : {}),
      data: points as unknown as number[][],
    };
  });
  const option: Option = {
    ...base(data.style, description),
    legend: {
      bottom: 0,
      data: data.series.map((s) => s.name),
      textStyle: { fontSize, color: textColor },
      itemWidth: 22,
    },
    polar: { center: ['50%', '46%'], radius: compact ? '62%' : '58%' },
    angleAxis: {
      type: 'value',
      min: 0,
      max: 360,
      interval: step,
      startAngle: 90,
      clockwise: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: gridLineColor } },
      splitLine: { show: true, lineStyle: { color: gridLineColor } },
      axisLabel: {
        color: textColor,
        fontSize: fontSize - 1,
        lineHeight: fontSize + 1,
        formatter: (value: number) => {
          const i = Math.round(value / step);
          return i < n ? (compact ? (shortNames[i] ?? '') : wrapLabel(names[i] ?? '', 22)) : '';
        },
      },
    },
    radiusAxis: {
      type: 'value',
      min: 0,
      max,
      interval: max / 4,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: axisColor, fontSize: fontSize - 2 },
      splitLine: { lineStyle: { color: gridLineColor } },
    },
    ...(compact
      ? {
          tooltip: {
            trigger: 'item',
            formatter: (params: unknown) => {
              const p = (Array.isArray(params) ? params[0] : params) as { seriesName?: string; dataIndex?: number; value?: unknown };
              const i = (p.dataIndex ?? 0) % Math.max(1, n);
              const v = Array.isArray(p.value) ? p.value[0] : null;
              return `${p.seriesName ?? ''}<br>${names[i] ?? ''}: ${typeof v === 'number' ? printedPoints(v) : data.labels.unknown}`;
            },
          },
        }
      : {}),
    series,
  };
  return option;
}

/** This evaluation (filled, solid) against the average (grey, dashed) and the previous evaluation (dotted). */
export function profileRadarOption(data: RadarData): EChartsCoreOption {
  const styles: RadarStyle[] = [
    { color: chartPalette[0], type: 'solid', fill: true, symbol: 'circle' },
    { color: averageColor, type: 'dashed', fill: false, symbol: 'rect' },
    { color: chartPalette[1], type: 'dotted', fill: false, symbol: 'triangle' },
  ];
  return radarOption(data, describeProfileRadar(data), styles);
}

export type CompareRadarData = RadarData;

/** 2–5 evaluations side by side, each in its own palette colour and marker. */
export function compareRadarOption(data: CompareRadarData): EChartsCoreOption {
  if (data.series.length < 2 || data.series.length > 5) {
    throw new RangeError(`Jämförelsen behöver 2–5 utvärderingar, inte ${data.series.length}.`);
  }
  const symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin'];
  const types = ['solid', 'dashed', 'solid', 'dashed', 'solid'] as const;
  const styles: RadarStyle[] = data.series.map((_, i) => ({
    color: chartPalette[i % chartPalette.length] ?? chartPalette[0],
    type: types[i] ?? 'solid',
    fill: false,
    symbol: symbols[i] ?? 'circle',
  }));
  return radarOption(data, describeRadar(data.labels.compareDescription, data), styles);
}

// ---------- trend ----------

export interface TrendData {
  points: Array<{ year: number; total: number | null; frameworkId: string; frameworkName: string }>;
  labels: ChartLabels;
  /** Maximum of the y axis (800). */
  max?: number;
  style?: ChartStyle;
}

export function describeTrend(data: TrendData): string {
  const l = data.labels;
  const pts = [...data.points]
    .sort((a, b) => a.year - b.year)
    .map((p) => `${p.year}: ${p.total === null ? l.unknown : `${printedPoints(p.total)} ${l.points}`} (${p.frameworkName})`);
  return `${l.trendDescription}. ${pts.join('. ')}.`;
}

/** Total over time on a year axis; a shaded band per framework version and a dashed line where it changes. */
export function trendOption(data: TrendData): EChartsCoreOption {
  const points = [...data.points].sort((a, b) => a.year - b.year);
  const fontSize = data.style?.fontSize ?? 12;
  // Consecutive runs of the same framework version.
  const segments: Array<{ frameworkId: string; name: string; from: number; to: number }> = [];
  for (const p of points) {
    const last = segments[segments.length - 1];
    if (last && last.frameworkId === p.frameworkId) last.to = p.year;
    else segments.push({ frameworkId: p.frameworkId, name: p.frameworkName, from: p.year, to: p.year });
  }
  const first = points[0]?.year ?? 2000;
  const last = points[points.length - 1]?.year ?? first;
  // A version change is drawn half-way between the last evaluation of the old and the first of the new version.
  const changes = segments.slice(1).map((s, i) => ((segments[i]?.to ?? s.from) + s.from) / 2);
  const bands: MarkAreaData = segments.map((s, i) => [
    {
      name: s.name,
      xAxis: i === 0 ? first - 0.5 : ((segments[i - 1]?.to ?? s.from) + s.from) / 2,
      itemStyle: { color: i % 2 === 0 ? 'rgba(31, 78, 137, 0.06)' : 'rgba(176, 74, 0, 0.07)' },
      label: { color: axisColor, fontSize: fontSize - 2, position: 'insideTop' },
    },
    { xAxis: i === segments.length - 1 ? last + 0.5 : ((segments[i + 1]?.from ?? s.to) + s.to) / 2 },
  ]);
  const option: Option = {
    ...base(data.style, describeTrend(data)),
    grid: { left: 8, right: 24, top: 36, bottom: 28 },
    xAxis: yearAxis(first, last, fontSize),
    yAxis: valueAxis(0, data.max ?? TOTAL_MAX, data.labels.total, fontSize),
    series: [
      {
        type: 'line',
        name: data.labels.total,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: chartPalette[0] },
        itemStyle: { color: chartPalette[0] },
        label: { show: true, position: 'top', color: textColor, fontSize },
        data: points.map((p) =>
          p.total === null
            ? { value: [p.year, '-'] as unknown as number[] }
            : { value: [p.year, p.total], label: { formatter: printedPoints(p.total) } },
        ),
        markArea: segments.length > 1 ? { silent: true, data: bands } : undefined,
        markLine:
          changes.length > 0
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: axisColor, type: 'dashed', width: 1 },
                label: { show: false },
                data: changes.map((x) => ({ xAxis: x, name: data.labels.frameworkChange })),
              }
            : undefined,
      },
    ],
  };
  return option;
}

type MarkAreaData = NonNullable<NonNullable<LineSeriesOption['markArea']>['data']>;

// ---------- indicator against targets ----------

export interface IndicatorChartData {
  name: string;
  unit: string;
  values: Array<{ period: number; value: number | null }>;
  targets: Array<{ label: string; period: number; value: number }>;
  /** Words for the description and legend ("Mätvärde", "Mål"). */
  words: { measured: string; target: string; description: string };
  style?: ChartStyle;
}

const num = (v: number): string => String(Math.round(v * 100) / 100).replace('.', ',');

export function describeIndicator(data: IndicatorChartData): string {
  const values = [...data.values].sort((a, b) => a.period - b.period).map((v) => `${v.period}: ${v.value === null ? '–' : num(v.value)}`);
  const targets = data.targets.map((t) => `${data.words.target}${t.label ? ` ${t.label}` : ''} ${t.period}: ${num(t.value)}`);
  return `${data.words.description} ${data.name}${data.unit ? ` (${data.unit})` : ''}. ${[...values, ...targets].join('. ')}.`;
}

/** Measured values over the years as a line; each target as a marked point with its value and label. */
export function indicatorOption(data: IndicatorChartData): EChartsCoreOption {
  const values = [...data.values].sort((a, b) => a.period - b.period);
  const years = [...values.map((v) => v.period), ...data.targets.map((t) => t.period)];
  const first = years.length ? Math.min(...years) : 2000;
  const last = years.length ? Math.max(...years) : first;
  const fontSize = data.style?.fontSize ?? 12;
  const all = [...values.flatMap((v) => (v.value === null ? [] : [v.value])), ...data.targets.map((t) => t.value)];
  const hi = all.length ? Math.max(...all) : 1;
  const lo = all.length ? Math.min(...all) : 0;
  const pad = Math.max((hi - lo) * 0.2, Math.abs(hi) * 0.05, 1);
  const option: Option = {
    ...base(data.style, describeIndicator(data)),
    grid: { left: 8, right: 24, top: 40, bottom: 28, containLabel: true },
    legend: { top: 0, textStyle: { color: textColor, fontSize: fontSize - 1 } },
    xAxis: yearAxis(first, last, fontSize),
    yAxis: valueAxis(Math.floor(lo - pad), Math.ceil(hi + pad), data.unit, fontSize),
    series: [
      {
        type: 'line',
        name: data.words.measured,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: chartPalette[0] },
        itemStyle: { color: chartPalette[0] },
        label: { show: true, position: 'top', color: textColor, fontSize },
        data: values.map((v) => (v.value === null ? { value: [v.period, '-'] as unknown as number[] } : { value: [v.period, v.value], label: { formatter: num(v.value) } })),
      },
      {
        type: 'line',
        name: data.words.target,
        symbol: 'diamond',
        symbolSize: 11,
        lineStyle: { width: 0 },
        itemStyle: { color: chartPalette[1] },
        label: { show: true, position: 'right', color: textColor, fontSize: fontSize - 1 },
        data: data.targets.map((t) => ({ value: [t.period, t.value], label: { formatter: `${num(t.value)}${t.label ? ` ${t.label}` : ''}` } })),
      },
    ],
  };
  return option;
}

// ---------- benchmark ranges ----------

export interface BenchmarkRangeData {
  /** One row per area (or subarea), top to bottom. */
  rows: Array<{ label: string; stats: { min: number; p25: number; median: number; p75: number; max: number; n: number } | null; own?: number | null }>;
  max: number;
  /** Series names: "Min–max", "Mittersta hälften (25–75 %)", "Median", the municipality's name. */
  names: { range: string; middle: string; median: string; own?: string };
  labels: ChartLabels;
  style?: ChartStyle;
}

export function describeBenchmarkRange(data: BenchmarkRangeData): string {
  const l = data.labels;
  const parts = data.rows.map((r) =>
    r.stats === null
      ? `${r.label}: ${l.unknown}`
      : `${r.label}: ${data.names.median} ${printedPoints(r.stats.median)}, ${printedPoints(r.stats.p25)}–${printedPoints(r.stats.p75)}, min ${printedPoints(r.stats.min)}, max ${printedPoints(r.stats.max)}, n ${r.stats.n}${
          r.own === undefined ? '' : `; ${data.names.own ?? ''} ${r.own === null ? l.unknown : printedPoints(r.own)}`
        }`,
  );
  return `${parts.join('. ')}.`;
}

/**
 * The spread of scores per area as horizontal stacked bars: min–p25 and p75–max light, the middle half
 * dark, the median (and optionally one municipality's score) as markers. Unknown rows have no bar.
 */
export function benchmarkRangeOption(data: BenchmarkRangeData): EChartsCoreOption {
  const fontSize = data.style?.fontSize ?? 12;
  const compact = data.style?.compact === true;
  const light = '#c9d6e8';
  const rows = data.rows;
  const stack = (pick: (s: NonNullable<BenchmarkRangeData['rows'][number]['stats']>) => number) => rows.map((r) => (r.stats === null ? 0 : Math.round(pick(r.stats) * 100) / 100));
  const option: Option = {
    ...base(data.style, describeBenchmarkRange(data)),
    grid: { left: 8, right: 16, top: 32, bottom: 24, containLabel: true },
    legend: { top: 0, textStyle: { color: textColor, fontSize: fontSize - 1 }, data: [data.names.middle, data.names.range, data.names.median, ...(data.names.own ? [data.names.own] : [])] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: 0, max: data.max, axisLabel: { color: axisColor, fontSize: fontSize - 1 }, splitLine: { lineStyle: { color: gridLineColor } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: axisColor } },
      axisLabel: compact
        ? { color: textColor, fontSize, formatter: (value: string) => /^[\d.]+/.exec(value)?.[0] ?? value }
        : { color: textColor, width: 220, overflow: 'truncate', fontSize },
    },
    series: [
      { type: 'bar', stack: 'range', silent: true, itemStyle: { color: 'transparent' }, data: stack((s) => s.min), barMaxWidth: 18, tooltip: { show: false } },
      { type: 'bar', stack: 'range', name: data.names.range, itemStyle: { color: light }, data: stack((s) => s.p25 - s.min) },
      { type: 'bar', stack: 'range', name: data.names.middle, itemStyle: { color: chartPalette[0] }, data: stack((s) => s.p75 - s.p25) },
      { type: 'bar', stack: 'range', name: `${data.names.range} `, itemStyle: { color: light }, data: stack((s) => s.max - s.p75) },
      {
        type: 'line',
        name: data.names.median,
        lineStyle: { opacity: 0 },
        symbol: 'diamond',
        symbolSize: 12,
        itemStyle: { color: '#ffffff', borderColor: textColor, borderWidth: 2 },
        data: rows.map((r) => (r.stats === null ? null : r.stats.median)),
      },
      ...(data.names.own
        ? [
            {
              type: 'line' as const,
              name: data.names.own,
              lineStyle: { opacity: 0 },
              symbol: 'circle',
              symbolSize: 10,
              itemStyle: { color: chartPalette[1] },
              data: rows.map((r) => r.own ?? null),
            },
          ]
        : []),
      ],
    };
    return option;
  }

// ---------- follow-up: score change with and without done actions ----------

export interface AssociationChartData {
  rows: Array<{ subareaId: string; title: string; withDone: number | null; withoutDone: number | null; nDone: number; nWithout: number }>;
  /** Series names and the description prefix, from the caller's i18n layer. */
  words: { withDone: string; withoutDone: string; description: string; unknown: string };
  style?: ChartStyle;
}

export function describeAssociations(data: AssociationChartData): string {
  const w = data.words;
  const f = (v: number | null, n: number): string => (v === null ? w.unknown : `${num(v)} (n ${n})`);
  return `${w.description}. ${data.rows.map((r) => `${r.subareaId}: ${w.withDone} ${f(r.withDone, r.nDone)}, ${w.withoutDone} ${f(r.withoutDone, r.nWithout)}`).join('. ')}.`;
}

/** Per subarea two horizontal bars: mean score change where tied actions were done, and where none were. */
export function associationOption(data: AssociationChartData): EChartsCoreOption {
  const fontSize = data.style?.fontSize ?? 12;
  const label = (v: number | null, n: number) =>
    v === null ? { value: 0, itemStyle: { color: 'transparent' }, label: { show: true, position: 'right' as const, formatter: data.words.unknown, color: axisColor } } : { value: v, label: { formatter: `${v > 0 ? '+' : ''}${num(v)} (n ${n})` } };
  const option: Option = {
    ...base(data.style, describeAssociations(data)),
    grid: { left: 8, right: 72, top: 32, bottom: 24, containLabel: true },
    legend: { top: 0, textStyle: { color: textColor, fontSize: fontSize - 1 } },
    xAxis: { type: 'value', axisLabel: { color: axisColor, fontSize: fontSize - 1 }, splitLine: { lineStyle: { color: gridLineColor } } },
    yAxis: { type: 'category', inverse: true, data: data.rows.map((r) => r.subareaId), axisTick: { show: false }, axisLine: { lineStyle: { color: axisColor } }, axisLabel: { color: textColor, fontSize } },
    series: [
      { type: 'bar', name: data.words.withDone, barMaxWidth: 14, itemStyle: { color: chartPalette[2] }, label: { show: true, position: 'right', color: textColor, fontSize: fontSize - 1 }, data: data.rows.map((r) => label(r.withDone, r.nDone)) },
      { type: 'bar', name: data.words.withoutDone, barMaxWidth: 14, itemStyle: { color: chartPalette[1] }, label: { show: true, position: 'right', color: textColor, fontSize: fontSize - 1 }, data: data.rows.map((r) => label(r.withoutDone, r.nWithout)) },
    ],
  };
  return option;
}
