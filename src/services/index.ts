import type { Db } from '../db/client.ts';
import { createAuditService } from './audit.service.ts';
import { createAuthService, type AuthSettings } from './auth.service.ts';
import { createEvaluationService } from './evaluation.service.ts';
import { createFrameworkService } from './framework.service.ts';
import { createGoodExampleService } from './good-examples.service.ts';
import { createMunicipalityService } from './municipality.service.ts';
import { createSynthService } from './synth.service.ts';
import { createUserService } from './user.service.ts';
import { createWorkflowService } from './workflow.service.ts';

/** Wires the services over one database. HTTP and CLI both use this. */
export function createServices(db: Db, opts: { auth?: Partial<AuthSettings> } = {}) {
  const municipalities = createMunicipalityService(db);
  const audit = createAuditService(db);
  const frameworks = createFrameworkService(db, audit);
  const evaluations = createEvaluationService({ db, frameworks, municipalities, audit });
  const workflow = createWorkflowService({ db, evaluations, audit });
  const users = createUserService({ db, audit, municipalities });
  const goodExamples = createGoodExampleService({ db, frameworks, evaluations });
  const synth = createSynthService({ frameworks, municipalities });
  const auth = createAuthService({ db, ...(opts.auth ? { settings: opts.auth } : {}) });
  return {
    db,
    frameworks,
    municipalities,
    evaluations,
    audit,
    workflow,
    users,
    auth,
    goodExamples,
    synth,
    /** Reference data every database needs: municipalities and catalog frameworks. */
    async ensureReferenceData(): Promise<void> {
      await municipalities.ensureReference();
      await frameworks.ensureCatalog();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
