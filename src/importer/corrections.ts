/**
 * Corrections the user makes in the import preview before saving: move a list item between strengths,
 * improvement opportunities and unsorted, reassign a subarea text to another subarea, correct a number.
 * Applied to the importer's result, after which the data to save is rebuilt. Pure.
 */
import { z } from 'zod';
import { AREA_MAX, TOTAL_MAX, type FrameworkDef } from '../domain/framework.ts';
import { buildInputs } from './to-input.ts';
import type { ImportProblem, ImportResult, PreviewArea } from './types.ts';
import { AreaNumberSchema, SubareaIdSchema } from '../domain/input.ts';

const List = z.enum(['strengths', 'improvements', 'unsorted']);
export type ImportList = z.infer<typeof List>;

export const ImportCorrectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move-item'), area: AreaNumberSchema, text: z.string().min(1).max(2000), from: List, to: List }),
  z.object({ kind: z.literal('move-text'), area: AreaNumberSchema, from: SubareaIdSchema, to: SubareaIdSchema }),
  z.object({ kind: z.literal('set-score'), subarea: SubareaIdSchema, value: z.number().finite().min(0).max(AREA_MAX).nullable() }),
  z.object({ kind: z.literal('set-area-score'), area: AreaNumberSchema, value: z.number().finite().min(0).max(AREA_MAX).nullable() }),
  z.object({ kind: z.literal('set-total'), value: z.number().finite().min(0).max(TOTAL_MAX).nullable() }),
]);
export type ImportCorrection = z.infer<typeof ImportCorrectionSchema>;
export const ImportCorrectionsSchema = z.array(ImportCorrectionSchema).max(2000);

export class CorrectionError extends Error {}

function areaOf(result: ImportResult, n: number): PreviewArea {
  const a = result.preview.areas.find((x) => x.number === n);
  if (!a) throw new CorrectionError(`Område ${n} finns inte i förhandsgranskningen.`);
  return a;
}

const LIST_NAMES: Record<ImportList, string> = { strengths: 'Styrkor', improvements: 'Förbättringsmöjligheter', unsorted: 'osorterade' };

/** Applies one correction to the preview in place. Throws CorrectionError with a Swedish message when it does not fit. */
function applyOne(result: ImportResult, c: ImportCorrection): void {
  const p = result.preview;
  switch (c.kind) {
    case 'move-item': {
      const a = areaOf(result, c.area);
      const from = a[c.from];
      const i = from.indexOf(c.text);
      if (i < 0) throw new CorrectionError(`Område ${c.area}: punkten "${c.text.slice(0, 60)}" finns inte under ${LIST_NAMES[c.from]}.`);
      from.splice(i, 1);
      a[c.to].push(c.text);
      const r = a.review.find((x) => x.text === c.text);
      if (r) {
        r.column = c.to === 'strengths' ? 'strength' : c.to === 'improvements' ? 'improvement' : null;
        r.confidence = 1;
      }
      return;
    }
    case 'move-text': {
      const a = areaOf(result, c.area);
      const text = a.texts[c.from];
      if (text === undefined) throw new CorrectionError(`Delområde ${c.from} har ingen text att flytta.`);
      if (!a.subareas.some((s) => s.id === c.to)) throw new CorrectionError(`Delområde ${c.to} finns inte i område ${c.area}.`);
      if (c.from === c.to) return;
      const existing = a.texts[c.to];
      a.texts[c.to] = existing ? `${existing}\n\n${text}` : text;
      delete a.texts[c.from];
      a.narratives = a.subareas.map((s) => s.id).filter((id) => a.texts[id] !== undefined);
      return;
    }
    case 'set-score': {
      const s = p.areas.flatMap((a) => a.subareas).find((x) => x.id === c.subarea);
      if (!s) throw new CorrectionError(`Delområde ${c.subarea} finns inte i förhandsgranskningen.`);
      if (c.value !== null && s.max !== null && c.value > s.max) throw new CorrectionError(`Delområde ${c.subarea}: ${c.value} poäng är mer än max ${s.max}.`);
      s.achieved = c.value;
      return;
    }
    case 'set-area-score':
      areaOf(result, c.area).score = c.value;
      return;
    case 'set-total':
      p.total = c.value;
      p.totalSource = c.value === null ? null : 'printed';
      return;
  }
}

/**
 * Applies the user's corrections and rebuilds the evaluation to save. The result records how many
 * corrections were made; the caller records who made them.
 */
export function applyCorrections(result: ImportResult, corrections: readonly ImportCorrection[], framework: FrameworkDef): ImportResult {
  const copy = structuredClone(result);
  if (!copy.ok || !copy.input || corrections.length === 0) return copy;
  for (const c of corrections) applyOne(copy, c);
  const built = buildInputs({ preview: copy.preview, framework, printedTotal: copy.preview.totalSource === 'printed' ? copy.preview.total : null });
  const problems: ImportProblem[] = built.problems;
  copy.preview.problems.push(...problems, {
    severity: 'info',
    code: 'corrected',
    message: `${corrections.length} ${corrections.length === 1 ? 'rättelse' : 'rättelser'} gjordes i förhandsgranskningen före sparandet.`,
  });
  copy.input = built.input;
  copy.ok = built.input !== null;
  return copy;
}
