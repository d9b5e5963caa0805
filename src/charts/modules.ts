/**
 * The ECharts modules the chart definitions use, registered by the web UI and by the server
 * renderer alike, so both draw the same charts from `echarts/core` (never the whole library).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, PolarComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

export const CHART_MODULES = [BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, PolarComponent, TitleComponent, SVGRenderer];
