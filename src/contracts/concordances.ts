/** The concordance of areas and subareas between two framework versions. */
import { z } from 'zod';
import { CONCORDANCE_RELATIONS } from '../domain/concordance.ts';
import { AREA_DIGIT } from '../domain/framework.ts';
import { FrameworkIdParam, safeText, Version } from './common.ts';

const AreaOrSubarea = z.string().regex(new RegExp(`^${AREA_DIGIT}(\\.[1-9])?$`), 'område (3) eller delområde (3.2)');

export const ConcordancePairSchema = z.object({
  level: z.enum(['area', 'subarea']),
  from: AreaOrSubarea,
  to: AreaOrSubarea,
  relation: z.enum(CONCORDANCE_RELATIONS),
  note: safeText(500).optional(),
});

export const ConcordanceParams = z.object({ from: FrameworkIdParam, to: FrameworkIdParam });
export const ConcordanceBody = z.object({
  pairs: z.array(ConcordancePairSchema).max(120),
  notes: safeText(5000).default(''),
  /** The version read; omitted when creating a concordance that does not exist yet. */
  expectedVersion: Version.optional(),
});

export const ConcordanceOut = z.object({
  fromFrameworkId: z.string(),
  toFrameworkId: z.string(),
  pairs: z.array(z.object({ level: z.enum(['area', 'subarea']), from: z.string(), to: z.string(), relation: z.enum(CONCORDANCE_RELATIONS), note: z.string().optional() })),
  notes: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type ConcordanceReply = z.infer<typeof ConcordanceOut>;
export const ConcordanceListOut = z.object({ items: z.array(ConcordanceOut) });
