/** Status values as a runtime list (mirrors src/domain/evaluation.ts without pulling zod into every page). */
import type { EvaluationStatus } from './types.ts';

export const EVALUATION_STATUSES: readonly EvaluationStatus[] = ['draft', 'review', 'published'];
