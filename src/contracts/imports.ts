/** Report import (multipart upload): the JSON replies, and the corrections a user sends with the file. */
import { z } from 'zod';
import { ImportCorrectionSchema, ImportCorrectionsSchema } from '../importer/corrections.ts';
import './common.ts';

export { ImportCorrectionSchema, ImportCorrectionsSchema };

export const ImportProblemOut = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  area: z.number().int().optional(),
  subarea: z.string().optional(),
  at: z.object({ line: z.number().int(), column: z.number().int() }).optional(),
  confidence: z.number().optional(),
});
export const ImportCreatedOut = z.object({
  evaluationId: z.string(),
  earlier: z.array(z.object({ id: z.string(), year: z.number() })),
  earlierSkipped: z.array(z.number()),
  registeredFrameworkId: z.string().nullable(),
  problems: z.array(ImportProblemOut),
});
export type ImportCreated = z.infer<typeof ImportCreatedOut>;
