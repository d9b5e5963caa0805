import { apiFetch } from '../../../lib/api.ts';
import type { Associations } from '../../../../../src/domain/effect.ts';

export type ItemStatus = 'not_started' | 'ongoing' | 'done' | 'dropped';
export type Priority = 'high' | 'medium' | 'low';
export type Cadence = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export interface PlanAction {
  id?: string;
  text: string;
  responsible: string;
  unit: string;
  start: string | null;
  plannedDone: string | null;
  done: string | null;
}

export interface PlanItem {
  id: string;
  source: 'opportunity' | 'own';
  areaNumber: number | null;
  areaTitle: string | null;
  subareaId: string | null;
  subareaTitle: string | null;
  improvement: string;
  comment: string;
  status: ItemStatus;
  droppedReason: string;
  priority: Priority | null;
  public: boolean;
  actions: PlanAction[];
}

/** src/services/action-plan.service.ts ActionPlanView */
export interface ActionPlan {
  id: string;
  evaluationId: string;
  municipality: { code: string; name: string };
  evaluation: { id: string; year: number; frameworkId: string; frameworkName: string; total: number | null; max: number; areaScores: Record<string, number | null> };
  title: string;
  caseNumber: string;
  officer: string;
  cadence: Cadence;
  published: boolean;
  demo: boolean;
  version: number;
  items: PlanItem[];
  followUp: { nextDue: string; overdue: boolean; lastReportDate: string | null; overdueActions: Array<{ actionId: string; text: string; plannedDone: string }> };
  canEdit: boolean;
  /** True when the viewer sees only the published part. */
  publicView: boolean;
}

export interface ReportBack {
  number: number;
  reportDate: string;
  periodEnd: string;
  decisionProposal: string[];
  changedItems: number;
}

export interface ReportBackDetail extends ReportBack {
  caseNumber: string;
  officer: string;
  summary: string;
  nextSteps: string;
  periodStart: string | null;
}

export interface IndicatorFields {
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baselineValue: number | null;
  baselinePeriod: number | null;
}

export interface Indicator {
  id: string;
  kpi: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: { period: number; value: number } | null;
  demo: boolean;
  values: Array<{ period: number; value: number | null; gender: string; source: string }>;
  targets: Array<{ id: string; label: string; period: number; date: string | null; value: number; planItemId: string | null }>;
}

export interface TargetFields {
  label: string;
  period: number;
  date: string | null;
  value: number;
  planItemId: string | null;
}

/** The server's answer, typed from the domain (src/domain/effect.ts). */
export type { Associations } from '../../../../../src/domain/effect.ts';

export interface SubareaEffect {
  subareaId: string;
  title: string;
  items: Array<{ id: string; improvement: string; done: boolean }>;
  before: number | null;
  after: number | null;
  delta: number | null;
}
export type Effect = { comparable: true; to: { year: number }; subareas: SubareaEffect[] } | { comparable: false; reason: string };

const planUrl = (id: string) => `/api/action-plans/${encodeURIComponent(id)}`;

export const fetchPlan = (evaluationId: string, signal?: AbortSignal) => apiFetch<ActionPlan>(`/api/evaluations/${encodeURIComponent(evaluationId)}/action-plan`, { signal });
export const createPlan = (evaluationId: string) => apiFetch<ActionPlan>(`/api/evaluations/${encodeURIComponent(evaluationId)}/action-plan`, { method: 'POST' });
export const updatePlan = (id: string, json: Record<string, unknown>) => apiFetch<ActionPlan>(planUrl(id), { method: 'PATCH', json });
export const updateItem = (id: string, itemId: string, json: Record<string, unknown>) => apiFetch<ActionPlan>(`${planUrl(id)}/items/${encodeURIComponent(itemId)}`, { method: 'PATCH', json });
export const addItem = (id: string, expectedVersion: number, item: { improvement: string; areaNumber?: number | null; subareaId?: string | null }) =>
  apiFetch<ActionPlan>(`${planUrl(id)}/items`, { method: 'POST', json: { expectedVersion, item } });
export const deleteItem = (id: string, itemId: string, expectedVersion: number) =>
  apiFetch<ActionPlan>(`${planUrl(id)}/items/${encodeURIComponent(itemId)}`, { method: 'DELETE', query: { expectedVersion } });
export const fetchFramework = (frameworkId: string, signal?: AbortSignal) => apiFetch(`/api/frameworks/${encodeURIComponent(frameworkId)}`, { contract: 'framework', signal });
export const fetchHistory = (id: string, signal?: AbortSignal) => apiFetch(`${planUrl(id)}/history`, { contract: 'workflow.history', signal });
export const fetchAssociations = (framework: string, signal?: AbortSignal) => apiFetch<Associations>('/api/follow-up/associations', { query: { framework }, signal });
export const updateReportBack = (id: string, n: number, json: Partial<Pick<ReportBackDetail, 'caseNumber' | 'officer' | 'summary' | 'nextSteps' | 'decisionProposal'>>) =>
  apiFetch<ReportBackDetail>(`${planUrl(id)}/report-backs/${n}`, { method: 'PATCH', json });
export const updateIndicator = (id: string, json: Partial<IndicatorFields>) => apiFetch<Indicator>(`/api/indicators/${encodeURIComponent(id)}`, { method: 'PATCH', json });
export const addTarget = (id: string, json: TargetFields) => apiFetch<Indicator>(`/api/indicators/${encodeURIComponent(id)}/targets`, { method: 'POST', json });
export const deleteTarget = (id: string, targetId: string) => apiFetch<Indicator>(`/api/indicators/${encodeURIComponent(id)}/targets/${encodeURIComponent(targetId)}`, { method: 'DELETE' });
export const fetchReportBacks = (id: string, signal?: AbortSignal) => apiFetch<{ items: ReportBackDetail[] }>(`${planUrl(id)}/report-backs`, { signal });
export interface ReportBackInput {
  periodEnd?: string;
  caseNumber?: string;
  officer?: string;
  decisionProposal?: string[];
  summary?: string;
  nextSteps?: string;
}
export const createReportBack = (id: string, json: ReportBackInput) => apiFetch<ReportBackDetail>(`${planUrl(id)}/report-backs`, { method: 'POST', json });
export const fetchEffect = (id: string, signal?: AbortSignal) => apiFetch<Effect>(`${planUrl(id)}/effect`, { signal });
export const fetchIndicators = (code: string, signal?: AbortSignal) => apiFetch<{ items: Indicator[] }>(`/api/municipalities/${encodeURIComponent(code)}/indicators`, { signal });
export const createIndicator = (code: string, fields: Partial<IndicatorFields> & { name: string; kpi?: string }) =>
  apiFetch<Indicator>(`/api/municipalities/${encodeURIComponent(code)}/indicators`, { method: 'POST', json: fields });
export const recordValue = (id: string, period: number, value: number) => apiFetch<Indicator>(`/api/indicators/${encodeURIComponent(id)}/values`, { method: 'POST', json: { period, value } });
export const importIndicators = (file: File, municipality: string) => {
  const form = new FormData();
  form.append('municipality', municipality);
  form.append('file', file);
  return apiFetch<{ values: number; indicators: number; created: number; format: string }>('/api/indicators/import', { method: 'POST', form });
};
export const reportBackFile = (id: string, n: number, format: 'docx' | 'pdf') => `${planUrl(id)}/report-backs/${n}.${format}`;
export const exportFile = (id: string, format: 'csv' | 'xlsx') => `${planUrl(id)}/export.${format}`;
