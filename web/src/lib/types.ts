/**
 * Shapes of the API's responses: inferred from the server's contracts (src/contracts) where the
 * routes declare them, else the server's own domain and service types.
 */
import type { EvaluationDto } from '../../../src/contracts/evaluations.ts';
import type { EvaluationStatus } from '../../../src/domain/evaluation.ts';
import type { FrameworkDef } from '../../../src/domain/framework.ts';
import type { EvaluationSummary } from '../../../src/services/evaluation.service.ts';

export type { EvaluationStatus, FrameworkDef };
export type { AreaText, Evaluator, EvaluationInput } from '../../../src/domain/evaluation.ts';
export type { FrameworkListItem } from '../../../src/contracts/frameworks.ts';
export type { Municipality as MunicipalityItem } from '../../../src/contracts/municipalities.ts';
export type { EvaluationListItem } from '../../../src/contracts/evaluations.ts';
export type { ComparisonReply } from '../../../src/contracts/open-data.ts';
export type { BenchmarksReply, MunicipalityBenchmarkReply, PeerGroupReply } from '../../../src/contracts/benchmarks.ts';
export type { ConcordanceReply } from '../../../src/contracts/concordances.ts';

/** An evaluation with points and texts (GET /api/evaluations/:id). */
export type Evaluation = EvaluationDto;

export interface ListResponse<T> {
  items: T[];
  count?: number;
}

export type { EvaluationSummary } from '../../../src/services/evaluation.service.ts';
export type SummaryArea = EvaluationSummary['areas'][number];
export type SummarySubarea = SummaryArea['subareas'][number];
export type SummaryPrevious = NonNullable<EvaluationSummary['previous']>;
export type SummaryAverage = EvaluationSummary['average'];
export type SummaryNote = EvaluationSummary['notes'][number];
export type ScoreSource = SummaryArea['source'];

/** Body of a 409 conflict: the server's current copy and who changed it. */
export interface ConflictBody {
  currentVersion?: number;
  updatedAt?: string;
  updatedBy?: string | null;
  current?: Evaluation;
}
