import { apiFetch } from '../../../lib/api.ts';

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
  evaluation: { id: string; year: number; frameworkName: string; total: number | null; max: number; areaScores: Record<string, number | null> };
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
}

export interface ReportBack {
  number: number;
  reportDate: string;
  periodEnd: string;
  decisionProposal: string[];
  changedItems: number;
}

export interface Indicator {
  id: string;
  kpi: string;
  name: string;
  unit: string;
  values: Array<{ period: number; value: number | null; gender: string }>;
  targets: Array<{ id: string; label: string; period: number; value: number }>;
}

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
