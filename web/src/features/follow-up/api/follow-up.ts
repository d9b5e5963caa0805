import { apiFetch } from '../../../lib/api.ts';

// The server's own types (type-only imports: nothing of the server reaches the bundle).
export type { Cadence, ItemStatus, Priority } from '../../../../../src/domain/action-plan.ts';
export type { ActionPlanItemView as PlanItem, ActionPlanView as ActionPlan } from '../../../../../src/services/action-plan.service.ts';
export type { ReportBackView as ReportBack } from '../../../../../src/services/report-back.service.ts';
export type { IndicatorView as Indicator } from '../../../../../src/services/indicator.service.ts';
export type { PlanEffect as Effect, SubareaEffect } from '../../../../../src/domain/effect.ts';
import type { ActionData } from '../../../../../src/domain/action-plan.ts';
import type { ReportBackView as ReportBack } from '../../../../../src/services/report-back.service.ts';
import type { ActionPlanView as ActionPlan } from '../../../../../src/services/action-plan.service.ts';
import type { IndicatorView as Indicator } from '../../../../../src/services/indicator.service.ts';
import type { PlanEffect as Effect } from '../../../../../src/domain/effect.ts';

/** An action as the plan stores it; a new one has no id until it is saved. */
export type PlanAction = Omit<ActionData, 'id'> & { id?: string };

const planUrl = (id: string) => `/api/action-plans/${encodeURIComponent(id)}`;

export const fetchPlan = (evaluationId: string, signal?: AbortSignal) => apiFetch<ActionPlan>(`/api/evaluations/${encodeURIComponent(evaluationId)}/action-plan`, { signal });
export const createPlan = (evaluationId: string) => apiFetch<ActionPlan>(`/api/evaluations/${encodeURIComponent(evaluationId)}/action-plan`, { method: 'POST' });
export const updatePlan = (id: string, json: Record<string, unknown>) => apiFetch<ActionPlan>(planUrl(id), { method: 'PATCH', json });
export const updateItem = (id: string, itemId: string, json: Record<string, unknown>) => apiFetch<ActionPlan>(`${planUrl(id)}/items/${encodeURIComponent(itemId)}`, { method: 'PATCH', json });
export const addItem = (id: string, expectedVersion: number, improvement: string) => apiFetch<ActionPlan>(`${planUrl(id)}/items`, { method: 'POST', json: { expectedVersion, item: { improvement } } });
export const fetchReportBacks = (id: string, signal?: AbortSignal) => apiFetch<{ items: ReportBack[] }>(`${planUrl(id)}/report-backs`, { signal });
export const createReportBack = (id: string, decisionProposal: string[]) => apiFetch<ReportBack>(`${planUrl(id)}/report-backs`, { method: 'POST', json: decisionProposal.length ? { decisionProposal } : {} });
export const fetchEffect = (id: string, signal?: AbortSignal) => apiFetch<Effect>(`${planUrl(id)}/effect`, { signal });
export const fetchIndicators = (code: string, signal?: AbortSignal) => apiFetch<{ items: Indicator[] }>(`/api/municipalities/${encodeURIComponent(code)}/indicators`, { signal });
export const createIndicator = (code: string, name: string, unit: string) => apiFetch<Indicator>(`/api/municipalities/${encodeURIComponent(code)}/indicators`, { method: 'POST', json: { name, unit } });
export const recordValue = (id: string, period: number, value: number) => apiFetch<Indicator>(`/api/indicators/${encodeURIComponent(id)}/values`, { method: 'POST', json: { period, value } });
export const importIndicators = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return apiFetch<{ values: number }>('/api/indicators/import', { method: 'POST', form });
};
export const reportBackFile = (id: string, n: number, format: 'docx' | 'pdf') => `${planUrl(id)}/report-backs/${n}.${format}`;
export const exportFile = (id: string, format: 'csv' | 'xlsx') => `${planUrl(id)}/export.${format}`;
