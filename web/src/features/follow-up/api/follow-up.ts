import { apiFetch } from '../../../lib/api.ts';
import type {
  ActionPlanReply,
  AssociationsReply,
  IndicatorFields,
  IndicatorReply,
  PlanEffectReply,
  ReportBackInput,
  ReportBackPatch,
  ReportBackReply,
  TargetFields,
} from '../../../../../src/contracts/follow-up.ts';
import type { Cadence, ItemStatus, Priority } from '../../../../../src/domain/action-plan.ts';

/** The replies are typed from the server's contracts (src/contracts/follow-up.ts). */
export type { Cadence, IndicatorFields, ItemStatus, Priority, ReportBackInput, TargetFields };
export type ActionPlan = ActionPlanReply;
export type ReportBackDetail = ReportBackReply;
export type Indicator = IndicatorReply;
export type Effect = PlanEffectReply;
export type Associations = AssociationsReply;
type StoredItem = ActionPlan['items'][number];
/** An action as edited: a new one has no id until the plan is saved. */
export type PlanAction = Omit<StoredItem['actions'][number], 'id'> & { id?: string };
/** An item as edited (with its new actions). */
export type PlanItem = Omit<StoredItem, 'actions'> & { actions: PlanAction[] };

const planUrl = (id: string) => `/api/action-plans/${encodeURIComponent(id)}`;

export const fetchPlan = (evaluationId: string, signal?: AbortSignal) => apiFetch(`/api/evaluations/${encodeURIComponent(evaluationId)}/action-plan`, { contract: 'actionPlan', signal });
export const createPlan = (evaluationId: string) => apiFetch(`/api/evaluations/${encodeURIComponent(evaluationId)}/action-plan`, { contract: 'actionPlan', method: 'POST' });
export const updatePlan = (id: string, json: Record<string, unknown>) => apiFetch(planUrl(id), { contract: 'actionPlan', method: 'PATCH', json });
export const updateItem = (id: string, itemId: string, json: Record<string, unknown>) => apiFetch(`${planUrl(id)}/items/${encodeURIComponent(itemId)}`, { contract: 'actionPlan', method: 'PATCH', json });
export const addItem = (id: string, expectedVersion: number, item: { improvement: string; areaNumber?: number | null; subareaId?: string | null }) =>
  apiFetch(`${planUrl(id)}/items`, { contract: 'actionPlan', method: 'POST', json: { expectedVersion, item } });
export const deleteItem = (id: string, itemId: string, expectedVersion: number) =>
  apiFetch(`${planUrl(id)}/items/${encodeURIComponent(itemId)}`, { contract: 'actionPlan', method: 'DELETE', query: { expectedVersion } });
export const fetchFramework = (frameworkId: string, signal?: AbortSignal) => apiFetch(`/api/frameworks/${encodeURIComponent(frameworkId)}`, { contract: 'framework', signal });
export const fetchHistory = (id: string, signal?: AbortSignal) => apiFetch(`${planUrl(id)}/history`, { contract: 'workflow.history', signal });
export const fetchAssociations = (framework: string, signal?: AbortSignal) => apiFetch('/api/follow-up/associations', { contract: 'followUp.associations', query: { framework }, signal });
export const updateReportBack = (id: string, n: number, json: ReportBackPatch) =>
  apiFetch(`${planUrl(id)}/report-backs/${n}`, { contract: 'reportBack', method: 'PATCH', json });
export const updateIndicator = (id: string, json: IndicatorFields) => apiFetch(`/api/indicators/${encodeURIComponent(id)}`, { contract: 'indicator', method: 'PATCH', json });
export const addTarget = (id: string, json: TargetFields) => apiFetch(`/api/indicators/${encodeURIComponent(id)}/targets`, { contract: 'indicator', method: 'POST', json });
export const deleteTarget = (id: string, targetId: string) => apiFetch(`/api/indicators/${encodeURIComponent(id)}/targets/${encodeURIComponent(targetId)}`, { contract: 'indicator', method: 'DELETE' });
export const fetchReportBacks = (id: string, signal?: AbortSignal) => apiFetch(`${planUrl(id)}/report-backs`, { contract: 'reportBacks.list', signal });
export const createReportBack = (id: string, json: ReportBackInput) => apiFetch(`${planUrl(id)}/report-backs`, { contract: 'reportBack', method: 'POST', json });
export const fetchEffect = (id: string, signal?: AbortSignal) => apiFetch(`${planUrl(id)}/effect`, { contract: 'actionPlans.effect', signal });
export const fetchIndicators = (code: string, signal?: AbortSignal) => apiFetch(`/api/municipalities/${encodeURIComponent(code)}/indicators`, { contract: 'indicators.list', signal });
export const createIndicator = (code: string, fields: IndicatorFields & { name: string; kpi?: string }) =>
  apiFetch(`/api/municipalities/${encodeURIComponent(code)}/indicators`, { contract: 'indicator', method: 'POST', json: fields });
export const recordValue = (id: string, period: number, value: number) => apiFetch(`/api/indicators/${encodeURIComponent(id)}/values`, { contract: 'indicator', method: 'POST', json: { period, value } });
export const importIndicators = (file: File, municipality: string) => {
  const form = new FormData();
  form.append('municipality', municipality);
  form.append('file', file);
  return apiFetch('/api/indicators/import', { contract: 'indicators.imported', method: 'POST', form });
};
export const reportBackFile = (id: string, n: number, format: 'docx' | 'pdf') => `${planUrl(id)}/report-backs/${n}.${format}`;
export const exportFile = (id: string, format: 'csv' | 'xlsx') => `${planUrl(id)}/export.${format}`;
