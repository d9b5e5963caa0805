import { z } from 'zod';
import { MunicipalityCode, safeText, TEXT_LIMITS } from './common.ts';

export const MunicipalityOut = z.object({ code: z.string(), name: z.string(), kind: z.enum(['kommun', 'region']), countyCode: z.string(), countyName: z.string() });
export type Municipality = z.infer<typeof MunicipalityOut>;

export const MunicipalitySearchQuery = z.object({
  q: safeText(TEXT_LIMITS.query).default(''),
  limit: z.coerce.number().int().min(1).max(400).default(20),
  kind: z.enum(['kommun', 'region']).optional(),
});
export const MunicipalityListOut = z.object({ items: z.array(MunicipalityOut) });
export const MunicipalityParams = z.object({ code: MunicipalityCode });
