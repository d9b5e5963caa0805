/** Request and response shapes of independent scoring, consensus and calibration. */
import { z } from 'zod';
import { SubareaId } from './common.ts';

const Points = z.number().min(0, 'poängen kan inte vara negativ').max(1000, 'orimligt många poäng');

export const IndependentScoresBody = z.object({
  scores: z.record(SubareaId, Points),
  submitted: z.boolean(),
});

export const ConsensusBody = z.object({
  expectedVersion: z.number().int().min(1),
  items: z
    .array(z.object({ subareaId: SubareaId, value: Points, reason: z.string().max(500, 'motiveringen får vara högst 500 tecken') }))
    .min(1, 'ange minst ett delområde')
    .max(100),
});

const Agreed = z.object({ value: z.number(), reason: z.string(), agreedBy: z.string(), agreedAt: z.string() });

export const IndependentScoresView = z.object({
  evaluators: z.array(z.object({ userId: z.string(), name: z.string(), submitted: z.boolean() })),
  subareas: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      max: z.number().nullable(),
      mine: z.number().nullable(),
      others: z.array(z.object({ userId: z.string(), value: z.number() })).nullable(),
      spread: z.number().nullable(),
      divergent: z.boolean().nullable(),
      agreed: Agreed.nullable(),
    }),
  ),
  readyForConsensus: z.boolean(),
  missingAgreement: z.array(z.string()),
});
export type IndependentScoresViewContract = z.infer<typeof IndependentScoresView>;

export const CalibrationQuery = z.object({ framework: z.string().regex(/^[a-z0-9-]{1,64}$/, 'okänd ramverksversion').optional() });

export const CalibrationReport = z.object({
  frameworks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      evaluations: z.number(),
      subareas: z.array(z.object({ subareaId: z.string(), title: z.string(), evaluations: z.number(), meanSpread: z.number(), maxSpread: z.number(), divergentShare: z.number() })),
    }),
  ),
});
