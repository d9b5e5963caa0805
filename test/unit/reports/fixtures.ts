/**
 * Pure report fixtures: an evaluation, its framework and summary built without a database,
 * using the real scoring functions. Burlöv 2020's points are the demo figures (facts from the report).
 */
import { FRAMEWORK_2020 as FRAMEWORK_2020_DEF } from '../../../src/catalog/framework-2020.ts';
import { catalogTranslations } from '../../../src/catalog/framework-translations.ts';

/** The 2020 revision as stored, with its shipped title translations. */
const FRAMEWORK_2020 = { ...FRAMEWORK_2020_DEF, translations: catalogTranslations(FRAMEWORK_2020_DEF.id) };
import { DEMO_EVALUATIONS } from '../../../src/demo/demo-data.ts';
import { AreaTextSchema, EvaluationInputSchema, type Evaluation, type EvaluationInput } from '../../../src/domain/evaluation.ts';
import type { FrameworkDef } from '../../../src/domain/framework.ts';
import { computeScores, percentOf, type EvaluationScore } from '../../../src/domain/scoring.ts';
import type { EvaluationSummary } from '../../../src/services/evaluation.service.ts';
import type { BuildReportInput } from '../../../src/reports/view-model.ts';

export function makeEvaluation(input: EvaluationInput, extra: Partial<Evaluation> = {}): Evaluation {
  const parsed = EvaluationInputSchema.parse(input);
  return {
    ...parsed,
    areas: parsed.areas.map((a) => AreaTextSchema.parse(a)),
    id: 'ev-1',
    municipality: { code: parsed.municipalityCode, name: parsed.municipalityCode === '1231' ? 'Burlöv' : 'Testby', kind: 'kommun' },
    version: 1,
    createdAt: '2021-01-01T00:00:00.000Z',
    updatedAt: '2021-01-01T00:00:00.000Z',
    updatedBy: null,
    supersedesId: null,
    supersededById: null,
    ...extra,
  };
}

export interface SummaryExtras {
  previous?: { year: number; frameworkId: string; areas: Array<number | null>; total: number | null } | null;
  average?: { count: number; areas: Array<number | null>; total: number | null } | null;
}

export function makeSummary(ev: Evaluation, fw: FrameworkDef, extras: SummaryExtras = {}): EvaluationSummary {
  const score: EvaluationScore = computeScores({
    framework: fw,
    subareaPoints: ev.scores,
    statedAreaScores: Object.fromEntries(ev.areas.flatMap((a) => (a.statedScore === null ? [] : [[a.number, a.statedScore]]))),
    statedTotal: ev.statedTotal,
  });
  const prev = extras.previous ?? null;
  const avg = extras.average ?? null;
  return {
    id: ev.id,
    municipality: { code: ev.municipality.code, name: ev.municipality.name },
    frameworkId: fw.id,
    framework: { id: fw.id, name: fw.name, needsReview: fw.needsReview },
    year: ev.year,
    status: ev.status,
    total: score.total,
    totalSource: score.totalSource,
    computedTotal: score.computedTotal,
    max: score.max,
    percent: score.total === null ? null : percentOf(score.total, score.max),
    areas: score.areas.map((a, i) => {
      const p = prev?.areas[i] ?? null;
      return { ...a, previous: p, delta: p === null || a.score === null ? null : a.score - p, average: avg?.areas[i] ?? null, averageCount: avg ? avg.count : 0 };
    }),
    previous: prev
      ? { evaluationId: 'ev-prev', year: prev.year, frameworkId: prev.frameworkId, sameFramework: prev.frameworkId === fw.id, pairing: prev.frameworkId === fw.id ? 'same-version' : 'totals-only', total: prev.total, totalDelta: prev.total === null || score.total === null ? null : score.total - prev.total }
      : null,
    average: avg
      ? { frameworkId: fw.id, count: avg.count, total: avg.total, areas: avg.areas.map((s, i) => ({ number: i + 1, score: s, count: avg.count })) }
      : { frameworkId: fw.id, count: 0, total: null, areas: fw.areas.map((a) => ({ number: a.number, score: null, count: 0 })) },
    notes: score.notes,
  };
}

export function burlovDemoInput(): EvaluationInput {
  const found = DEMO_EVALUATIONS.find((e) => e.municipalityCode === '1231' && e.year === 2020);
  if (!found) throw new Error('Burlöv 2020 missing from demo data');
  return structuredClone(found);
}

/** Burlöv 2020 with an average of 10 evaluations and a previous evaluation in the same version. */
export function burlovReportInput(overrides: { evaluation?: Partial<EvaluationInput>; framework?: Partial<FrameworkDef> } = {}): BuildReportInput {
  const fw: FrameworkDef = { ...structuredClone(FRAMEWORK_2020), ...overrides.framework };
  const ev = makeEvaluation({ ...burlovDemoInput(), ...overrides.evaluation });
  const summary = makeSummary(ev, fw, {
    previous: { year: 2016, frameworkId: fw.id, areas: [60, 55, 62, 58, 61, 57, 64, 59], total: 476 },
    average: { count: 10, areas: [58.4, 60.2, 63.5, 59, 61.5, 57.25, 66, 60.1], total: 485.95 },
  });
  return { evaluation: ev, framework: fw, summary };
}
