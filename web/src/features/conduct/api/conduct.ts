import type { z } from 'zod';
import type { EvidenceBody, EvidenceItemContract, FileOut, InterviewPlanContract, QuestionBankOut, QuestionnaireContract, QuestionnaireListOut, SessionBody } from '../../../../../src/contracts/conduct.ts';
import { apiFetch } from '../../../lib/api.ts';

export type Questionnaire = QuestionnaireContract;
export type QuestionnaireList = z.infer<typeof QuestionnaireListOut>;
export type QuestionBank = z.infer<typeof QuestionBankOut>;
export type EvidenceItem = EvidenceItemContract;
export type EvidenceInput = z.input<typeof EvidenceBody>;
export type InterviewPlan = InterviewPlanContract;
export type SessionInput = z.input<typeof SessionBody>;
export type UploadedFile = z.infer<typeof FileOut>;
export interface Answer {
  text: string;
  links: string[];
  fileIds: string[];
}

const ev = (id: string) => `/api/evaluations/${encodeURIComponent(id)}`;

export const fetchQuestionnaires = (signal?: AbortSignal) => apiFetch<QuestionnaireList>('/api/questionnaires', { signal });
export const fetchQuestionnaire = (id: string, signal?: AbortSignal) => apiFetch<Questionnaire>(`${ev(id)}/questionnaire`, { signal });
export const saveQuestionnaire = (id: string, expectedVersion: number, answers: Record<string, Answer>, submit: boolean) =>
  apiFetch<Questionnaire>(`${ev(id)}/questionnaire`, { method: 'PUT', json: { expectedVersion, answers, submit } });
export const reopenQuestionnaire = (id: string) => apiFetch<Questionnaire>(`${ev(id)}/questionnaire/reopen`, { method: 'POST' });

export function uploadFile(id: string, purpose: 'questionnaire' | 'evidence', file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', file, file.name);
  return apiFetch<UploadedFile>(`${ev(id)}/files`, { method: 'POST', form });
}

export const fetchEvidence = (id: string, signal?: AbortSignal) => apiFetch<{ items: EvidenceItem[]; files: UploadedFile[] }>(`${ev(id)}/evidence`, { signal });
export const createEvidence = (id: string, input: EvidenceInput) => apiFetch<EvidenceItem>(`${ev(id)}/evidence`, { method: 'POST', json: input });
export const updateEvidence = (id: string, itemId: string, expectedVersion: number, input: EvidenceInput) => apiFetch<EvidenceItem>(`${ev(id)}/evidence/${encodeURIComponent(itemId)}`, { method: 'PUT', json: { ...input, expectedVersion } });
export const deleteEvidence = (id: string, itemId: string, expectedVersion: number) => apiFetch<null>(`${ev(id)}/evidence/${encodeURIComponent(itemId)}?expectedVersion=${expectedVersion}`, { method: 'DELETE' });

export const fetchInterviews = (id: string, signal?: AbortSignal) => apiFetch<InterviewPlan>(`${ev(id)}/interviews`, { signal });
export const createSession = (id: string, input: SessionInput) => apiFetch<InterviewPlan>(`${ev(id)}/interviews`, { method: 'POST', json: input });
export const deleteSession = (id: string, sessionId: string) => apiFetch<InterviewPlan>(`${ev(id)}/interviews/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });

export const fetchQuestionBank = (frameworkId: string, signal?: AbortSignal) => apiFetch<QuestionBank>(`/api/frameworks/${encodeURIComponent(frameworkId)}/questions`, { signal });
export const saveQuestionBankSubarea = (frameworkId: string, subareaId: string, questions: Array<{ id?: string; text: string; help: string }>) =>
  apiFetch<QuestionBank>(`/api/frameworks/${encodeURIComponent(frameworkId)}/questions/${encodeURIComponent(subareaId)}`, { method: 'PUT', json: { questions } });
