/** Benchmarks (national distribution, a municipality's standing in a group) and peer groups. */
import { z } from 'zod';
import { FrameworkIdParam, IdParams, MunicipalityCode, safeText, Version } from './common.ts';

const Year = z.coerce.number().int().min(1990).max(2100);

export const BenchmarkQuery = z.object({
  framework: FrameworkIdParam.describe('Ramverksversion, t.ex. kk2020'),
  year: Year.optional().describe('Utvärderingsår; utelämnat: alla år i versionen'),
});

export const DistributionOut = z.object({ n: z.number().int(), mean: z.number(), median: z.number(), p25: z.number(), p75: z.number(), min: z.number(), max: z.number() });
const YearCount = z.object({ year: z.number().int(), n: z.number().int() });

export const BenchmarksOut = z.object({
  framework: z.object({ id: z.string(), name: z.string(), year: z.number() }),
  year: z.number().nullable(),
  years: z.array(YearCount),
  total: DistributionOut.nullable(),
  max: z.number(),
  areas: z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      max: z.number(),
      stats: DistributionOut.nullable(),
      subareas: z.array(z.object({ id: z.string(), title: z.string(), max: z.number().nullable(), stats: DistributionOut.nullable() })),
    }),
  ),
});
export type BenchmarksReply = z.infer<typeof BenchmarksOut>;

export const BenchmarkVersionsOut = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), years: z.array(YearCount) })) });

export const MunicipalityBenchmarkParams = z.object({ code: MunicipalityCode });
export const MunicipalityBenchmarkQuery = z.object({
  framework: FrameworkIdParam.optional().describe('Utelämnat: versionen i kommunens senaste publicerade utvärdering'),
  year: Year.optional(),
  peerGroup: z.uuid('peerGroup ska vara ett UUID').optional().describe('En av dina sparade jämförelsegrupper; utelämnat: kommunens län'),
});

const RankOut = z.object({ rank: z.number().int(), of: z.number().int(), tiedWith: z.number().int() });
const StandingOut = z.object({
  score: z.number().nullable(),
  rank: RankOut.nullable(),
  groupBest: z.number().nullable(),
  distanceToGroupBest: z.number().nullable(),
  groupMedian: z.number().nullable(),
  nationalBest: z.number().nullable(),
  distanceToNationalBest: z.number().nullable(),
});
export const MunicipalityBenchmarkOut = z.object({
  municipality: z.object({ code: z.string(), name: z.string(), countyCode: z.string(), countyName: z.string() }),
  framework: z.object({ id: z.string(), name: z.string() }),
  year: z.number().nullable(),
  group: z.object({
    kind: z.enum(['county', 'peer-group']),
    id: z.string().nullable(),
    name: z.string(),
    members: z.array(z.object({ code: z.string(), name: z.string(), evaluationId: z.string(), year: z.number(), total: z.number().nullable() })),
  }),
  evaluation: z.object({ id: z.string(), year: z.number() }).nullable(),
  total: StandingOut,
  areas: z.array(z.object({ number: z.number(), title: z.string(), standing: StandingOut, subareas: z.array(z.object({ id: z.string(), title: z.string(), max: z.number().nullable(), standing: StandingOut })) })),
});
export type MunicipalityBenchmarkReply = z.infer<typeof MunicipalityBenchmarkOut>;

// ---------- peer groups ----------

export const PeerGroupParams = IdParams;
export const PeerGroupBody = z.object({
  name: safeText(120).trim().min(1, 'Ge gruppen ett namn.'),
  municipalityCodes: z.array(MunicipalityCode).min(1, 'Välj minst en kommun.').max(50, 'Högst 50 kommuner.'),
});
export const PeerGroupUpdateBody = PeerGroupBody.extend({ expectedVersion: Version });
export const PeerGroupOut = z.object({
  id: z.string(),
  name: z.string(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PeerGroupReply = z.infer<typeof PeerGroupOut>;
export const PeerGroupListOut = z.object({ items: z.array(PeerGroupOut) });
