/** Report import (multipart upload): the JSON replies. */
import { z } from 'zod';
import './common.ts';

export const ImportProblemOut = z.object({ severity: z.enum(['error', 'warning', 'info']), message: z.string() });
export const ImportCreatedOut = z.object({
  evaluationId: z.string(),
  earlier: z.array(z.object({ id: z.string(), year: z.number() })),
  earlierSkipped: z.array(z.number()),
  registeredFrameworkId: z.string().nullable(),
  problems: z.array(ImportProblemOut),
});
export type ImportCreated = z.infer<typeof ImportCreatedOut>;
