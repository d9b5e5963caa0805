/**
 * The ECharts modules the chart definitions use, registered by the web UI and by the server
 * renderer alike, so both draw the same charts from `echarts/core` (never the whole library). Tooltips
 * only act in the browser; the server registers them so that options with a tooltip draw without a
 * warning. `grid.containLabel` (benchmark, indicator and association charts) needs
 * LegacyGridContainLabel in ECharts 6, or the axis labels are not kept inside the chart.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, PolarComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

export const CHART_MODULES = [BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, PolarComponent, TitleComponent, TooltipComponent, LegacyGridContainLabel, SVGRenderer];
