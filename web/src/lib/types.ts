/**
 * Shapes of the API's responses, typed from the server's domain types where they exist.
 */
import type { Evaluation, EvaluationStatus } from '../../../src/domain/evaluation.ts';
import type { FrameworkDef } from '../../../src/domain/framework.ts';

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

export interface EvaluationListItem {
  id: string;
  municipality: { code: string; name: string };
  frameworkId: string;
  year: number;
  month: number | null;
  status: EvaluationStatus;
  total: number | null;
  ordinal: number | null;
  updatedAt: string;
  version: number;
}

export interface ListResponse<T> {
  items: T[];
  count?: number;
}

export type ScoreSource = 'subareas' | 'stated' | 'partial' | 'unknown';

export interface SummarySubarea {
  id: string;
  title: string;
  max: number | null;
  achieved: number | null;
  percent: number | null;
}

export interface SummaryArea {
  number: number;
  title: string;
  score: number | null;
  max: number;
  percent: number | null;
  source: ScoreSource;
  subareas: SummarySubarea[];
  previous: number | null;
  delta: number | null;
  average: number | null;
}

export interface SummaryPrevious {
  evaluationId: string;
  year: number;
  frameworkId: string;
  sameFramework: boolean;
  total: number | null;
  totalDelta: number | null;
}

export interface SummaryAverage {
  frameworkId: string;
  count: number;
  total: number | null;
  areas: Array<{ number: number; score: number | null; count: number }>;
}

export interface SummaryNote {
  kind?: string;
  message: string;
  area?: number;
}

export interface EvaluationSummary {
  id: string;
  municipality: { code: string; name: string; kind?: string };
  frameworkId: string;
  framework: { id: string; name: string };
  year: number;
  status: EvaluationStatus;
  total: number | null;
  totalSource: 'computed' | 'stated' | 'unknown';
  max: number;
  percent: number | null;
  areas: SummaryArea[];
  previous: SummaryPrevious | null;
  average: SummaryAverage | null;
  notes: Array<SummaryNote | string>;
}

/** Body of a 409 conflict: the server's current copy and who changed it. */
export interface ConflictBody {
  currentVersion?: number;
  updatedAt?: string;
  updatedBy?: string | null;
  current?: Evaluation;
}
