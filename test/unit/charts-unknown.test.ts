/**
 * Charts tell the truth about unknown scores: Örebro 2015 (2010 revision) has a printed total and only
 * three printed area scores. Its profile (radar) and the Örebro trend are built from the demo figures
 * through the scoring rules and the shared chart definitions, exactly as the web page and the report do,
 * and no point is drawn at zero where the score is unknown: the line has a gap there instead.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { profileRadarOption, svChartLabels, trendOption } from '../../src/charts/definitions.ts';
import { renderChartSvg } from '../../src/charts/render-svg.ts';
import { FRAMEWORK_2010 } from '../../src/catalog/framework-2010.ts';
import { DEMO_EVALUATIONS } from '../../src/demo/demo-data.ts';
import { computeScores } from '../../src/domain/scoring.ts';

type Rec = Record<string, unknown>;
const rec = (x: unknown): Rec => (x && typeof x === 'object' ? (x as Rec) : {});
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

const orebro = DEMO_EVALUATIONS.filter((e) => e.municipalityCode === '1880').sort((a, b) => a.year - b.year);
const scoreOf = (year: number) => {
  const e = orebro.find((x) => x.year === year);
  assert.ok(e, `demo data lacks Örebro ${year}`);
  const stated = Object.fromEntries((e.areas ?? []).filter((a) => a.statedScore !== null && a.statedScore !== undefined).map((a) => [a.number, a.statedScore as number]));
  return computeScores({ framework: FRAMEWORK_2010, subareaPoints: e.scores ?? {}, statedAreaScores: stated, statedTotal: e.statedTotal ?? null });
};

void describe('unknown scores are gaps, never zero (Örebro 2015)', () => {
  const s2015 = scoreOf(2015);
  const s2012 = scoreOf(2012);
  const known2015 = s2015.areas.filter((a) => a.score !== null).map((a) => a.number);

  it('the fixture really has unknown areas', () => {
    assert.deepEqual(known2015, [3, 4, 8]);
    assert.equal(s2015.total, 650);
  });

  it('radar: an unknown area is a gap in the line and named unknown on its spoke; known ones are plotted as they are', () => {
    const option = rec(
      profileRadarOption({
        indicators: s2015.areas.map((a) => ({ name: `${a.number}. ${FRAMEWORK_2010.areas.find((x) => x.number === a.number)?.title ?? ''}`, max: a.max })),
        series: [
          { name: 'Örebro 2015', values: s2015.areas.map((a) => a.score) },
          { name: 'Örebro 2012', values: s2012.areas.map((a) => a.score) },
        ],
        labels: svChartLabels,
      }),
    );
    const series = arr(option.series).map(rec);
    assert.equal(series.length, 2);
    for (const [k, own] of [s2015, s2012].entries()) {
      const points = arr(series[k]?.data).map((p) => arr(p));
      // 8 spokes plus the closing point at 360°.
      assert.equal(points.length, 9);
      own.areas.forEach((a, i) => {
        const radius = points[i]?.[0];
        if (a.score === null) assert.equal(radius, '-', `area ${a.number} is unknown and must be a gap, got ${String(radius)}`);
        else assert.equal(radius, a.score);
        assert.notEqual(radius, 0, `area ${a.number} drawn at zero`);
      });
      assert.equal(series[k]?.connectNulls, false);
    }
    // The incomplete series is not filled (a filled polygon would claim a shape that is not known).
    assert.equal(series[0]?.areaStyle, undefined);
    const label = rec(rec(option.angleAxis).axisLabel).formatter as (v: number) => string;
    assert.match(label(0), /okänt/, 'area 1 is unknown in 2015');
    assert.doesNotMatch(label(2 * 45), /okänt/, 'area 3 is known');
    // The same option renders on the server (report) without falling back to zeros.
    const svg = renderChartSvg(option, { width: 480, height: 420 });
    assert.match(svg, /<svg/);
  });

  it('trend: every known total is a point, an unknown total a gap', () => {
    const points = orebro.map((e) => ({ year: e.year, total: scoreOf(e.year).total, frameworkId: 'kk2010', frameworkName: FRAMEWORK_2010.name }));
    points.push({ year: 2018, total: null, frameworkId: 'kk2010', frameworkName: FRAMEWORK_2010.name });
    const option = rec(trendOption({ points, labels: svChartLabels }));
    const data = arr(rec(arr(option.series)[0]).data).map((d) => arr(rec(d).value));
    assert.deepEqual(data.map((v) => v[0]), [2010, 2012, 2015, 2018]);
    assert.deepEqual(data.map((v) => v[1]), [515, 615, 650, '-']);
    assert.ok(data.every((v) => v[1] !== 0));
  });
});
