/**
 * Building blocks of the HTTP contracts (request and response schemas shared by the routes, the
 * OpenAPI document and the web app). Importing any contract installs zod's Swedish messages.
 */
import { z } from 'zod';
import { AreaNumberSchema, safeText, SubareaIdSchema, TEXT_LIMITS } from '../domain/input.ts';
import { useSwedishZodErrors } from './swedish-errors.ts';

useSwedishZodErrors();

export { safeText, TEXT_LIMITS };

export const IdParams = z.object({ id: z.uuid('id ska vara ett UUID') });
/** The version the client last read; a write against another version is refused with 409. */
export const Version = z.number().int().min(1);
export const MunicipalityCode = z.string().regex(/^\d{2,4}$/, 'kommunkod: 4 siffror (region: 2)');
export const SubareaId = SubareaIdSchema;
export const AreaNumber = AreaNumberSchema;
/** A framework id in a path or query string. */
export const FrameworkIdParam = safeText(64);

/** One field problem in a problem+json body. */
export const FieldError = z.object({
  path: z.string(),
  /** Swedish. */
  message: z.string(),
  /** For invalid input: the schema issue's code and limits, so a client can word the problem in its own language. */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
/** application/problem+json (RFC 9457) as the server writes it. */
export const ProblemOut = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  instance: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(FieldError).optional(),
});

export const ItemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
