import { z } from 'zod';
import './common.ts';

export const HealthOut = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
export type Health = z.infer<typeof HealthOut>;
