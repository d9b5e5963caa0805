import type { ImportPreview, ImportProblem } from '../../../../../src/importer/types.ts';
import { apiFetch } from '../../../lib/api.ts';

export type { ImportPreview, ImportProblem };

export interface PreviewResponse {
  ok: boolean;
  preview: ImportPreview;
  duplicateOf: { id: string; year: number } | null;
}

export interface ImportResponse {
  evaluationId: string;
  earlier: Array<{ id: string; year: number }>;
  earlierSkipped: number[];
  registeredFrameworkId: string | null;
  problems: ImportProblem[];
}

function form(file: File): FormData {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return fd;
}

export function previewImport(file: File): Promise<PreviewResponse> {
  return apiFetch<PreviewResponse>('/api/imports/preview', { method: 'POST', form: form(file) });
}

export function confirmImport(file: File): Promise<ImportResponse> {
  return apiFetch<ImportResponse>('/api/imports', { method: 'POST', form: form(file) });
}
