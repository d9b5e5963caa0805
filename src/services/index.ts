import type { Db } from '../db/client.ts';
import { createEvaluationService } from './evaluation.service.ts';
import { createFrameworkService } from './framework.service.ts';
import { createMunicipalityService } from './municipality.service.ts';

/** Wires the services over one database. HTTP and CLI both use this. */
export function createServices(db: Db) {
  const frameworks = createFrameworkService(db);
  const municipalities = createMunicipalityService(db);
  const evaluations = createEvaluationService({ db, frameworks, municipalities });
  return {
    db,
    frameworks,
    municipalities,
    evaluations,
    /** Reference data every database needs: municipalities and catalog frameworks. */
    async ensureReferenceData(): Promise<void> {
      await municipalities.ensureReference();
      await frameworks.ensureCatalog();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
