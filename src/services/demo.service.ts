import { SYSTEM } from '../domain/access.ts';
import { DEMO_EVALUATIONS } from '../demo/demo-data.ts';
import { GOTEBORG_DEMO_EVALUATION, GOTEBORG_DEMO_ITEMS, GOTEBORG_NKI } from '../demo/follow-up-demo.ts';
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
  await seedFollowUpDemo(services);
  return { created: created + 1 };
}

/** Göteborg's demo action plan with the NKI series and its 2017 targets. */
async function seedFollowUpDemo(services: Services): Promise<void> {
  const evaluation = await services.evaluations.createEvaluation({ input: GOTEBORG_DEMO_EVALUATION, viewer: SYSTEM });
  let { plan } = await services.actionPlans.createActionPlan({ evaluationId: evaluation.id, viewer: SYSTEM });
  plan = await services.actionPlans.updateActionPlan({ id: plan.id, expectedVersion: plan.version, patch: { title: 'Demo: handlingsplan för företagsklimatet', caseNumber: 'DEMO 0001/16', officer: 'Demo Handläggare' }, viewer: SYSTEM });
  for (const [i, patch] of GOTEBORG_DEMO_ITEMS.entries()) {
    const item = plan.items[i];
    if (item) plan = await services.actionPlans.updateItem({ id: plan.id, itemId: item.id, expectedVersion: plan.version, patch, viewer: SYSTEM });
  }
  const nki = await services.indicators.createIndicator({ municipalityCode: '1480', input: { kpi: GOTEBORG_NKI.kpi, name: GOTEBORG_NKI.name, unit: GOTEBORG_NKI.unit, direction: 'higher', baselineValue: 62, baselinePeriod: 2009 }, viewer: SYSTEM, demo: true });
  for (const v of GOTEBORG_NKI.values) await services.indicators.recordValue({ id: nki.id, period: v.period, value: v.value, viewer: SYSTEM });
  for (const t of GOTEBORG_NKI.targets) {
    await services.indicators.addTarget({ id: nki.id, target: { label: t.label, period: t.period, value: t.value, planItemId: plan.items[t.item]?.id ?? null }, viewer: SYSTEM });
  }
}
