/** Request and response shapes of the report import routes, shared with the web app. */
import { z } from 'zod';
import { ImportCorrectionSchema, ImportCorrectionsSchema } from '../importer/corrections.ts';

export { ImportCorrectionSchema, ImportCorrectionsSchema };

export const ImportProblemSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  area: z.number().int().optional(),
  subarea: z.string().optional(),
  at: z.object({ line: z.number().int(), column: z.number().int() }).optional(),
  confidence: z.number().optional(),
});

export const ImportCreatedSchema = z.object({
  evaluationId: z.string(),
  earlier: z.array(z.object({ id: z.string(), year: z.number() })),
  earlierSkipped: z.array(z.number()),
  registeredFrameworkId: z.string().nullable(),
  problems: z.array(ImportProblemSchema),
});
