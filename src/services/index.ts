import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/client.ts';
import { createFileStore } from '../repositories/file-store.ts';
import { createRepositories } from '../repositories/index.ts';
import { createEvidenceService } from './evidence.service.ts';
import { createInterviewService } from './interview.service.ts';
import { createQuestionnaireService } from './questionnaire.service.ts';
import { createActionPlanService } from './action-plan.service.ts';
import { createAuditService } from './audit.service.ts';
import { createAuthService, type AuthSettings } from './auth.service.ts';
import { createEvaluationService } from './evaluation.service.ts';
import { createFrameworkService } from './framework.service.ts';
import { createIndicatorService } from './indicator.service.ts';
import { createImportService } from './import.service.ts';
import { createGoodExampleService } from './good-examples.service.ts';
import { createIndependentScoreService } from './independent-score.service.ts';
import { createMunicipalityService } from './municipality.service.ts';
import { createReportBackService, workerReportBackRenderers } from './report-back.service.ts';
import { createPublicPagesService } from './public-pages.service.ts';
import { createOidcService } from './oidc.service.ts';
import { createSynthService } from './synth.service.ts';
import { createUserService } from './user.service.ts';
import { createWorkflowService } from './workflow.service.ts';
import { createNotificationService, type MailSettings } from './notification.service.ts';
import { createStageService } from './stage.service.ts';
import { createWorklistService } from './worklist.service.ts';
import { createReportService } from './report.service.ts';
import { createBackupService } from './backup.service.ts';
import { createChartService } from './chart.service.ts';
import { createDemoAccountService } from './demo-accounts.service.ts';
import { createBenchmarkService } from './benchmark.service.ts';
import { createConcordanceService } from './concordance.service.ts';
import { createOpenDataService } from './open-data.service.ts';
import { createTaskRunner, type WorkerSettings } from '../workers/index.ts';

/** Wires the services over one database: every repository made once here and handed to the services that use it. HTTP and CLI both use this. */
export function createServices(db: Db, opts: { auth?: Partial<AuthSettings>; workers?: WorkerSettings; clock?: () => Date; mail?: MailSettings; filesDir?: string } = {}) {
  const repositories = createRepositories(db);
  const municipalities = createMunicipalityService(db, repositories);
  const audit = createAuditService(db, repositories);
  const frameworks = createFrameworkService(db, audit, repositories);
  const concordances = createConcordanceService({ db, frameworks, audit, repositories });
  // Uploaded files: <data dir>/files in a running server (src/runtime.ts); a fresh temporary folder otherwise (tests, scripts).
  const fileStore = createFileStore(opts.filesDir ?? path.join(os.tmpdir(), `kompass-files-${randomUUID()}`));
  const evaluations = createEvaluationService({ db, frameworks, municipalities, audit, concordances, files: fileStore, repositories });
  const benchmarks = createBenchmarkService({ db, frameworks, municipalities, repositories });
  const openData = createOpenDataService({ frameworks, evaluations, concordances, repositories });
  const clock = opts.clock ? { clock: opts.clock } : {};
  /** E-mail through the outbox; nothing is queued or sent without an SMTP server. */
  const notifications = createNotificationService({ db, mail: opts.mail, repositories, ...clock });
  const workflow = createWorkflowService({ db, evaluations, audit, notifications, municipalities, repositories });
  const evidence = createEvidenceService({ db, frameworks, audit, files: fileStore, repositories });
  /** Worker threads for untrusted work (uploads, report rendering); started on first use. */
  const tasks = createTaskRunner(opts.workers);
  const questionnaires = createQuestionnaireService({ db, frameworks, municipalities, audit, tasks, repositories });
  const interviews = createInterviewService({ db, evaluations, municipalities, audit, tasks, repositories });
  const stages = createStageService({ db, evaluations, frameworks, municipalities, audit, notifications, evidence, questionnaires, interviews, repositories, ...clock });
  const worklist = createWorklistService({ stages, frameworks, repositories, ...clock });
  const users = createUserService({ db, audit, municipalities, repositories });
  const actionPlans = createActionPlanService({ db, evaluations, frameworks, audit, repositories, ...clock });
  const indicators = createIndicatorService({ db, audit, municipalities, repositories });
  const goodExamples = createGoodExampleService({ frameworks, evaluations, repositories });
  const independentScores = createIndependentScoreService({ db, evaluations, frameworks, audit, repositories });
  const auth = createAuthService({ users, repositories, ...(opts.auth ? { settings: opts.auth } : {}) });
  const reportBacks = createReportBackService({ db, plans: actionPlans, indicators, frameworks, audit, renderers: workerReportBackRenderers(tasks), repositories });
  const imports = createImportService({ db, frameworks, municipalities, evaluations, audit, tasks, repositories });
  const publicPages = createPublicPagesService({ evaluations, municipalities });
  const reports = createReportService({ evaluations, frameworks, tasks });
  const charts = createChartService({ tasks, evaluations, frameworks, municipalities });
  const backup = createBackupService({ db, evaluations, frameworks, municipalities, goodExamples, files: fileStore, repositories });
  const synth = createSynthService({ frameworks, municipalities, backup });
  const oidc = createOidcService({ repositories });
  const demoAccounts = createDemoAccountService({ db, users, evaluations, frameworks, repositories });
  return {
    db,
    tasks,
    frameworks,
    municipalities,
    evaluations,
    audit,
    workflow,
    notifications,
    stages,
    worklist,
    users,
    auth,
    actionPlans,
    indicators,
    reportBacks,
    goodExamples,
    synth,
    independentScores,
    publicPages,
    imports,
    reports,
    charts,
    backup,
    /** The uploaded files' store (the backup reads and writes it). */
    files: fileStore,
    oidc,
    concordances,
    benchmarks,
    openData,
    questionnaires,
    evidence,
    interviews,
    demoAccounts,
    /** Reference data every database needs: municipalities and catalog frameworks. */
    async ensureReferenceData(): Promise<void> {
      await municipalities.ensureReference();
      await frameworks.ensureCatalog();
      await concordances.ensureCatalog();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
