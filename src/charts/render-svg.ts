/**
 * Server-side chart rendering: ECharts option → SVG string (SSR, no DOM) → PNG (resvg).
 * Server only. Uses modular echarts/core imports so only the charts we draw are loaded.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as echarts from 'echarts/core';
import { Resvg } from '@resvg/resvg-js';
import type { EChartsCoreOption } from './definitions.ts';
import { chartFontFamily } from './definitions.ts';
import { CHART_MODULES } from './modules.ts';

echarts.use(CHART_MODULES);

export interface ChartSize {
  width: number;
  height: number;
}

/** Renders an option to a standalone SVG document string (vector, text as <text> in the Inter font). */
export function renderChartSvg(option: EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const require = createRequire(import.meta.url);

/** Absolute paths of the TTF files shipped with the project (node_modules, no downloads). */
export function fontFile(pkg: 'inter' | 'source-serif-4', weight: '400Regular' | '400Regular_Italic' | '600SemiBold' | '700Bold' | '700Bold_Italic'): string {
  const dir = path.dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`));
  const prefix = pkg === 'inter' ? 'Inter' : 'SourceSerif4';
  return path.join(dir, weight, `${prefix}_${weight}.ttf`);
}

/** The TTF files the PNG renderer loads (checked once, so a missing font fails loudly, not silently). */
let chartFonts: string[] | undefined;
function chartFontFiles(): string[] {
  if (!chartFonts) {
    const files = [fontFile('inter', '400Regular'), fontFile('inter', '700Bold')];
    for (const f of files) readFileSync(f, { flag: 'r' }).subarray(0, 4);
    chartFonts = files;
  }
  return chartFonts;
}

export interface PngOptions {
  /** Output width in pixels; height follows the SVG's aspect ratio. */
  width: number;
  /** TTF files to draw text with (default: Inter). Glyphs missing in the first fall back to the others. */
  fontFiles?: readonly string[];
}

/**
 * SVG → PNG with resvg. Fonts are given explicitly (system fonts off): without a font resvg silently
 * drops every <text>. The charts ask for "Inter", the family name inside the loaded TTF files.
 */
export function renderChartPng(svg: string, options: PngOptions): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: options.width },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [...(options.fontFiles ?? chartFontFiles())],
      defaultFontFamily: chartFontFamily,
      sansSerifFamily: chartFontFamily,
    },
  });
  return resvg.render().asPng();
}
