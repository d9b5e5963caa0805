import { SYSTEM } from '../domain/access.ts';
import { DEMO_EVALUATIONS } from '../demo/demo-data.ts';
import type { Services } from './index.ts';

/** Fills an empty database with the demo evaluations. Idempotent: does nothing when evaluations exist. */
export async function seedDemoData(services: Services): Promise<{ created: number }> {
  const existing = await services.evaluations.listEvaluations({ filter: { limit: 1 }, viewer: SYSTEM });
  if (existing.count > 0) return { created: 0 };
  let created = 0;
  for (const input of DEMO_EVALUATIONS) {
    await services.evaluations.createEvaluation({ input, viewer: SYSTEM });
    created += 1;
  }
  return { created };
}
