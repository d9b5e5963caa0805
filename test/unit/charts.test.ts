import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  areaBarOption,
  averageColor,
  chartPalette,
  compareRadarOption,
  describeAreaBar,
  printedPoints,
  profileRadarOption,
  svChartLabels,
  trendOption,
  wrapLabel,
} from '../../src/charts/definitions.ts';
import { renderChartPng, renderChartSvg } from '../../src/charts/render-svg.ts';

const titles = [
  'Samspel mellan förtroendevalda och medborgare',
  'Samhällsutveckling',
  'Styrning och kontroll',
  'Effektivitet',
  'Brukarens fokus',
  'Kvalitetsutveckling',
  'Arbetsliv',
  'Chefs- och ledarskap samt medarbetarskap',
];
const areas = titles.map((title, i) => ({ number: i + 1, title, score: i === 3 ? null : 50.5 + i }));

// Loose accessors for the option objects (plain data).
type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => v as Rec;
const arr = (v: unknown): unknown[] => v as unknown[];

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
}
const contrastOnWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

void describe('chart definitions', () => {
  void it('palette colours reach WCAG AA (4.5:1) against white', () => {
    for (const c of [...chartPalette, averageColor]) assert.ok(contrastOnWhite(c) >= 4.5, `${c}: ${contrastOnWhite(c).toFixed(2)}`);
  });

  void it('rounds labels as reports print them (halves up)', () => {
    assert.equal(printedPoints(16.4), '16');
    assert.equal(printedPoints(16.5), '17');
    assert.equal(printedPoints(0.1 + 0.2 + 64.2), '65');
  });

  void it('bar option: 8 bars in area order, printed labels, unknown as empty bar labelled okänt', () => {
    const shuffled = [...areas].reverse();
    const o = rec(areaBarOption({ areas: shuffled, max: 100, labels: svChartLabels }));
    assert.equal(o.animation, false);
    assert.deepEqual(rec(o.aria).enabled, true);
    const yAxis = rec(o.yAxis);
    assert.deepEqual(arr(yAxis.data)[0], '1. Samspel mellan förtroendevalda och medborgare');
    const data = arr(rec(arr(o.series)[0]).data).map(rec);
    assert.equal(data.length, 8);
    assert.equal(data[0]?.value, 50.5);
    assert.equal(rec(data[0]?.label).formatter, '51');
    assert.equal(rec(data[3]?.label).formatter, 'okänt');
    assert.equal(rec(data[3]?.itemStyle).color, 'transparent');
    // Serialisable: no functions in the bar option.
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(o)));
  });

  void it('describes the bar chart in Swedish for alt text', () => {
    const d = describeAreaBar({ areas, max: 100, labels: svChartLabels });
    assert.match(d, /^Stapeldiagram/);
    assert.match(d, /1 Samspel mellan förtroendevalda och medborgare: 51 av 100/);
    assert.match(d, /4 Effektivitet: okänt/);
  });

  void it('profile radar: this evaluation filled, comparisons not; unknown marked on the axis', () => {
    const o = rec(
      profileRadarOption({
        indicators: areas.map((a) => ({ name: `${a.number}. ${a.title}`, max: 100 })),
        series: [
          { name: 'Burlöv 2020', values: areas.map((a) => a.score) },
          { name: 'Genomsnitt', values: areas.map(() => 55) },
          { name: 'Burlöv 2016', values: areas.map(() => 40) },
        ],
        labels: svChartLabels,
      }),
    );
    const spoke = rec(rec(o.angleAxis).axisLabel).formatter as (v: number) => string;
    assert.equal(rec(o.angleAxis).interval, 45);
    assert.match(spoke(3 * 45), /okänt/);
    assert.doesNotMatch(spoke(2 * 45), /okänt/);
    const series = arr(o.series).map(rec);
    assert.equal(series.length, 3);
    assert.equal(rec(series[1]?.lineStyle).color, averageColor);
    assert.equal(series[1]?.areaStyle, undefined);
    // A complete series is filled; this evaluation has an unknown area, so it is not.
    assert.equal(series[0]?.areaStyle, undefined);
    assert.ok(series[2]?.areaStyle === undefined);
  });

  void it('compare radar accepts 2–5 evaluations only', () => {
    const indicators = areas.map((a) => ({ name: a.title, max: 100 }));
    const s = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `K${i}`, values: areas.map(() => 50 + i) }));
    assert.throws(() => compareRadarOption({ indicators, series: s(1), labels: svChartLabels }), /2–5/);
    assert.throws(() => compareRadarOption({ indicators, series: s(6), labels: svChartLabels }), /2–5/);
    const o = rec(compareRadarOption({ indicators, series: s(5), labels: svChartLabels }));
    const colours = arr(o.series).map((d) => rec(rec(d).lineStyle).color);
    assert.equal(new Set(colours).size, 5);
  });

  void it('trend marks a framework change between versions', () => {
    const o = rec(
      trendOption({
        points: [
          { year: 2015, total: 650, frameworkId: 'kk-2010', frameworkName: '2010 års version' },
          { year: 2010, total: 515, frameworkId: 'kk-2010', frameworkName: '2010 års version' },
          { year: 2020, total: 580.4, frameworkId: 'kk-2020', frameworkName: '2020 års version' },
        ],
        labels: svChartLabels,
      }),
    );
    const series = rec(arr(o.series)[0]);
    const data = arr(series.data).map(rec);
    assert.deepEqual(data.map((d) => arr(d.value)[0]), [2010, 2015, 2020]);
    assert.equal(rec(data[2]?.label).formatter, '580');
    const lines = arr(rec(series.markLine).data).map(rec);
    assert.deepEqual(lines.map((l) => l.xAxis), [2017.5]);
    assert.equal(arr(rec(series.markArea).data).length, 2);
    const fmt = rec(rec(o.xAxis).axisLabel).formatter as (v: number) => string;
    assert.equal(fmt(2010), '2010');
  });

  void it('one framework version: no markers', () => {
    const o = rec(trendOption({ points: [{ year: 2020, total: 500, frameworkId: 'a', frameworkName: 'A' }], labels: svChartLabels }));
    const series = rec(arr(o.series)[0]);
    assert.equal(series.markLine, undefined);
    assert.equal(series.markArea, undefined);
  });

  void it('wraps long labels at spaces', () => {
    assert.equal(wrapLabel('8. Chefs- och ledarskap samt medarbetarskap', 22), '8. Chefs- och\nledarskap samt\nmedarbetarskap');
  });
});

void describe('server rendering', () => {
  void it('renders SVG with text in the Inter font, and a PNG with drawn text', () => {
    const svg = renderChartSvg(areaBarOption({ areas, max: 100, labels: svChartLabels }), { width: 600, height: 340 });
    assert.match(svg, /^<svg[^>]+width="600"/);
    assert.match(svg, /font-family[:=]"?\s*Inter/);
    assert.match(svg, /Samhällsutveckling/);
    const png = renderChartPng(svg, { width: 1200 });
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 1200);
    // Text renders only when the font is found: the same chart without labels is clearly smaller.
    const bare = renderChartPng(svg.replace(/<text[\s\S]*?<\/text>/g, ''), { width: 1200 });
    assert.ok(png.length > bare.length * 1.3, `with text ${png.length} B, without ${bare.length} B`);
  });
});
