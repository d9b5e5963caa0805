/**
 * A chart as plain data: which of the shared definitions draws it and the data it draws. The web app
 * sends a spec to the server, which draws it to SVG with the same definitions (`renderChartSvg`), and
 * builds the live ECharts option from the same spec when someone interacts with the chart. So one set
 * of definitions stays the only source of every chart, whichever side draws it.
 */
import {
  areaBarOption,
  benchmarkRangeOption,
  compareRadarOption,
  profileRadarOption,
  trendOption,
  type AreaBarData,
  type BenchmarkRangeData,
  type EChartsCoreOption,
  type RadarData,
  type TrendData,
} from './definitions.ts';

export type ChartSpec =
  | { kind: 'areaBar'; data: AreaBarData }
  | { kind: 'profileRadar'; data: RadarData }
  | { kind: 'compareRadar'; data: RadarData }
  | { kind: 'trend'; data: TrendData }
  | { kind: 'benchmarkRange'; data: BenchmarkRangeData };

export type ChartKind = ChartSpec['kind'];

/** The ECharts option the spec describes. */
export function chartOption(spec: ChartSpec): EChartsCoreOption {
  switch (spec.kind) {
    case 'areaBar':
      return areaBarOption(spec.data);
    case 'profileRadar':
      return profileRadarOption(spec.data);
    case 'compareRadar':
      return compareRadarOption(spec.data);
    case 'trend':
      return trendOption(spec.data);
    case 'benchmarkRange':
      return benchmarkRangeOption(spec.data);
  }
}
