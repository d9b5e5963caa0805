/**
 * Shapes of the API's responses, typed from the server's own types (services and domain).
 */
import type { Evaluation, EvaluationStatus } from '../../../src/domain/evaluation.ts';
import type { FrameworkDef } from '../../../src/domain/framework.ts';
import type { EvaluationSummary } from '../../../src/services/evaluation.service.ts';

export type { Evaluation, EvaluationStatus, FrameworkDef };
export type { AreaText, Evaluator, EvaluationInput } from '../../../src/domain/evaluation.ts';

export interface FrameworkListItem {
  id: string;
  name: string;
  year: number;
  origin: string;
  needsReview: boolean;
}

export interface MunicipalityItem {
  code: string;
  name: string;
  kind: 'kommun' | 'region';
  countyName: string | null;
}

export interface ListResponse<T> {
  items: T[];
  count?: number;
}

export type { EvaluationListItem, EvaluationSummary } from '../../../src/services/evaluation.service.ts';
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
