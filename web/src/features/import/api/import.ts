import type { ImportPreview, ImportProblem } from '../../../../../src/importer/types.ts';
import type { ImportCreated } from '../../../../../src/contracts/imports.ts';
import { apiFetch } from '../../../lib/api.ts';

export type { ImportPreview, ImportProblem };

export interface PreviewResponse {
  ok: boolean;
  preview: ImportPreview;
  duplicateOf: { id: string; year: number } | null;
}

export type ImportResponse = ImportCreated;

function form(file: File): FormData {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return fd;
}

export function previewImport(file: File): Promise<PreviewResponse> {
  return apiFetch<PreviewResponse>('/api/imports/preview', { method: 'POST', form: form(file) });
}

export function confirmImport(file: File): Promise<ImportResponse> {
  return apiFetch('/api/imports', { contract: 'imports.created', method: 'POST', form: form(file) });
}
