import type { Db } from '../db/client.ts';
import { createAccountRepository } from './account.repository.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';
import { createAssignmentRepository } from './assignment.repository.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createBackupRepository } from './backup.repository.ts';
import { createBenchmarkRepository } from './benchmark.repository.ts';
import { createConcordanceRepository } from './concordance.repository.ts';
import { createEvaluationRepository } from './evaluation.repository.ts';
import { createEvidenceRepository } from './evidence.repository.ts';
import { createFrameworkRepository } from './framework.repository.ts';
import { createIndependentScoreRepository } from './independent-score.repository.ts';
import { createIndicatorRepository } from './indicator.repository.ts';
import { createInterviewRepository } from './interview.repository.ts';
import { createMunicipalityRepository } from './municipality.repository.ts';
import { createNotificationRepository } from './notification.repository.ts';
import { createQuestionnaireRepository } from './questionnaire.repository.ts';
import { createSearchRepository } from './search.repository.ts';
import { createSignInRepository } from './sign-in.repository.ts';
import { createStageRepository } from './stage.repository.ts';

/**
 * Every repository over one database, made once by `createServices` (src/services/index.ts) and handed to
 * each service as the part it uses (`Pick<Repositories, …>`). Repositories hold no state; a write inside a
 * transaction passes the transaction as the `executor` argument.
 */
export function createRepositories(db: Db) {
  return {
    accounts: createAccountRepository(db),
    actionPlans: createActionPlanRepository(db),
    assignments: createAssignmentRepository(db),
    audit: createAuditRepository(db),
    backup: createBackupRepository(db),
    benchmarks: createBenchmarkRepository(db),
    concordances: createConcordanceRepository(db),
    evaluations: createEvaluationRepository(db),
    evidence: createEvidenceRepository(db),
    frameworks: createFrameworkRepository(db),
    independentScores: createIndependentScoreRepository(db),
    indicators: createIndicatorRepository(db),
    interviews: createInterviewRepository(db),
    municipalities: createMunicipalityRepository(db),
    notifications: createNotificationRepository(db),
    questionnaires: createQuestionnaireRepository(db),
    search: createSearchRepository(db),
    signIns: createSignInRepository(db),
    stages: createStageRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
