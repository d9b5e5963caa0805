/** Turns a preview into the plain data the evaluation service saves (a draft), plus earlier evaluations. */
import { EvaluationInputSchema, type EvaluationInput } from '../domain/evaluation.ts';
import { TOTAL_MAX, type FrameworkDef } from '../domain/framework.ts';
import type { ImportPreview, ImportProblem } from './types.ts';

export interface BuiltInputs {
  input: EvaluationInput | null;
  earlier: EvaluationInput[];
  problems: ImportProblem[];
}

/** Heading on the draft's area summary above items the import could not sort. */
export const UNSORTED_HEADING = 'Osorterade punkter från importen (flytta till Styrkor eller Förbättringsmöjligheter):';

const twoDecimals = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

export function buildInputs(args: {
  preview: ImportPreview;
  framework: FrameworkDef;
  printedTotal: number | null;
}): BuiltInputs {
  const { preview, framework, printedTotal } = args;
  const problems: ImportProblem[] = [];
  const code = preview.municipality?.code ?? '';
  const year = preview.year ?? 0;
  const scores: Record<string, number> = {};
  for (const area of preview.areas) {
    for (const s of area.subareas) {
      if (s.achieved === null) continue;
      const def = framework.areas.find((a) => a.number === area.number)?.subareas.find((d) => d.id === s.id);
      const limit = def?.max ?? 100;
      if (s.achieved < 0 || s.achieved > limit || !twoDecimals(s.achieved)) {
        problems.push({ severity: 'warning', code: 'points-not-saved', area: area.number, subarea: s.id, message: `Delområde ${s.id}: ${s.achieved} poäng kan inte sparas (max ${limit}); lämnas okänt i utkastet.` });
        continue;
      }
      scores[s.id] = s.achieved;
    }
  }
  const clampArea = (v: number | null): number | null => (v !== null && v >= 0 && v <= 100 ? v : null);
  const input: EvaluationInput = {
    municipalityCode: code,
    frameworkId: framework.id,
    status: 'draft',
    year,
    month: preview.month,
    reportDate: preview.reportDate,
    ordinal: preview.ordinal,
    interviews: preview.interviews,
    interviewsApprox: preview.interviewsApprox,
    summary: preview.summary,
    statedTotal: printedTotal !== null && printedTotal >= 0 && printedTotal <= TOTAL_MAX ? printedTotal : null,
    evaluators: preview.evaluators.map((e) => ({ name: e.name.slice(0, 200), organisation: e.organisation.slice(0, 200), isLead: e.isLead })),
    scores,
    areas: preview.areas.map((a) => ({
      number: a.number,
      statedScore: clampArea(a.score),
      // Items nobody sorted are kept on the draft, visibly, rather than dropped.
      summary: a.unsorted.length > 0 ? `${UNSORTED_HEADING}\n${a.unsorted.map((u) => `• ${u}`).join('\n')}`.slice(0, 20_000) : '',
      narratives: a.texts,
      strengths: a.strengths,
      improvements: a.improvements,
      goodExamples: a.goodExamples.map((g) => ({ municipalityCode: g.municipalityCode, name: g.name, subareaId: g.subareaId, text: g.text })),
    })),
    source: { kind: 'import', fileName: preview.fileName.slice(0, 500), found: preview.found.map((f) => f.slice(0, 200)).slice(0, 200) },
    sourceHash: preview.sourceHash,
  };
  for (const a of preview.areas) {
    if (a.unsorted.length > 0) {
      problems.push({
        severity: 'warning',
        code: 'unsorted-saved',
        area: a.number,
        message: `Område ${a.number}: ${a.unsorted.length} osorterade punkter sparas i områdets sammanfattning i utkastet, så att de kan flyttas där.`,
      });
    }
  }
  const parsed = EvaluationInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    problems.push({ severity: 'error', code: 'invalid-evaluation', message: `Utvärderingen som lästes ut går inte att spara: ${issues}` });
    return { input: null, earlier: [], problems };
  }
  const earlier: EvaluationInput[] = [];
  for (const e of preview.earlier) {
    if (e.year < 1990 || e.year > 2100) continue;
    const candidate: EvaluationInput = {
      municipalityCode: code,
      frameworkId: framework.id,
      status: 'draft',
      year: e.year,
      statedTotal: e.total !== null && e.total >= 0 && e.total <= TOTAL_MAX ? e.total : null,
      areas: e.areas.map((v, i) => ({ number: i + 1, statedScore: clampArea(v) })),
      source: { kind: 'import', fileName: preview.fileName.slice(0, 500), found: ['områdespoäng', ...(e.total !== null ? ['totalpoäng'] : [])] },
      sourceHash: `${preview.sourceHash}#${e.year}`,
    };
    if (EvaluationInputSchema.safeParse(candidate).success) earlier.push(candidate);
  }
  return { input, earlier, problems };
}
